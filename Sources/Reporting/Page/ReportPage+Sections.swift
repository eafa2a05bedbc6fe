import Backtesting
import Forecasting
import Foundation
import MarketData

extension ReportPage {
    static func forecastSection(_ report: RunReport, markers: [LineChart.Marker]) -> TrustedHTML {
        guard let symbol = report.strategy.tickers.first else { return TrustedHTML() }
        let own = report.forecast.predictions.filter { $0.symbol == symbol }
        guard !own.isEmpty else { return TrustedHTML() }
        let chart = ForecastOverlayChart(
            title:
                "\(symbol): forecast against actual "
                + "(\(report.strategy.forecast.target.kind.rawValue))",
            days: own.map(\.date.dayNumber), forecast: own.map(\.predicted),
            actual: own.map { $0.actual ?? .nan }, style: .points,
            valueFormat: report.strategy.forecast.target.kind == .level
                ? .number() : .percent(decimals: 1),
            markers: markers)
        return figure(
            chart.render(),
            caption: "Each dot is one decision day; the forecast was made after its close.")
    }

    static func distributionSection(rows: [EquityRow], days: [Int]) -> TrustedHTML {
        guard rows.count > 2 else { return TrustedHTML() }
        let equity = rows.map(\.equity)
        let returns = ReturnMetrics.dailyReturns(equity: equity)
        var html = TrustedHTML()
        let window = 63
        if returns.count > window {
            let rolling =
                [Double.nan]
                + ReturnMetrics.rollingSharpeRatio(returns: returns, windowLength: window)
            html += figure(
                LineChart(
                    title: "Rolling Sharpe ratio (63 days)", days: days,
                    series: [.init(name: "Rolling Sharpe", values: rolling)],
                    valueFormat: .number(),
                    showsZeroLine: true
                ).render(), caption: nil)
        }
        let table = MonthlyReturnTable(equity: equity, dayNumbers: days)
        let years = table.years.map(\.year)
        let monthly = years.map { year in
            (1...12).map { month in
                table.months.first { $0.year == year && $0.month == month }?.value ?? .nan
            }
        }
        if !years.isEmpty {
            html += figure(
                Heatmap.monthlyReturns(
                    years: years, monthlyReturns: monthly, yearlyReturns: table.years.map(\.value)
                )
                .render(), caption: nil)
        }
        let moving = returns.filter { $0 != 0 && $0.isFinite }
        if moving.count > 10 {
            let histogram = ReturnHistogram(values: moving, binCount: 40)
            let mean = DescriptiveStatistics.mean(moving)
            let deviation = DescriptiveStatistics.sampleStandardDeviation(moving)
            html += figure(
                Histogram(
                    title: "Daily returns on days with a position or a move",
                    binEdges: histogram.binEdges,
                    counts: histogram.counts,
                    normalOverlay: deviation > 0
                        ? .init(mean: mean, standardDeviation: deviation) : nil
                ).render(),
                caption: "The curve is a normal distribution with the same mean and deviation.")
        }
        return html
    }

    static func tables(_ report: RunReport) -> TrustedHTML {
        var html: TrustedHTML = "<h2>Metrics</h2>\n"
        html += wrap(metricsTable(report))
        html += "<h2>Folds</h2>\n"
        html += wrap(foldsTable(report.forecast.folds))
        let trades = report.simulation.trades
        html += "<h2>Trades</h2>\n"
        if trades.count > tradeRowLimit {
            html +=
                "<p class=\"muted\">The last \(tradeRowLimit) of \(trades.count) trades; "
            html += "all are in trades.csv.</p>\n"
        }
        html += wrap(tradesTable(Array(trades.suffix(tradeRowLimit))))
        html += "<h2>Data warnings</h2>\n"
        if report.dataWarnings.isEmpty {
            html += "<p class=\"muted\">None: every row passed the checks.</p>\n"
        } else {
            let rows = report.dataWarnings.prefix(200).map { warning -> [HTMLTable.Cell] in
                [
                    .text(warning.path), .text(String(warning.line)), .text(warning.date.iso),
                    .text(warning.detail),
                ]
            }
            html += wrap(
                HTMLTable(
                    columns: [.init("File"), .numeric("Line"), .init("Date"), .init("Problem")],
                    rows: rows
                ).render())
        }
        html += "<h2>Provenance</h2>\n"
        html += wrap(provenanceTable(report))
        return html
    }

    private static func wrap(_ table: TrustedHTML) -> TrustedHTML {
        "<div class=\"table-wrap\">\(table)</div>\n"
    }

    private static func metricsTable(_ report: RunReport) -> TrustedHTML {
        let names = report.metrics.map(\.name).filter { !$0.hasPrefix("benchmark_") }
        let rows = names.map { name -> [HTMLTable.Cell] in
            let benchmark = report.metrics.first { $0.name == "benchmark_" + name }?.value
            return [
                .text(name), .number(report.metric(name), format: .number(decimals: 4)),
                benchmark.map { .number($0, format: .number(decimals: 4)) } ?? .text(""),
            ]
        }
        return HTMLTable(
            columns: [.init("Metric"), .numeric("Strategy"), .numeric("Buy and hold")], rows: rows
        ).render()
    }

    private static func foldsTable(_ folds: [FoldOutcome]) -> TrustedHTML {
        let rows = folds.map { fold -> [HTMLTable.Cell] in
            [
                .text(String(fold.plan.index)),
                .text("\(fold.trainingDates.lowerBound) – \(fold.trainingDates.upperBound)"),
                .text(fold.validationDates.map { "\($0.lowerBound) – \($0.upperBound)" } ?? "—"),
                .text("\(fold.testDates.lowerBound) – \(fold.testDates.upperBound)"),
                .number(Double(fold.trainingSampleCount), format: .number(decimals: 0)),
                .number(Double(fold.testSampleCount), format: .number(decimals: 0)),
                .number(fold.seconds, format: .number(decimals: 2)),
            ]
        }
        return HTMLTable(
            columns: [
                .init("Fold"), .init("Training decision days"), .init("Validation"), .init("Test"),
                .numeric("Training windows"), .numeric("Test windows"), .numeric("Seconds"),
            ], rows: rows
        ).render()
    }

    private static func tradesTable(_ trades: [Trade]) -> TrustedHTML {
        let rows = trades.map { trade -> [HTMLTable.Cell] in
            [
                .text(trade.symbol.text), .text(trade.direction > 0 ? "long" : "short"),
                .text(trade.entryDate.iso), .text(trade.isOpen ? "open" : trade.exitDate.iso),
                .number(trade.entryPrice), .number(trade.exitPrice),
                .number(trade.profit), .number(trade.returnFraction, format: .percent(decimals: 2)),
                .number(Double(trade.holdingDays), format: .number(decimals: 0)),
            ]
        }
        return HTMLTable(
            columns: [
                .init("Symbol"), .init("Side"), .init("Entry"), .init("Exit"),
                .numeric("Entry price"),
                .numeric("Exit price"), .numeric("Profit"), .numeric("Return"), .numeric("Days"),
            ], rows: rows
        ).render()
    }

    private static func provenanceTable(_ report: RunReport) -> TrustedHTML {
        var rows: [[HTMLTable.Cell]] = report.dataFiles.map { file in
            [
                .text("data \(file.symbol)"),
                .text("\(file.path) · \(file.rowCount) rows · sha256 \(file.sha256)"),
            ]
        }
        rows += [
            [.text("strategy"), .text("\(report.strategyPath) · sha256 \(report.strategySHA256)")],
            [.text("seed"), .text(String(report.seed))],
            [.text("threads"), .text(String(report.threads))],
            [.text("version"), .text("walkforward \(report.version)")],
            [.text("created"), .text(RunManifest.iso8601(report.createdAt))],
        ]
        return HTMLTable(columns: [.init("Item"), .init("Value")], rows: rows).render()
    }
}
