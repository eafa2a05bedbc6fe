/// A strategy file that cannot be run as written.
public struct StrategyError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let line: Int?
    public let key: String?
    public let message: String

    public init(path: String, line: Int? = nil, key: String? = nil, message: String) {
        self.path = path
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        guard let key else { return "\(location): \(message)" }
        return "\(location): key \"\(key)\" \(message)"
    }
}
