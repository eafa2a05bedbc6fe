/// Everything that can go wrong while reading, validating, storing or fetching prices.
///
/// Each case carries enough context (file, line, symbol, status) for its message to say what
/// was wrong, what was expected and what to do.
public enum MarketDataError: Error, CustomStringConvertible, Equatable {
    case invalidSymbol(String)
    case unreadableFile(path: String, reason: String)
    case missingFile(path: String, symbol: String)
    case badHeader(path: String, found: String, expected: String)
    case badCell(path: String, line: Int, column: String, value: String, expected: String)
    case badRow(path: String, line: Int, reason: String)
    case nonPositivePrice(path: String, line: Int, date: String, column: String, value: String)
    case duplicateDate(path: String, line: Int, date: String)
    case unsortedDate(path: String, line: Int, date: String, previous: String)
    case emptySeries(path: String)
    case writeFailed(path: String, reason: String)
    case lockBusy(path: String)

    public var description: String {
        switch self {
        case .invalidSymbol(let text):
            return "invalid symbol '\(text)': use 1 to \(Symbol.maximumLength) letters, digits "
                + "or '.', '-', '^', '=' (for example AAPL, BRK-B, ^GSPC)"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .missingFile(let path, let symbol):
            return "\(path): no price file for \(symbol); fetch it with "
                + "`walkforward fetch \(symbol)` or add the CSV by hand (see README)"
        case .badHeader(let path, let found, let expected):
            return "\(path):1: header is '\(found)', expected '\(expected)'"
        case .badCell(let path, let line, let column, let value, let expected):
            return "\(path):\(line): column \(column) holds '\(value)', expected \(expected)"
        case .badRow(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .nonPositivePrice(let path, let line, let date, let column, let value):
            return "\(path):\(line): \(date): \(column) is \(value), expected a positive price"
        case .duplicateDate(let path, let line, let date):
            return "\(path):\(line): date \(date) appears twice; each trading day needs one row"
        case .unsortedDate(let path, let line, let date, let previous):
            return "\(path):\(line): date \(date) comes after \(previous); rows must be in "
                + "ascending date order"
        case .emptySeries(let path):
            return "\(path): no price rows after the header"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason); the previous file, if any, is unchanged"
        case .lockBusy(let path):
            return "\(path): another walkforward process holds this lock; wait for it or "
                + "remove the lock file if no such process runs"
        }
    }
}
