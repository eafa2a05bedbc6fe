import Foundation

/// Reads and writes the `Data/<SYMBOL>.csv` format.
///
/// The format is `Date,Open,High,Low,Close,Adj Close,Volume`, ISO dates ascending, `.` as the
/// decimal point, LF line ends. Reading also accepts CRLF, a missing final newline and the
/// six-column form without `Adj Close` (which then equals `Close`).
public enum PriceCSV {
    public static let header = "Date,Open,High,Low,Close,Adj Close,Volume"
    static let headerWithoutAdjusted = "Date,Open,High,Low,Close,Volume"

    /// A calendar gap longer than this between two rows draws a warning.
    public static let gapWarningDays = 7
    /// A close-to-close move larger than this fraction draws a warning.
    public static let largeMoveFraction = 0.5

    /// The outcome of reading a file: the bars and the warnings about kept rows.
    public struct Contents: Sendable {
        public let series: PriceSeries
        public let warnings: [DataWarning]
    }

    /// Reads and validates the file at `url` as the prices of `symbol`.
    ///
    /// - Throws: `MarketDataError` naming the file, line and column of the first fatal
    ///   problem: an unreadable cell, a non-positive price, a duplicate or unsorted date.
    public static func read(_ url: URL, symbol: Symbol) throws -> Contents {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) {
                throw MarketDataError.missingFile(path: url.path, symbol: symbol.text)
            }
            throw MarketDataError.unreadableFile(
                path: url.path, reason: error.localizedDescription)
        }
        return try parse(String(decoding: data, as: UTF8.self), path: url.path, symbol: symbol)
    }

    /// Parses CSV text; `path` is used in messages only.
    public static func parse(_ text: String, path: String, symbol: Symbol) throws -> Contents {
        // Swift reads "\r\n" as one Character, so both line ends are separators here.
        var rows = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if rows.last?.isEmpty == true { rows.removeLast() }
        guard let headerLine = rows.first else { throw MarketDataError.emptySeries(path: path) }

        let headerText = String(headerLine).trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "\u{FEFF}", with: "")
        let hasAdjusted: Bool
        switch headerText {
        case header: hasAdjusted = true
        case headerWithoutAdjusted: hasAdjusted = false
        default:
            throw MarketDataError.badHeader(path: path, found: headerText, expected: header)
        }

        var bars: [Bar] = []
        bars.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated().dropFirst() {
            let lineNumber = index + 1
            if row.allSatisfy({ $0 == " " }) {
                throw MarketDataError.badRow(
                    path: path, line: lineNumber, reason: "empty line inside the data")
            }
            bars.append(try parseRow(row, hasAdjusted: hasAdjusted, path: path, line: lineNumber))
        }
        // The header is line 1, so the first bar is on line 2.
        let warnings = try PriceValidation.validate(bars: bars, source: path, firstLine: 2)
        return Contents(series: PriceSeries(symbol: symbol, bars: bars), warnings: warnings)
    }

    /// The file text for `series`, LF line ends and a final newline.
    public static func encode(_ series: PriceSeries) -> String {
        var text = header + "\n"
        text.reserveCapacity(series.count * 64)
        for bar in series.bars {
            text += bar.date.iso
            for value in [bar.open, bar.high, bar.low, bar.close, bar.adjustedClose] {
                text += "," + formatDecimal(value)
            }
            text += "," + formatDecimal(bar.volume) + "\n"
        }
        return text
    }

    /// Writes `series` to `url` atomically.
    public static func write(_ series: PriceSeries, to url: URL) throws {
        try AtomicFile.write(encode(series), to: url)
    }

    /// A plain decimal with no exponent, as short as round-trips exactly where possible.
    public static func formatDecimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        let shortest = "\(value)"
        if !shortest.contains("e") { return shortest }
        var fixed = String(format: "%.12f", value)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }

    private static let priceColumns = ["Open", "High", "Low", "Close", "Adj Close"]

    private static func parseRow(
        _ row: Substring, hasAdjusted: Bool, path: String, line: Int
    ) throws -> Bar {
        let cells = row.split(separator: ",", omittingEmptySubsequences: false)
        let expectedCount = hasAdjusted ? 7 : 6
        guard cells.count == expectedCount else {
            throw MarketDataError.badRow(
                path: path, line: line,
                reason: "\(cells.count) cells, expected \(expectedCount) (\(header))")
        }
        guard let date = TradingDate(iso: cells[0].trimmingCharacters(in: .whitespaces)) else {
            throw MarketDataError.badCell(
                path: path, line: line, column: "Date", value: String(cells[0]),
                expected: "an ISO date YYYY-MM-DD")
        }
        let priceCells = hasAdjusted ? Array(cells[1...5]) : Array(cells[1...4]) + [cells[4]]
        var prices: [Double] = []
        for (column, cell) in zip(priceColumns, priceCells) {
            prices.append(try number(cell, column: column, path: path, line: line))
        }
        let volume = try number(cells[expectedCount - 1], column: "Volume", path: path, line: line)
        return Bar(
            date: date, open: prices[0], high: prices[1], low: prices[2], close: prices[3],
            adjustedClose: prices[4], volume: volume)
    }

    private static func number(
        _ cell: Substring, column: String, path: String, line: Int
    ) throws -> Double {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else {
            throw MarketDataError.badCell(
                path: path, line: line, column: column, value: String(cell),
                expected: "a number with '.' as decimal point and no thousands separator")
        }
        return value
    }
}
