/// An area chart filled between zero and a series, such as the underwater drawdown curve.
///
/// Drawdowns are at or below zero, so the fill hangs down from the zero line at the top and the
/// deepest trough is the lowest point of the chart. Positive values, if any, fill upwards.
/// NaN values are gaps; each run between gaps gets its own filled shape.
public struct AreaChart: Sendable {
    /// The title, shown at the top and announced to screen readers.
    public var title: String
    /// The x positions: days since 1970-01-01, ascending.
    public var days: [Int]
    /// One value per day; NaN is a gap.
    public var values: [Double]
    /// A name for the series in the accessible description.
    public var seriesName: String
    /// How value-axis labels are written; percent by default, for drawdowns as fractions.
    public var valueFormat: ValueFormat
    /// Vertical markers, as on ``LineChart``.
    public var markers: [LineChart.Marker]
    /// A CSS colour for the line and, lighter, the fill.
    public var color: String = ChartPalette.drawdown
    /// The viewBox width; the element itself always scales to its container.
    public var width: Double = 960
    /// The viewBox height.
    public var height: Double = 260
    /// Series longer than this are downsampled to at most this many points.
    public var maximumPointCount = 2_000

    /// Creates an area chart.
    ///
    /// - Parameters:
    ///   - title: Chart title; escaped when rendered.
    ///   - days: Days since 1970-01-01, ascending.
    ///   - values: One value per day, for example drawdowns as negative fractions; NaN is a gap.
    ///   - seriesName: The series' name for screen readers.
    ///   - valueFormat: How value-axis labels are written.
    ///   - markers: Vertical labelled lines.
    public init(
        title: String, days: [Int], values: [Double], seriesName: String = "Drawdown",
        valueFormat: ValueFormat = .percent(), markers: [LineChart.Marker] = []
    ) {
        precondition(
            values.count == days.count, "\(values.count) values for \(days.count) days")
        self.title = title
        self.days = days
        self.values = values
        self.seriesName = seriesName
        self.valueFormat = valueFormat
        self.markers = markers
    }

    /// Renders the chart as an `<svg>` element.
    public func render() -> String {
        var writer = SVGWriter()
        let finite = values.filter(AxisMap.isPlottable)
        guard let first = days.first, let last = days.last, let low = finite.min(),
            let high = finite.max()
        else {
            writer.drawTitle(title, chartWidth: width)
            writer.drawNoDataMessage(width: width, height: height)
            return writer.document(width: width, height: height, title: title, summary: "No data.")
        }

        let frame = TimeSeriesFrame(
            into: &writer, size: (width, height), title: title, legend: [],
            days: first...last, values: (min(low, 0), max(high, 0)), format: valueFormat,
            isLogarithmic: false, showsZeroLine: true,
            markers: markers.map { .init(day: $0.day, label: $0.label) })
        let indices =
            values.count > maximumPointCount
            ? Downsampling.extremaPerBucket(
                x: days.map(Double.init), y: values, bucketCount: max(1, maximumPointCount / 4))
            : Array(values.indices)
        let position = { (index: Int) -> (x: Double, y: Double)? in
            guard AxisMap.isPlottable(self.values[index]) else { return nil }
            return (frame.xMap(Double(self.days[index])), frame.yMap(self.values[index]))
        }

        writer.path(
            fillData(indices: indices, baseline: frame.yMap(0), position: position),
            attributes: [("fill", color), ("fill-opacity", "0.22"), ("stroke", "none")])
        writer.path(
            SeriesPath.lines(indices: indices, position: position),
            attributes: [
                ("fill", "none"), ("stroke", color), ("stroke-width", "1.5"),
                ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
                ("data-series", seriesName),
            ])
        let summary =
            "Area chart of \(seriesName) from \(DateAxis.isoLabel(first)) to "
            + "\(DateAxis.isoLabel(last)); lowest \(valueFormat.string(for: low)), highest "
            + "\(valueFormat.string(for: high))."
        return writer.document(width: width, height: height, title: title, summary: summary)
    }

    /// Closed shapes from the baseline up or down to each run of values and back.
    private func fillData(
        indices: [Int], baseline: Double, position: (Int) -> (x: Double, y: Double)?
    ) -> String {
        var data = ""
        var run: [(x: Double, y: Double)] = []
        func closeRun() {
            guard let head = run.first, let tail = run.last else { return }
            data += "M\(SVGWriter.number(head.x)) \(SVGWriter.number(baseline))"
            for point in run {
                data += "L\(SVGWriter.number(point.x)) \(SVGWriter.number(point.y))"
            }
            data += "L\(SVGWriter.number(tail.x)) \(SVGWriter.number(baseline))Z"
            run.removeAll(keepingCapacity: true)
        }
        for index in indices {
            if let point = position(index) {
                run.append(point)
            } else {
                closeRun()
            }
        }
        closeRun()
        return data
    }
}
