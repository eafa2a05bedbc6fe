/// The common scaffolding of charts over dates: title, legend, value grid, date axis, markers.
///
/// A chart creates the frame, which draws everything but the data and hands back the plot area
/// and the two axis maps; the chart then draws its series on top.
struct TimeSeriesFrame {
    /// A vertical line at a day, with an optional label above the plot.
    struct Marker {
        let day: Int
        let label: String
    }

    let area: PlotArea
    let xMap: AxisMap
    let yMap: AxisMap

    private static let markerBandHeight = 18.0

    /// Lays out and draws the frame.
    ///
    /// - Parameters:
    ///   - days: The first and last day on the x axis.
    ///   - values: The smallest and largest value to show; for a log axis both are positive.
    init(
        into writer: inout SVGWriter, size: (width: Double, height: Double), title: String,
        legend items: [ChartLegend.Item], days: ClosedRange<Int>,
        values: (minimum: Double, maximum: Double), format: ValueFormat,
        isLogarithmic: Bool, showsZeroLine: Bool, markers: [Marker]
    ) {
        writer.drawTitle(title, chartWidth: size.width)
        let legend = ChartLegend(items: items, left: 12, maximumWidth: size.width - 24)
        legend.draw(into: &writer, top: 32)
        let visibleMarkers = markers.filter { days.contains($0.day) }
        let hasMarkerLabels = visibleMarkers.contains { !$0.label.isEmpty }
        let top = 32 + legend.height + (hasMarkerLabels ? Self.markerBandHeight : 0) + 8
        let bottom = size.height - 34

        let tickTarget = max(2, Int((bottom - top) / 55))
        let scale =
            isLogarithmic
            ? NiceScale.logarithmic(
                minimum: values.minimum, maximum: values.maximum, targetCount: tickTarget + 1)
            : NiceScale.linear(
                minimum: values.minimum, maximum: values.maximum, targetCount: tickTarget)
        let labels = format.tickLabels(for: scale.ticks, step: scale.step)
        let labelWidth = labels.map { TextMetrics.width($0, size: ChartPalette.labelSize) }.max()
        let left = max(44, (labelWidth ?? 0) + 20)
        area = PlotArea(left: left, top: top, right: size.width - 20, bottom: bottom)

        xMap = AxisMap(
            lower: Double(days.lowerBound), upper: Double(days.upperBound), start: area.left,
            end: area.right)
        yMap = AxisMap(
            lower: scale.lower, upper: scale.upper, start: area.bottom, end: area.top,
            isLogarithmic: isLogarithmic)

        writer.drawValueGrid(ticks: scale.ticks, labels: labels, map: yMap, area: area)
        let dateTicks = DateAxis.ticks(
            firstDay: days.lowerBound, lastDay: days.upperBound,
            maximumCount: max(2, Int(area.width / 85)))
        writer.drawBottomAxis(
            ticks: dateTicks.map { (xMap(Double($0.day)), $0.label) }, area: area,
            chartWidth: size.width)
        if showsZeroLine, !isLogarithmic, scale.lower < 0, scale.upper > 0 {
            let y = yMap(0)
            writer.line(
                from: (area.left, y), to: (area.right, y), stroke: ChartPalette.zeroLine,
                width: 1.2)
        }
        drawMarkers(visibleMarkers, into: &writer, labelled: hasMarkerLabels)
    }

    /// Dashed vertical lines; labels sit in a band above the plot, left-aligned to their line,
    /// and a label that would collide with the previous one is left out.
    private func drawMarkers(_ markers: [Marker], into writer: inout SVGWriter, labelled: Bool) {
        guard !markers.isEmpty else { return }
        writer.openGroup([("class", "markers")])
        let lineTop = labelled ? area.top - Self.markerBandHeight + 2 : area.top
        var previousEnd = -Double.infinity
        for marker in markers.sorted(by: { $0.day < $1.day }) {
            let x = xMap(Double(marker.day))
            writer.line(
                from: (x, lineTop), to: (x, area.bottom), stroke: ChartPalette.marker,
                dash: "4 3")
            guard !marker.label.isEmpty else { continue }
            let size = ChartPalette.smallSize
            let width = TextMetrics.width(marker.label, size: size)
            let startsRight = x + 4 + width <= area.right
            let start = startsRight ? x + 4 : x - 4 - width
            guard start >= previousEnd + 6 else { continue }
            previousEnd = start + width
            writer.text(
                marker.label, x: startsRight ? x + 4 : x - 4, y: area.top - 6,
                anchor: startsRight ? .start : .end, size: size, fill: ChartPalette.axisText)
        }
        writer.closeGroup()
    }
}
