/// A ticker symbol that is safe to put into a file name and a URL.
///
/// Only letters, digits and `.-^=` are allowed, at most 20 characters, and a symbol made of
/// dots alone is refused, so `../x`, `a/b` or `..` can never reach a path.
public struct Symbol: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let maximumLength = 20

    public let text: String

    /// Validates `text`.
    ///
    /// - Throws: `MarketDataError.invalidSymbol` naming the symbol and the allowed characters.
    public init(_ text: String) throws {
        guard !text.isEmpty, text.count <= Symbol.maximumLength,
            text.unicodeScalars.allSatisfy(Symbol.isAllowed),
            !text.unicodeScalars.allSatisfy({ $0 == "." })
        else { throw MarketDataError.invalidSymbol(text) }
        self.text = text
    }

    /// A symbol known to be valid, such as a literal in code or tests.
    ///
    /// - Precondition: `text` passes the same check as `init(_:)`.
    package init(validated text: String) {
        precondition((try? Symbol(text)) != nil, "invalid symbol literal \(text)")
        self.text = text
    }

    public var description: String { text }

    public static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.text < rhs.text }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "-", "^", "=": return true
        default: return false
        }
    }
}
