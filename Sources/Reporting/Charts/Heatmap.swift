import Foundation

/// A table of values drawn as coloured cells, such as monthly returns by year.
///
/// Colour diverges around zero: losses red, gains green, near zero almost white, and every cell
/// also prints its value so the chart does not depend on colour alone. Trailing summary columns
/// (a "Year" total) are coloured on their own scale: a 30% year next to 2% months would
/// otherwise wash all the months out. Missing values are left as empty outlined cells.
public struct Heatmap: Sendable {
    /// The title, shown at the top and announced to screen readers.
    public var title: String
    /// Row labels, top to bottom; escaped when rendered.
    public var rowLabels: [String]
    /// Column labels, left to right; escaped when rendered.
    public var columnLabels: [String]
    /// `values[row][column]`; NaN leaves a cell empty.
    public var values: [[Double]]
    /// How cell values are printed.
    public var valueFormat: ValueFormat
    /// How many trailing columns are totals with their own colour scale, set slightly apart.
    public var summaryColumnCount: Int
    /// The viewBox width; the element itself always scales to its container.
    public var width: Double = 960

    static let rowHeight = 26.0
    private static let labelColumnWidth = 64.0
    private static let summaryGap = 10.0
    private static let neutral = (247.0, 247.0, 247.0)
    private static let loss = (178.0, 24.0, 43.0)
    private static let gain = (27.0, 120.0, 55.0)

    /// Creates a heatmap.
    ///
    /// - Parameters:
    ///   - title: Chart title; escaped when rendered.
    ///   - rowLabels: One label per row.
    ///   - columnLabels: One label per column.
    ///   - values: One array per row with one value per column; NaN for an empty cell.
    ///   - valueFormat: How cell values are printed.
    ///   - summaryColumnCount: Trailing total columns coloured on their own scale.
    public init(
        title: String, rowLabels: [String], columnLabels: [String], values: [[Double]],
        valueFormat: ValueFormat = .percent(decimals: 1), summaryColumnCount: Int = 0
    ) {
        precondition(values.count == rowLabels.count, "one value row per row label")
        for row in values {
            precondition(row.count == columnLabels.count, "one value per column in every row")
        }
        precondition((0...columnLabels.count).contains(summaryColumnCount))
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.valueFormat = valueFormat
        self.summaryColumnCount = summaryColumnCount
    }

    /// Monthly returns: one row per year, columns January to December and a "Year" total.
    ///
    /// - Parameters:
    ///   - title: Chart title.
    ///   - years: The years, one per row.
    ///   - monthlyReturns: Per year, 12 returns as fractions; NaN for months without data.
    ///   - yearlyReturns: Per year, the compounded return of the year; NaN if unknown.
    public static func monthlyReturns(
        title: String = "Monthly returns", years: [Int], monthlyReturns: [[Double]],
        yearlyReturns: [Double]
    ) -> Heatmap {
        precondition(monthlyReturns.count == years.count && yearlyReturns.count == years.count)
        let rows = zip(monthlyReturns, yearlyReturns).map { months, year in
            precondition(months.count == 12, "a year of monthly returns has 12 values")
            return months + [year]
        }
        return Heatmap(
            title: title, rowLabels: years.map(String.init),
            columnLabels: DateAxis.monthNames + ["Year"], values: rows,
            valueFormat: .percent(decimals: 1), summaryColumnCount: 1)
    }

    /// Renders the chart as an `<svg>` element.
    public func render() -> String {
        var writer = SVGWriter()
        writer.drawTitle(title, chartWidth: width)
        let top = 36.0
        let cellWidth = cellWidth()
        let height = top + 22 + Double(values.count) * Self.rowHeight + 12
        let limits = colorLimits()

        for (column, label) in columnLabels.enumerated() {
            writer.text(
                label, x: cellLeft(column, cellWidth) + cellWidth / 2, y: top + 14,
                anchor: .middle, size: ChartPalette.labelSize, weight: "600")
        }
        for (row, rowValues) in values.enumerated() {
            let y = top + 22 + Double(row) * Self.rowHeight
            writer.text(
                rowLabels[row], x: Self.labelColumnWidth - 10, y: y + 17, anchor: .end,
                size: ChartPalette.labelSize, weight: "600")
            for (column, value) in rowValues.enumerated() {
                let limit = column >= columnLabels.count - summaryColumnCount ? limits.1 : limits.0
                drawCell(
                    value, limit: limit, x: cellLeft(column, cellWidth), y: y,
                    width: cellWidth, into: &writer)
            }
        }
        let summary =
            "Heatmap of \(values.count) rows (\(rowLabels.first ?? "") to "
            + "\(rowLabels.last ?? "")) by \(columnLabels.count) columns; red is negative, "
            + "green positive."
        return writer.document(width: width, height: height, title: title, summary: summary)
    }

    private func drawCell(
        _ value: Double, limit: Double, x: Double, y: Double, width: Double,
        into writer: inout SVGWriter
    ) {
        let inset = 1.5
        guard value.isFinite else {
            writer.rect(
                x: x + inset, y: y + inset, width: width - 2 * inset,
                height: Self.rowHeight - 2 * inset, fill: "none",
                extra: [("stroke", ChartPalette.gridLine)])
            return
        }
        let fill = Self.cellColor(value, limit: limit)
        writer.rect(
            x: x + inset, y: y + inset, width: width - 2 * inset,
            height: Self.rowHeight - 2 * inset, fill: fill.css, extra: [("rx", "2")])
        writer.text(
            valueFormat.string(for: value), x: x + width / 2, y: y + 17, anchor: .middle,
            size: ChartPalette.smallSize, fill: fill.text)
    }

    private func cellWidth() -> Double {
        let gap = summaryColumnCount > 0 ? Self.summaryGap : 0
        let available = width - Self.labelColumnWidth - 12 - gap
        return available / Double(max(1, columnLabels.count))
    }

    private func cellLeft(_ column: Int, _ cellWidth: Double) -> Double {
        let isSummary = column >= columnLabels.count - summaryColumnCount
        return Self.labelColumnWidth + Double(column) * cellWidth
            + (isSummary && summaryColumnCount > 0 ? Self.summaryGap : 0)
    }

    /// The largest absolute value of the ordinary columns and of the summary columns.
    private func colorLimits() -> (Double, Double) {
        var ordinary = 0.0
        var summary = 0.0
        let firstSummary = columnLabels.count - summaryColumnCount
        for row in values {
            for (column, value) in row.enumerated() where value.isFinite {
                if column >= firstSummary {
                    summary = max(summary, abs(value))
                } else {
                    ordinary = max(ordinary, abs(value))
                }
            }
        }
        return (ordinary > 0 ? ordinary : 1, summary > 0 ? summary : 1)
    }

    /// The fill of a cell and the text colour that reads best on it.
    ///
    /// The intensity is `|value| / limit` raised to 0.7, which lifts small values off the
    /// neutral colour so a 0.5% month is still visibly red or green. The text colour is the one
    /// with the higher WCAG contrast against the fill.
    static func cellColor(_ value: Double, limit: Double) -> (css: String, text: String) {
        let strength = pow(min(1, abs(value) / limit), 0.7)
        let target = value < 0 ? loss : gain
        let red = neutral.0 + (target.0 - neutral.0) * strength
        let green = neutral.1 + (target.1 - neutral.1) * strength
        let blue = neutral.2 + (target.2 - neutral.2) * strength
        let css = hex(red) + hex(green) + hex(blue)

        let luminance = relativeLuminance(red, green, blue)
        let contrastWithWhite = 1.05 / (luminance + 0.05)
        let contrastWithDark = (luminance + 0.05) / (relativeLuminance(17, 24, 39) + 0.05)
        return ("#" + css, contrastWithWhite > contrastWithDark ? "#ffffff" : "#111827")
    }

    private static func hex(_ component: Double) -> String {
        let byte = Int(component.rounded())
        let digits = String(byte, radix: 16)
        return byte < 16 ? "0" + digits : digits
    }

    /// WCAG 2 relative luminance of an sRGB colour given in 0...255.
    private static func relativeLuminance(_ red: Double, _ green: Double, _ blue: Double) -> Double
    {
        func linear(_ component: Double) -> Double {
            let c = component / 255
            return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }
}
