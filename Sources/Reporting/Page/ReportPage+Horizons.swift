import Backtesting

extension ReportPage {
    /// "Forecast accuracy by horizon": one row per horizon of a multi-horizon target;
    /// nothing for a single horizon, whose figures are the key figures already.
    static func horizonSection(_ report: RunReport) -> TrustedHTML {
        let horizons = report.forecast.horizons
        guard horizons.count > 1 else { return TrustedHTML() }
        let tradingHorizon = report.strategy.forecast.target.horizon
        // In the order of RunMetrics.horizonMeasureNames.
        let formats: [ValueFormat] = [
            .number(decimals: 5), .number(decimals: 5), .percent(decimals: 1),
            .number(decimals: 5), .number(decimals: 3), .number(decimals: 3),
        ]
        let rows = horizons.map { horizon -> [HTMLTable.Cell] in
            let label = horizon == tradingHorizon ? "\(horizon) (traded)" : "\(horizon)"
            return [.text(label)]
                + zip(RunMetrics.horizonMeasureNames, formats).map { measure, format in
                    let name = RunMetrics.metricName(
                        measure, horizon: horizon, tradingHorizon: tradingHorizon)
                    return .number(report.metric(name), format: format)
                }
        }
        let table = HTMLTable(
            columns: [
                .init("Horizon (days)"), .numeric("RMSE"), .numeric("MAE"),
                .numeric("Direction right"), .numeric("Random-walk RMSE"), .numeric("Theil U"),
                .numeric("Diebold–Mariano p"),
            ], rows: rows)
        var html: TrustedHTML = "<h2>Forecast accuracy by horizon</h2>\n"
        html += "<p class=\"muted\">Every horizon is forecast from the same windows; only "
        html += "the traded one drives the trades. A Theil U below 1 beats the random walk.</p>\n"
        html += table.render()
        html += "\n"
        return html
    }
}
