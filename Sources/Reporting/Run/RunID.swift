import Foundation

/// The name of a run's folder under `Reports/`.
public struct RunID: Hashable, Sendable, CustomStringConvertible {
    public static let maximumLength = 64
    public let text: String

    /// Validates `text`: letters, digits, `.`, `_` and `-`, at most 64 characters.
    public init(_ text: String) throws {
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard !text.isEmpty, text.count <= RunID.maximumLength, allowed,
            text != ".", text != ".."
        else { throw ReportingError.invalidRunID(text) }
        self.text = text
    }

    /// A timestamp and the strategy file's name, such as `20261203-142501-lstm-spy`.
    public static func make(strategyFileName: String, at date: Date = Date()) -> RunID {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let cleaned = String(
            strategyFileName.unicodeScalars.map { scalar -> Character in
                let keep =
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
                return keep ? Character(scalar) : "-"
            }
        ).prefix(RunID.maximumLength - 16)
        // The cleaned text holds only allowed characters, so this cannot fail.
        return (try? RunID(formatter.string(from: date) + "-" + cleaned))
            ?? RunID(unchecked: formatter.string(from: date))
    }

    private init(unchecked text: String) {
        self.text = text
    }

    public var description: String { text }
}
