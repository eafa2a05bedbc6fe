/// A line chart of one or more named series over dates, as an inline SVG element.
///
/// Series share one x axis of day numbers; a NaN value is a gap and breaks that series' line.
/// Long series are thinned with ``Downsampling/extremaPerBucket(x:y:bucketCount:)`` so that a
/// 20-year daily report stays small without losing a single peak or trough.
///
/// ```swift
/// let chart = LineChart(
///     title: "Equity", days: days,
///     series: [.init(name: "Strategy", values: equity), .init(name: "Buy and hold",
///              values: benchmark, style: .dashed)],
///     markers: foldStarts.map { .init(day: $0.day, label: "fold \($0.number)") })
/// let svg = chart.render()
/// ```
public struct LineChart: Sendable {
    /// One named line.
    public struct Series: Sendable {
        /// How a series is drawn.
        public enum Style: Sendable {
            /// A solid line.
            case solid
            /// A dashed line, for a reference such as a benchmark.
            case dashed
            /// Unconnected dots, for sparse or noisy values.
            case points
        }

        /// The legend name; escaped when rendered.
        public var name: String
        /// One value per day of the chart; NaN is a gap.
        public var values: [Double]
        /// How the series is drawn.
        public var style: Style
        /// A CSS colour; nil picks the next colour of the built-in colour-blind-safe palette.
        public var color: String?

        /// Creates a series.
        ///
        /// - Parameters:
        ///   - name: The legend name.
        ///   - values: One value per day of the chart; NaN is a gap.
        ///   - style: Solid, dashed or points.
        ///   - color: A CSS colour such as `#0072B2`, or nil for the palette.
        public init(name: String, values: [Double], style: Style = .solid, color: String? = nil) {
            self.name = name
            self.values = values
            self.style = style
            self.color = color
        }
    }

    /// A labelled vertical line at a day, such as the start of a walk-forward fold.
    public struct Marker: Sendable {
        /// Days since 1970-01-01.
        public var day: Int
        /// A short label shown above the plot; escaped, and left out if it would collide.
        public var label: String

        /// Creates a marker.
        public init(day: Int, label: String) {
            self.day = day
            self.label = label
        }
    }

    /// The title, shown at the top and announced to screen readers.
    public var title: String
    /// The x positions: days since 1970-01-01, ascending.
    public var days: [Int]
    /// The series; each has one value per day.
    public var series: [Series]
    /// Vertical markers; those outside the days shown are left out.
    public var markers: [Marker]
    /// How value-axis labels are written.
    public var valueFormat: ValueFormat
    /// Whether the value axis is logarithmic; values at or below zero then become gaps.
    public var usesLogScale: Bool
    /// Whether to draw a darker horizontal line at zero when zero is inside the axis.
    public var showsZeroLine: Bool
    /// The viewBox width; the element itself always scales to its container.
    public var width: Double = 960
    /// The viewBox height.
    public var height: Double = 400
    /// Series longer than this are downsampled to at most this many points.
    public var maximumPointCount = 2_000

    /// Creates a line chart.
    ///
    /// - Parameters:
    ///   - title: Chart title; escaped when rendered.
    ///   - days: Days since 1970-01-01, ascending.
    ///   - series: The lines, each with `days.count` values.
    ///   - markers: Vertical labelled lines.
    ///   - valueFormat: How value-axis labels are written.
    ///   - usesLogScale: A logarithmic value axis; off by default.
    ///   - showsZeroLine: A horizontal line at zero.
    public init(
        title: String, days: [Int], series: [Series], markers: [Marker] = [],
        valueFormat: ValueFormat = .number(), usesLogScale: Bool = false,
        showsZeroLine: Bool = false
    ) {
        for item in series {
            precondition(
                item.values.count == days.count,
                "series \(item.name) has \(item.values.count) values for \(days.count) days")
        }
        self.title = title
        self.days = days
        self.series = series
        self.markers = markers
        self.valueFormat = valueFormat
        self.usesLogScale = usesLogScale
        self.showsZeroLine = showsZeroLine
    }

    /// Renders the chart as an `<svg>` element.
    public func render() -> String {
        var writer = SVGWriter()
        guard let first = days.first, let last = days.last, let range = valueRange() else {
            writer.drawTitle(title, chartWidth: width)
            writer.drawNoDataMessage(width: width, height: height)
            return writer.document(width: width, height: height, title: title, summary: "No data.")
        }

        let frame = TimeSeriesFrame(
            into: &writer, size: (width, height), title: title, legend: legendItems(),
            days: first...last, values: range, format: valueFormat,
            isLogarithmic: usesLogScale, showsZeroLine: showsZeroLine,
            markers: markers.map { .init(day: $0.day, label: $0.label) })
        writer.openGroup([("class", "series"), ("fill", "none")])
        for (index, item) in series.enumerated() {
            drawSeries(item, color: color(of: index), frame: frame, into: &writer)
        }
        writer.closeGroup()
        return writer.document(
            width: width, height: height, title: title, summary: summary(first, last, range))
    }

    /// The smallest and largest value that can be placed; nil when no series has one.
    func valueRange() -> (minimum: Double, maximum: Double)? {
        var minimum = Double.infinity
        var maximum = -Double.infinity
        for item in series {
            for value in item.values
            where AxisMap.isPlottable(value) && (!usesLogScale || value > 0) {
                minimum = min(minimum, value)
                maximum = max(maximum, value)
            }
        }
        guard minimum <= maximum else { return nil }
        if showsZeroLine, !usesLogScale {
            return (min(minimum, 0), max(maximum, 0))
        }
        return (minimum, maximum)
    }

    private func color(of index: Int) -> String {
        series[index].color ?? ChartPalette.seriesColor(index)
    }

    private func legendItems() -> [ChartLegend.Item] {
        series.enumerated().map { index, item in
            let swatch: ChartLegend.Swatch =
                switch item.style {
                case .solid: .line(dashed: false)
                case .dashed: .line(dashed: true)
                case .points: .dot
                }
            return ChartLegend.Item(name: item.name, color: color(of: index), swatch: swatch)
        }
    }

    private func drawSeries(
        _ item: Series, color: String, frame: TimeSeriesFrame, into writer: inout SVGWriter
    ) {
        let indices: [Int]
        if item.values.count > maximumPointCount {
            indices = Downsampling.extremaPerBucket(
                x: days.map(Double.init), y: item.values,
                bucketCount: max(1, maximumPointCount / 4))
        } else {
            indices = Array(item.values.indices)
        }
        let position = { (index: Int) -> (x: Double, y: Double)? in
            let value = item.values[index]
            guard frame.yMap.canPlace(value) else { return nil }
            return (frame.xMap(Double(days[index])), frame.yMap(value))
        }

        var attributes = [
            ("stroke", color), ("stroke-linecap", "round"), ("stroke-linejoin", "round"),
        ]
        let data: String
        switch item.style {
        case .solid, .dashed:
            data = SeriesPath.lines(indices: indices, position: position)
            attributes.append(("stroke-width", "2"))
            if item.style == .dashed { attributes.append(("stroke-dasharray", "6 4")) }
        case .points:
            data = SeriesPath.dots(indices: indices, position: position)
            attributes.append(("stroke-width", "4.5"))
        }
        writer.path(data, attributes: [("data-series", item.name)] + attributes)
    }

    private func summary(_ first: Int, _ last: Int, _ range: (minimum: Double, maximum: Double))
        -> String
    {
        let names = series.map(\.name).joined(separator: ", ")
        let low = valueFormat.string(for: range.minimum)
        let high = valueFormat.string(for: range.maximum)
        return "Line chart of \(series.count) series (\(names)) from "
            + "\(DateAxis.isoLabel(first)) to \(DateAxis.isoLabel(last)); values from \(low) "
            + "to \(high)."
    }
}
