import Foundation

/// One complete HTTP answer: the final status, its headers and the decoded body.
public struct HTTPResponse: Sendable {
    /// The HTTP status code of the last response (after redirects).
    public let status: Int
    /// Header fields of the last response in arrival order; names as sent.
    public let headers: [(name: String, value: String)]
    /// The body after content decoding (gzip, deflate, br as libcurl supports them).
    public let body: Data
    /// How many attempts it took to get this answer (1 when no retry was needed).
    public var attemptCount: Int = 1

    public init(status: Int, headers: [(name: String, value: String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header named `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The body as text, with invalid UTF-8 replaced.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The first `limit` characters of the body on one line, for error messages.
    public func excerpt(limit: Int = 120) -> String {
        let flattened = text.replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
            .trimmingCharacters(in: .whitespaces)
        return flattened.count > limit ? String(flattened.prefix(limit)) + "…" : flattened
    }
}
