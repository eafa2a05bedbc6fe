/// A transfer that libcurl could not complete, with its curl code kept for diagnosis.
public struct HTTPClientError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the caller can do about the failure.
    public enum Kind: Sendable, Equatable {
        /// The connect or total timeout passed.
        case timedOut
        /// Connecting failed or the connection broke (refused, reset, cut short); worth a
        /// retry.
        case connection
        /// The body grew past the client's limit and the transfer was aborted.
        case bodyTooLarge
        /// Anything else: bad URL, DNS failure, TLS verification failure, setup error.
        case other
    }

    public let kind: Kind
    /// The raw `CURLcode`.
    public let curlCode: Int
    /// libcurl's explanation (its error buffer, or `curl_easy_strerror`).
    public let message: String

    public init(kind: Kind, curlCode: Int, message: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.message = message
    }

    public var description: String { "curl error \(curlCode): \(message)" }
}
