/// A legend of coloured swatches and names, wrapped into rows to fit the chart width.
struct ChartLegend {
    enum Swatch {
        case line(dashed: Bool)
        case dot
        case block
    }

    struct Item {
        let name: String
        let color: String
        let swatch: Swatch
    }

    static let rowHeight = 20.0
    private static let swatchWidth = 18.0
    private static let itemGap = 18.0

    /// Each item's left edge and row, computed once for a given width.
    private let placements: [(item: Item, x: Double, row: Int)]
    let rowCount: Int

    /// Lays items out left to right from `left`, starting a new row when `maximumWidth` is used.
    init(items: [Item], left: Double, maximumWidth: Double) {
        var placements: [(Item, Double, Int)] = []
        var x = left
        var row = 0
        for item in items {
            let width = Self.width(of: item)
            if x > left, x + width > left + maximumWidth {
                row += 1
                x = left
            }
            placements.append((item, x, row))
            x += width + Self.itemGap
        }
        self.placements = placements
        self.rowCount = items.isEmpty ? 0 : row + 1
    }

    var height: Double { Double(rowCount) * Self.rowHeight }

    private static func width(of item: Item) -> Double {
        swatchWidth + 6 + TextMetrics.width(item.name, size: ChartPalette.labelSize)
    }

    /// Draws the legend with its first row's centre line at `top + rowHeight / 2`.
    func draw(into writer: inout SVGWriter, top: Double) {
        guard !placements.isEmpty else { return }
        writer.openGroup([("class", "legend")])
        for (item, x, row) in placements {
            let middle = top + (Double(row) + 0.5) * Self.rowHeight
            switch item.swatch {
            case .line(let dashed):
                writer.line(
                    from: (x, middle), to: (x + Self.swatchWidth, middle), stroke: item.color,
                    width: 2.5, dash: dashed ? "5 3" : nil)
            case .dot:
                writer.element(
                    "circle",
                    [
                        ("cx", SVGWriter.number(x + Self.swatchWidth / 2)),
                        ("cy", SVGWriter.number(middle)), ("r", "4"), ("fill", item.color),
                    ])
            case .block:
                writer.rect(
                    x: x + 2, y: middle - 6, width: Self.swatchWidth - 4, height: 12,
                    fill: item.color)
            }
            writer.text(
                item.name, x: x + Self.swatchWidth + 6, y: middle + 4,
                size: ChartPalette.labelSize, fill: ChartPalette.titleText)
        }
        writer.closeGroup()
    }
}
