import Forecasting
import Foundation
import MarketData

/// Loads and validates strategy files.
///
/// Every key has a default where one is sensible; unknown keys, wrong types and values out
/// of range are `StrategyError`s naming the file, the line, the key and what is allowed.
public enum StrategyLoader {
    static let topLevelKeys = [
        "name", "tickers", "start", "end", "features", "target", "window", "stride", "model",
        "walkForward", "scaler", "signal", "costs", "execution", "benchmark", "capital",
        "sizing", "deliberateLeaks", "description",
    ]

    /// Reads the strategy at `url`.
    ///
    /// The file is read once: the strategy's `sourceSHA256` fingerprints the very bytes parsed.
    public static func load(_ url: URL) throws -> Strategy {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw StrategyError(
                path: url.path, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw StrategyError(path: url.path, message: "is not UTF-8 text; save it as UTF-8")
        }
        var strategy = try parse(
            text, path: url.path, fallbackName: url.deletingPathExtension().lastPathComponent)
        strategy.sourceSHA256 = SHA256.hex(bytes)
        return strategy
    }

    /// Parses strategy text; `path` names it in errors.
    public static func parse(_ text: String, path: String, fallbackName: String = "strategy") throws
        -> Strategy
    {
        let root: JSONNode
        do {
            root = try JSONParser.parse(text)
        } catch let syntax as JSONParser.SyntaxError {
            throw StrategyError(
                path: path, line: syntax.line, message: "not valid JSON: \(syntax.message)")
        }
        let object = try StrategyObject(path: path, prefix: "", node: root)
        try object.rejectUnknownKeys(topLevelKeys)

        var strategy = Strategy(
            name: try object.string("name") ?? fallbackName, tickers: try tickers(object))
        strategy.start = try date(object, "start")
        strategy.end = try date(object, "end")
        if let start = strategy.start, let end = strategy.end, end <= start {
            throw object.error("end", "is \(end), expected a date after start (\(start))")
        }
        strategy.forecast = try forecastSettings(object, warnings: &strategy.warnings)
        strategy.trading = try tradingSettings(object)
        return strategy
    }

    private static func tickers(_ object: StrategyObject) throws -> [Symbol] {
        guard let items = try object.stringArray("tickers"), !items.isEmpty else {
            throw object.error("tickers", "is missing or empty, expected a list such as [\"SPY\"]")
        }
        var symbols: [Symbol] = []
        // A set, as searching `symbols` for each ticker is quadratic in a long list.
        var listed: Set<Symbol> = []
        for (text, line) in items {
            do {
                let symbol = try Symbol(text)
                guard listed.insert(symbol).inserted else {
                    throw object.error("tickers", "lists \"\(text)\" twice", line: line)
                }
                symbols.append(symbol)
            } catch let error as MarketDataError {
                throw object.error("tickers", "holds \"\(text)\": \(error)", line: line)
            }
        }
        return symbols
    }

    private static func date(_ object: StrategyObject, _ key: String) throws -> TradingDate? {
        guard let text = try object.string(key) else { return nil }
        guard let date = TradingDate(iso: text) else {
            throw object.error(key, "is \"\(text)\", expected a date YYYY-MM-DD or null")
        }
        return date
    }
}
