import Foundation

/// A vendor request URL that knows which of its query parameters are secrets.
///
/// The full form goes to libcurl and nowhere else; everything that is shown or stored (errors,
/// progress, provenance) uses `redacted`, where each secret value reads `REDACTED`.
public struct VendorURL: Sendable, Equatable {
    /// `scheme://host[:port]`, no trailing slash.
    public let base: String
    /// The path, already percent-encoded, starting with `/`.
    public let path: String
    /// Query parameters in order, unencoded.
    public var query: [QueryItem]

    public struct QueryItem: Sendable, Equatable {
        public var name: String
        public var value: String
        public var isSecret: Bool
    }

    public init(base: String, path: String) {
        self.base = base
        self.path = path
        self.query = []
    }

    /// Appends a parameter; a secret one is hidden in `redacted`.
    public mutating func append(_ name: String, _ value: String, secret: Bool = false) {
        query.append(QueryItem(name: name, value: value, isSecret: secret))
    }

    /// The URL that is actually requested.
    public var full: String { render(hidingSecrets: false) }

    /// The URL with every secret value replaced by `REDACTED`; safe to log and store.
    public var redacted: String { render(hidingSecrets: true) }

    /// The values that must never appear in logs, files or messages.
    public var secretValues: [String] { query.filter(\.isSecret).map(\.value) }

    /// The host and port part, which the per-host politeness limit is keyed by.
    public var hostKey: String {
        base.components(separatedBy: "://").last ?? base
    }

    private func render(hidingSecrets: Bool) -> String {
        guard !query.isEmpty else { return base + path }
        let pairs = query.map { item in
            let value = hidingSecrets && item.isSecret ? "REDACTED" : item.value
            return VendorURL.encode(item.name) + "=" + VendorURL.encode(value)
        }
        return base + path + "?" + pairs.joined(separator: "&")
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters and the comma, which
    /// vendors expect literally (`events=div,splits`).
    public static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ","):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    /// Checks a `--base-url` value and returns it as `scheme://host[:port]`.
    ///
    /// - Throws: `FetchError.invalidBaseURL` when the value has another scheme, no host, or
    ///   a path, query or fragment (the vendor's own path is always appended).
    public static func normalisedBase(_ value: String) throws -> String {
        var text = value.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        guard let components = URLComponents(string: text) else {
            throw FetchError.invalidBaseURL(value: value, reason: "not a URL")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else {
            throw FetchError.invalidBaseURL(value: value, reason: "the scheme must be http(s)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw FetchError.invalidBaseURL(value: value, reason: "no host")
        }
        guard components.path.isEmpty, components.query == nil, components.fragment == nil,
            components.user == nil, components.password == nil
        else {
            throw FetchError.invalidBaseURL(
                value: value, reason: "it has a path, query, fragment or user name")
        }
        return text
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
