import Foundation
import MarketData

@testable import Reporting

/// A report page built from seeded fake data with every chart and building block, for tests and
/// for looking at in a real browser (see `scripts/check_report_in_browser.sh`).
enum SampleReport {
    static func page() -> String {
        let days = TestData.weekdays(from: 12_784, count: 5_040)  // 2005 to 2024, weekdays only
        let strategy = TestData.randomWalk(
            count: days.count, start: 100_000, volatility: 0.011, seed: 1)
        let benchmark = TestData.randomWalk(
            count: days.count, start: 100_000, volatility: 0.012, seed: 2)
        let returns = zip(strategy.dropFirst(), strategy).map { $0 / $1 - 1 }
        var peak = 0.0
        let drawdown = strategy.map { value -> Double in
            peak = max(peak, value)
            return value / peak - 1
        }
        let folds = stride(from: 1_000, to: days.count, by: 250).enumerated().map { number, index in
            LineChart.Marker(day: days[index], label: "fold \(number + 1)")
        }

        let equity = LineChart(
            title: "Equity: strategy vs buy and hold", days: days,
            series: [
                .init(name: "LSTM long-flat <SPY>", values: strategy),
                .init(name: "Buy and hold", values: benchmark, style: .dashed),
            ],
            markers: folds, valueFormat: .compact, usesLogScale: true)
        let underwater = AreaChart(
            title: "Drawdown", days: days, values: drawdown, markers: folds)
        let recent = Array(days.suffix(120))
        var generator = SeededGenerator(seed: 4)
        let actual = Array(returns.suffix(120))
        let forecast = actual.enumerated().map { index, value in
            index % 17 == 5 ? Double.nan : 0.3 * value + 0.004 * generator.nextGaussian()
        }
        let overlay = ForecastOverlayChart(
            title: "Next-day return: forecast vs actual (last 120 days)", days: recent,
            forecast: forecast, actual: actual, style: .points, valueFormat: .percent())

        let histogram = histogram(of: returns)
        let heatmap = monthlyHeatmap(days: days, equity: strategy)
        let table = HTMLTable(
            columns: [.init("Metric"), .numeric("Strategy"), .numeric("Benchmark")],
            rows: [
                [
                    "Total return", .number(strategy.last! / strategy[0] - 1, format: .percent()),
                    .number(benchmark.last! / benchmark[0] - 1, format: .percent()),
                ],
                [
                    "Max drawdown", .number(drawdown.min()!, format: .percent()),
                    .number(-0.5521, format: .percent()),
                ],
                ["Sharpe", .number(0.6123), .number(0.4411)],
                [
                    "Final equity", .number(strategy.last!, format: .compact),
                    .number(benchmark.last!, format: .compact),
                ],
                [
                    .text("Strategy <script>alert(\"x\")</script> & 'q'"), .number(.nan),
                    .markup("<span class=\"honest\">honest</span>"),
                ],
            ])

        func figure(_ chart: String) -> TrustedHTML {
            "<figure class=\"chart\">\(TrustedHTML(uncheckedMarkup: chart))</figure>\n"
        }
        func metric(_ label: String, _ value: String) -> TrustedHTML {
            "<div class=\"metric\"><span class=\"label\">\(label)</span>"
                + "<span class=\"value\">\(value)</span></div>"
        }
        let sparkline = Sparkline.render(strategy, width: 40)
        let charts = [equity.render(), underwater.render(), overlay.render(), heatmap.render()]
        let body: TrustedHTML = """
            <main>
            <h1>LSTM on SPY, next-day return <span class="honest">honest</span></h1>
            <p class="muted">Run 2024-12-31T18-00-00_default, seed 7, equity \(sparkline)</p>
            <div class="leaky">This run switched on fit-scaler-on-all-data; \
            its numbers are not trustworthy.</div>
            <div class="metrics">\(metric("CAGR", "7.1%"))\(metric("Sharpe", "0.61"))</div>
            \(TrustedHTML.joined(charts.map(figure)))\(figure(histogram.render()))
            <h2>Metrics</h2>
            \(table.render())
            </main>
            """
        return HTMLDocument(title: "Sample report <SPY>", body: body).render()
    }

    private static func histogram(of returns: [Double]) -> Histogram {
        let edges = (-30...30).map { Double($0) / 1_000 }
        var counts = [Int](repeating: 0, count: edges.count - 1)
        for value in returns {
            let bin = Int(((value + 0.03) * 1_000).rounded(.down))
            if counts.indices.contains(bin) { counts[bin] += 1 }
        }
        let mean = returns.reduce(0, +) / Double(returns.count)
        let variance =
            returns.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(returns.count - 1)
        return Histogram(
            title: "Distribution of daily returns", binEdges: edges, counts: counts,
            normalOverlay: .init(mean: mean, standardDeviation: variance.squareRoot()))
    }

    private static func monthlyHeatmap(days: [Int], equity: [Double]) -> Heatmap {
        var monthEnd: [Int: Double] = [:]  // year * 12 + month - 1 -> last equity of the month
        for (day, value) in zip(days, equity) {
            let date = TradingDate(dayNumber: day).components
            monthEnd[date.year * 12 + date.month - 1] = value
        }
        let years = Array(2005...2024)
        let monthly = years.map { year in
            (0..<12).map { month -> Double in
                let key = year * 12 + month
                guard let end = monthEnd[key], let start = monthEnd[key - 1] else { return .nan }
                return end / start - 1
            }
        }
        let yearly = monthly.map { months in
            months.filter(\.isFinite).reduce(1) { $0 * (1 + $1) } - 1
        }
        return Heatmap.monthlyReturns(years: years, monthlyReturns: monthly, yearlyReturns: yearly)
    }
}
