import Backtesting
import Forecasting
import Foundation
import MarketData

/// The `index.html` of one run: a self-contained page with inline SVG charts and tables.
///
/// Every string that comes from a strategy or a data file passes through `TrustedHTML`'s
/// escaping interpolation or `HTMLTable`'s text cells; nothing here concatenates raw text.
public enum ReportPage {
    /// Rows shown in the trades table; the full list is in trades.csv.
    static let tradeRowLimit = 300

    public static func render(_ report: RunReport) -> String {
        let rows = report.simulation.rows
        let days = rows.map(\.date.dayNumber)
        let (markers, markerStride) = foldMarkers(report.forecast.folds)
        var body = header(report)
        body += keyFigures(report)
        body += figure(
            LineChart(
                title: "Equity against buy-and-hold", days: days,
                series: [
                    .init(name: "Strategy", values: rows.map(\.equity)),
                    .init(name: "Buy and hold", values: rows.map(\.benchmark), style: .dashed),
                ], markers: markers, valueFormat: .compact, usesLogScale: true
            ).render(),
            caption: "Log scale. Fold boundaries are the vertical lines"
                + (markerStride > 1
                    ? " (one in \(markerStride) of \(report.forecast.folds.count) drawn)" : "")
                + "; each fold's model saw only the days before its line.")
        body += figure(
            AreaChart(
                title: "Drawdown (underwater)", days: days, values: rows.map(\.drawdown),
                markers: markers
            )
            .render(), caption: nil)
        body += forecastSection(report, markers: markers)
        body += horizonSection(report)
        body += distributionSection(rows: rows, days: days)
        body += tables(report)
        let title = "\(report.strategy.name) — Walkforward run \(report.id.text)"
        return HTMLDocument(title: title, body: "<main>\(body)</main>").render()
    }

    /// At most about this many fold boundaries are drawn; more would grey out a chart.
    static let maximumFoldMarkers = 24

    /// One marker per fold, or per `stride`-th fold when there are many.
    static func foldMarkers(_ folds: [FoldOutcome]) -> ([LineChart.Marker], stride: Int) {
        let stride = max(1, (folds.count + maximumFoldMarkers - 1) / maximumFoldMarkers)
        let markers = folds.enumerated().filter { $0.offset % stride == 0 }.map { _, fold in
            LineChart.Marker(day: fold.cutoffDate.dayNumber, label: "fold \(fold.plan.index)")
        }
        return (markers, stride)
    }

    static func figure(_ svg: String, caption: String?) -> TrustedHTML {
        let chart = TrustedHTML(uncheckedMarkup: svg)
        guard let caption else { return "<figure class=\"chart\">\(chart)</figure>\n" }
        return
            "<figure class=\"chart\">\(chart)<figcaption class=\"muted\">\(caption)"
            + "</figcaption></figure>\n"
    }

    private static func header(_ report: RunReport) -> TrustedHTML {
        let strategy = report.strategy
        let forecast = strategy.forecast
        let model = forecast.model
        let tickers = strategy.tickers.map(\.text).joined(separator: ", ")
        let span = report.dataFiles.map { "\($0.symbol) \($0.firstDate) to \($0.lastDate)" }.joined(
            separator: "; ")
        var html: TrustedHTML = "<header><h1>\(strategy.name)</h1>\n"
        if strategy.isLeaky {
            let leaks = forecast.deliberateLeaks.sorted().map(\.rawValue).joined(separator: ", ")
            html += "<div class=\"leaky\">deliberate leaks switched on: \(leaks). These figures "
            html += "use information from the future and overstate what the model can do.</div>\n"
        } else {
            html += "<p><span class=\"honest\">no deliberate leaks</span> <span class=\"muted\">"
            html += "check with <code>walkforward audit \(report.strategyPath)</code></span></p>\n"
        }
        let modelText =
            "\(model.kind.rawValue)"
            + (model.kind.isNeural
                ? " (\(model.layers)×\(model.hiddenSize), head \(model.head.rawValue))" : "")
        let features = forecast.features.map(\.description).joined(separator: ", ")
        let sizes = parameterSummary(report)
        html +=
            "<p class=\"muted\">Tickers \(tickers) · model \(modelText) · features \(features) · "
        html +=
            "target \(forecast.target.kind.rawValue) over "
        html += "\(forecast.target.horizon) day(s) · window "
        html += "\(forecast.windowLength) · \(forecast.walkForward.scheme.rawValue) walk-forward, "
        html +=
            "\(report.forecast.folds.count) folds, purge \(forecast.purgeDays), "
        html += "embargo \(forecast.embargoDays) · "
        html +=
            "fills \(strategy.trading.execution.rawValue) · costs "
        html += "\(format(strategy.trading.commissionBasisPoints)) bps + "
        html += "\(format(strategy.trading.slippageBasisPoints)) bps slippage</p>\n"
        if !sizes.isEmpty { html += "<p class=\"muted\">\(sizes)</p>\n" }
        html += "<p class=\"muted\">Data: \(span)</p></header>\n"
        return html
    }

    private static func keyFigures(_ report: RunReport) -> TrustedHTML {
        let cards: [(String, String, ValueFormat)] = [
            ("Total return", "total_return", .percent(decimals: 1)),
            ("Buy-and-hold return", "benchmark_total_return", .percent(decimals: 1)),
            ("Sharpe", "sharpe", .number(decimals: 2)),
            ("Buy-and-hold Sharpe", "benchmark_sharpe", .number(decimals: 2)),
            ("Max drawdown", "max_drawdown", .percent(decimals: 1)),
            ("Theil U (vs random walk)", "theil_u", .number(decimals: 3)),
            ("Diebold–Mariano p", "dm_pvalue", .number(decimals: 3)),
            ("Deflated Sharpe (P[SR > 0])", "dsr", .number(decimals: 3)),
        ]
        var html: TrustedHTML = "<section class=\"metrics\">\n"
        for (label, name, format) in cards {
            let value = report.metric(name)
            let shown = value.isFinite ? format.string(for: value) : "n/a"
            html += "<div class=\"metric\"><span class=\"label\">\(label)</span>"
            html +=
                "<span class=\"value\">\(shown)</span></div>\n"
        }
        html += "</section>\n"
        html += "<p>\(verdict(report))</p>\n"
        return html
    }

    /// The model's weight count, and for a recurrent network the window MLP's beside it.
    static func parameterSummary(_ report: RunReport) -> String {
        let model = report.strategy.forecast.model
        guard let count = report.forecast.folds.first?.forecaster.parameterCount, count > 0
        else { return "" }
        var text = "Parameters: \(model.kind.rawValue) \(count)"
        if model.kind.isNeural, model.kind != .mlp {
            let baseline = RecurrentForecaster.windowMLPParameterCount(
                windowLength: report.strategy.forecast.windowLength,
                featureCount: report.strategy.forecast.features.count,
                hiddenSize: model.hiddenSize)
            text += " · a sliding-window MLP with the same hidden size: \(baseline)"
        }
        return text
    }

    /// One honest sentence on forecasting skill, from Theil's U and the Diebold–Mariano test.
    static func verdict(_ report: RunReport) -> String {
        let theil = report.metric("theil_u")
        let pValue = report.metric("dm_pvalue")
        guard theil.isFinite, pValue.isFinite else {
            return "Too few realised forecasts to judge the model against the random walk."
        }
        if theil < 1, pValue < 0.05 {
            return "The model's forecasts beat the random walk, and the Diebold–Mariano test "
                + "says the difference is unlikely to be luck (p = \(format(pValue, 3)))."
        }
        if theil < 1 {
            return "The model's errors are slightly below the random walk's, but the "
                + "Diebold–Mariano test cannot tell the difference from luck "
                + "(p = \(format(pValue, 3)))."
        }
        return "The model does not beat the random walk: its forecast errors are "
            + "\(format((theil - 1) * 100, 1))% larger than always predicting no change."
    }

    static func format(_ value: Double, _ decimals: Int = 1) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "n/a"
    }
}
