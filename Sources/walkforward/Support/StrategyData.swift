import Backtesting
import Foundation
import MarketData
import Reporting

/// The price series a strategy names, clipped to its dates, with their fingerprints.
enum StrategyData {
    static func load(_ strategy: Strategy, from directory: URL, log: (String) -> Void) throws
        -> ([PriceSeries], [RunReport.DataFile], [DataWarning])
    {
        let store = DataStore(directory: directory)
        var series: [PriceSeries] = []
        var files: [RunReport.DataFile] = []
        var warnings: [DataWarning] = []
        for symbol in strategy.tickers {
            let url = store.priceFile(for: symbol)
            let contents = try store.load(symbol)
            let clipped = contents.series.clipped(from: strategy.start, through: strategy.end)
            guard let first = clipped.firstDate, let last = clipped.lastDate else {
                throw CommandFailure(
                    description: "\(symbol): no bars between \(strategy.start?.iso ?? "the start") "
                        + "and \(strategy.end?.iso ?? "the end") in \(url.path)")
            }
            files.append(
                RunReport.DataFile(
                    symbol: symbol, path: url.path, sha256: SHA256.hex(try Data(contentsOf: url)),
                    rowCount: clipped.count, firstDate: first, lastDate: last))
            series.append(clipped)
            warnings += contents.warnings
        }
        if !warnings.isEmpty {
            log("data: \(warnings.count) warning(s); rows kept. First: \(warnings[0])")
        }
        return (series, files, warnings)
    }
}
