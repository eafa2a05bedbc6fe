import Foundation

/// The result for one requested symbol, in the order of the request.
public struct SymbolFetchOutcome: Sendable, CustomStringConvertible {
    /// The symbol as requested (possibly invalid).
    public let symbolText: String
    public let result: Result<SymbolFetchSummary, FetchError>

    public init(symbolText: String, result: Result<SymbolFetchSummary, FetchError>) {
        self.symbolText = symbolText
        self.result = result
    }

    public var succeeded: Bool {
        if case .success = result { return true }
        return false
    }

    public var summary: SymbolFetchSummary? { try? result.get() }

    public var error: FetchError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    public var description: String {
        switch result {
        case .success(let summary):
            var line =
                "\(symbolText): \(summary.mode.rawValue), +\(summary.rowsAdded) rows, "
                + "\(summary.rowCount) total, \(summary.firstDate)..\(summary.lastDate)"
            if !summary.warnings.isEmpty { line += ", \(summary.warnings.count) warning(s)" }
            return line
        case .failure(let error):
            return "\(symbolText): failed: \(error)"
        }
    }
}
