import Foundation
import MarketData

/// `Reports/index.html`: every run with its key figures, newest first, linking to its page.
public enum RunIndexPage {
    public static func render(_ entries: [RunCatalog.Entry]) -> String {
        let percent = ValueFormat.percent(decimals: 1)
        let rows = entries.map { entry -> [HTMLTable.Cell] in
            let link: TrustedHTML = "<a href=\"\(entry.id)/index.html\">\(entry.id)</a>"
            let leak: TrustedHTML = entry.isLeaky ? "<span class=\"leaky\">leaks</span>" : ""
            return [
                .markup(link), .text(entry.name), .text(entry.tickers.joined(separator: ", ")),
                .text(entry.model), .number(entry.metric("total_return"), format: percent),
                .number(entry.metric("benchmark_total_return"), format: percent),
                .number(entry.metric("sharpe"), format: .number(decimals: 2)),
                .number(entry.metric("max_drawdown"), format: percent),
                .number(entry.metric("theil_u"), format: .number(decimals: 3)),
                .number(entry.metric("dm_pvalue"), format: .number(decimals: 3)), .markup(leak),
            ]
        }
        let table = HTMLTable(
            columns: [
                .init("Run"), .init("Strategy"), .init("Tickers"), .init("Model"),
                .numeric("Return"), .numeric("Buy and hold"), .numeric("Sharpe"),
                .numeric("Max drawdown"), .numeric("Theil U"), .numeric("DM p"), .init(""),
            ], rows: rows
        ).render()
        var body: TrustedHTML = "<header><h1>Walkforward runs</h1>\n"
        body += "<p class=\"muted\">\(entries.count) run(s), newest first. Theil U below 1 and a "
        body += "Diebold–Mariano p below 0.05 would mean a forecast that beats the random walk."
        body += "</p></header>\n<div class=\"table-wrap\">\(table)</div>\n"
        return HTMLDocument(title: "Walkforward runs", body: "<main>\(body)</main>").render()
    }

    /// Rewrites `index.html` in `directory` from the runs it holds.
    public static func update(in directory: URL) throws {
        let page = render(RunCatalog(directory: directory).entries())
        try AtomicFile.write(page, to: directory.appendingPathComponent("index.html"))
    }
}
