/// Titles, grid lines and axis labels shared by the charts.
extension SVGWriter {
    /// The chart title in the top-left corner, truncated to the chart width.
    mutating func drawTitle(_ title: String, chartWidth: Double) {
        let fitted = TextMetrics.truncated(
            title, size: ChartPalette.titleSize, maximumWidth: chartWidth - 24)
        text(
            fitted, x: 12, y: 22, size: ChartPalette.titleSize, fill: ChartPalette.titleText,
            weight: "600")
    }

    /// Horizontal grid lines with value labels to the left of the plot.
    mutating func drawValueGrid(ticks: [Double], labels: [String], map: AxisMap, area: PlotArea) {
        openGroup([("class", "y-axis")])
        for (tick, label) in zip(ticks, labels) {
            let y = map(tick)
            line(
                from: (area.left, y), to: (area.right, y), stroke: ChartPalette.gridLine)
            text(
                label, x: area.left - 8, y: y + 4, anchor: .end, size: ChartPalette.labelSize)
        }
        closeGroup()
    }

    /// The bottom axis line with tick marks and labels centred under them.
    ///
    /// Labels that would run past the chart edge are anchored to that edge instead, and a label
    /// that would overlap the previous one is skipped (its tick mark stays).
    mutating func drawBottomAxis(
        ticks: [(position: Double, label: String)], area: PlotArea, chartWidth: Double
    ) {
        openGroup([("class", "x-axis")])
        line(
            from: (area.left, area.bottom), to: (area.right, area.bottom),
            stroke: ChartPalette.axisLine)
        var previousEnd = -Double.infinity
        for (x, label) in ticks {
            line(from: (x, area.bottom), to: (x, area.bottom + 5), stroke: ChartPalette.axisLine)
            let labelWidth = TextMetrics.width(label, size: ChartPalette.labelSize)
            var anchor = SVGWriter.Anchor.middle
            var start = x - labelWidth / 2
            if start < 2 {
                anchor = .start
                start = x
            } else if x + labelWidth / 2 > chartWidth - 2 {
                anchor = .end
                start = x - labelWidth
            }
            guard start >= previousEnd + 8 else { continue }
            previousEnd = start + labelWidth
            text(
                label, x: x, y: area.bottom + 20, anchor: anchor, size: ChartPalette.labelSize)
        }
        closeGroup()
    }

    /// A message in the middle of an empty plot, so a chart with no data says so.
    mutating func drawNoDataMessage(width: Double, height: Double) {
        text(
            "No data to show", x: width / 2, y: height / 2, anchor: .middle,
            size: ChartPalette.labelSize)
    }
}
