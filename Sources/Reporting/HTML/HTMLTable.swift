/// A table for a report: a header row, body rows, and numeric columns aligned right.
///
/// Cells hold escaped text unless they are built from ``TrustedHTML`` on purpose, so a ticker or
/// strategy name read from a file can never turn into markup. The table is wrapped in a
/// `div.table-wrap` that ``ReportStyle`` lets scroll sideways on a narrow screen.
public struct HTMLTable: Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable {
        /// Left-aligned text.
        case text
        /// Right-aligned with tabular figures, so digits of equal place line up; class `num`.
        case numeric
    }

    /// A column header and the alignment of its cells.
    public struct Column: Sendable {
        /// Header text, escaped when rendered.
        public var title: String
        /// How the header and the column's cells line up.
        public var alignment: Alignment

        /// Creates a column.
        ///
        /// - Parameters:
        ///   - title: Header text; escaped when rendered.
        ///   - alignment: `.numeric` aligns the column right.
        public init(_ title: String, alignment: Alignment = .text) {
            self.title = title
            self.alignment = alignment
        }

        /// A right-aligned column for numbers.
        public static func numeric(_ title: String) -> Column {
            Column(title, alignment: .numeric)
        }
    }

    /// One cell's content: escaped text by default, trusted markup only when asked for.
    public struct Cell: Sendable, ExpressibleByStringLiteral {
        let markup: TrustedHTML
        let isNegative: Bool

        /// A cell showing untrusted text literally.
        public init(_ text: String) {
            self.markup = TrustedHTML(escaping: text)
            self.isNegative = false
        }

        /// A literal cell is escaped too, so `"A & B"` shows as written.
        public init(stringLiteral text: String) {
            self.init(text)
        }

        private init(markup: TrustedHTML, isNegative: Bool) {
            self.markup = markup
            self.isNegative = isNegative
        }

        /// A cell showing untrusted text literally.
        public static func text(_ text: String) -> Cell {
            Cell(text)
        }

        /// A formatted number; negative values get the class `neg` so a style can colour them.
        ///
        /// - Parameters:
        ///   - value: The number; NaN shows as a dash.
        ///   - format: How to write it.
        public static func number(_ value: Double, format: ValueFormat = .number()) -> Cell {
            let markup = TrustedHTML(escaping: format.string(for: value))
            return Cell(markup: markup, isNegative: value < 0)
        }

        /// A cell holding markup as is, such as a badge or a link built by the program.
        public static func markup(_ markup: TrustedHTML) -> Cell {
            Cell(markup: markup, isNegative: false)
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The body rows; each has one cell per column.
    public var rows: [[Cell]]
    /// An optional caption above the table, escaped when rendered.
    public var caption: String?

    /// Creates a table.
    ///
    /// - Parameters:
    ///   - columns: The columns, left to right.
    ///   - rows: The body rows; each must have exactly one cell per column.
    ///   - caption: Optional caption text.
    public init(columns: [Column], rows: [[Cell]], caption: String? = nil) {
        for (index, row) in rows.enumerated() {
            precondition(
                row.count == columns.count,
                "HTMLTable row \(index) has \(row.count) cells for \(columns.count) columns")
        }
        self.columns = columns
        self.rows = rows
        self.caption = caption
    }

    /// Renders the table inside its scrolling wrapper.
    public func render() -> TrustedHTML {
        var html: TrustedHTML = "<div class=\"table-wrap\"><table>"
        if let caption {
            html += "<caption>\(caption)</caption>"
        }
        html += "<thead><tr>"
        for column in columns {
            html +=
                "<th scope=\"col\"\(classAttribute(column.alignment, false))>\(column.title)</th>"
        }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>"
            for (column, cell) in zip(columns, row) {
                let classes = classAttribute(column.alignment, cell.isNegative)
                html += "<td\(classes)>\(cell.markup)</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>"
        return html
    }

    private func classAttribute(_ alignment: Alignment, _ isNegative: Bool) -> TrustedHTML {
        switch (alignment, isNegative) {
        case (.text, _): ""
        case (.numeric, false): " class=\"num\""
        case (.numeric, true): " class=\"num neg\""
        }
    }
}
