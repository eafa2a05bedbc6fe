/// Colours and type sizes shared by all charts.
///
/// Series colours are the Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008),
/// which stays distinguishable under the common colour-vision deficiencies; its yellow is left
/// out because it is unreadable as a thin line on white. Axis text is dark grey with more than
/// 7:1 contrast on white.
enum ChartPalette {
    static let series = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
    ]
    static let axisText = "#374151"
    static let titleText = "#111827"
    static let gridLine = "#e5e7eb"
    static let axisLine = "#9ca3af"
    static let zeroLine = "#4b5563"
    static let marker = "#6b7280"
    static let drawdown = "#c2410c"
    static let bar = "#0072B2"
    static let overlay = "#D55E00"
    static let background = "#ffffff"

    static let titleSize = 16.0
    static let labelSize = 12.0
    static let smallSize = 11.0

    /// The colour of the `index`-th series, cycling through the palette.
    static func seriesColor(_ index: Int) -> String {
        series[index % series.count]
    }
}
