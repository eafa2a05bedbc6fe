/// Forecasts laid over the values they tried to predict, over time.
///
/// Each value is placed at its decision day, so a reader sees how the forecast followed (or
/// failed to follow) the actual series fold by fold. Noisy daily-return forecasts read better as
/// dots; smooth level forecasts as lines. The chart is a ``LineChart`` with two series in fixed
/// colours: blue for actual, vermillion for forecast.
public struct ForecastOverlayChart: Sendable {
    /// How both series are drawn.
    public enum Style: Sendable {
        /// Two lines.
        case lines
        /// Two sets of unconnected dots.
        case points
    }

    /// The title, shown at the top and announced to screen readers.
    public var title: String
    /// Decision days, days since 1970-01-01, ascending.
    public var days: [Int]
    /// The forecast made on each day; NaN where there is none.
    public var forecast: [Double]
    /// The realised value for each day; NaN while not yet known.
    public var actual: [Double]
    /// Lines or dots.
    public var style: Style
    /// How value-axis labels are written.
    public var valueFormat: ValueFormat
    /// Vertical markers such as fold boundaries.
    public var markers: [LineChart.Marker]
    /// Legend names, escaped when rendered.
    public var forecastName = "Forecast"
    /// Legend name of the realised values.
    public var actualName = "Actual"

    /// Creates a forecast overlay.
    ///
    /// - Parameters:
    ///   - title: Chart title; escaped when rendered.
    ///   - days: Decision days, ascending.
    ///   - forecast: One forecast per day; NaN where there is none.
    ///   - actual: One realised value per day; NaN while unknown.
    ///   - style: Lines or points.
    ///   - valueFormat: How value-axis labels are written.
    ///   - markers: Vertical labelled lines.
    public init(
        title: String, days: [Int], forecast: [Double], actual: [Double], style: Style = .lines,
        valueFormat: ValueFormat = .number(), markers: [LineChart.Marker] = []
    ) {
        self.title = title
        self.days = days
        self.forecast = forecast
        self.actual = actual
        self.style = style
        self.valueFormat = valueFormat
        self.markers = markers
    }

    /// The line chart this overlay draws.
    public var lineChart: LineChart {
        let seriesStyle: LineChart.Series.Style = style == .points ? .points : .solid
        return LineChart(
            title: title, days: days,
            series: [
                .init(
                    name: actualName, values: actual, style: seriesStyle,
                    color: ChartPalette.seriesColor(0)),
                .init(
                    name: forecastName, values: forecast, style: seriesStyle,
                    color: ChartPalette.seriesColor(1)),
            ],
            markers: markers, valueFormat: valueFormat, showsZeroLine: true)
    }

    /// Renders the chart as an `<svg>` element.
    public func render() -> String {
        lineChart.render()
    }
}
