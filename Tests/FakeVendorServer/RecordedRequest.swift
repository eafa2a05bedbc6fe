/// A request as the fake received it.
public struct RecordedRequest: Sendable {
    public let method: String
    /// Path and query exactly as sent.
    public let target: String
    /// The path, percent-decoded.
    public let path: String
    /// Query parameters, percent-decoded; a repeated name keeps its last value.
    public let query: [String: String]
    /// Header fields with lower-cased names.
    public let headers: [String: String]
    public let vendor: FakeVendor?
}
