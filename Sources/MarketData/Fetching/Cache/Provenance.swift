import Foundation

/// Where a `Data/<SYMBOL>.csv` came from, stored beside it as `Data/<SYMBOL>.json`.
///
/// The top-level fields describe the latest fetch and the file as it now stands; `history`
/// keeps the latest fetches (newest last) because an incrementally updated file is stitched
/// from several answers. URLs are stored with keys redacted.
public struct Provenance: Codable, Sendable, Equatable {
    public static let currentFormatVersion = 1
    /// How many past fetches are kept in `history`.
    public static let historyLimit = 20

    public var formatVersion: Int
    public var symbol: String
    public var source: PriceSource
    /// The latest request, keys redacted.
    public var url: String
    /// ISO 8601 UTC, such as `2024-06-18T21:05:00Z`.
    public var fetchedAt: String
    /// SHA-256 of the latest raw answer, exactly as received (after content decoding).
    public var payloadSHA256: String
    /// SHA-256 of the CSV file written with this record; a mismatch means the CSV changed
    /// afterwards (edited by hand, or a crash between the two writes).
    public var csvSHA256: String
    public var mode: FetchMode
    public var firstDate: String
    public var lastDate: String
    public var rowCount: Int
    public var events: [PriceEvent]
    public var notes: [String]
    public var history: [Record]

    /// One past fetch.
    public struct Record: Codable, Sendable, Equatable {
        public var url: String
        public var fetchedAt: String
        public var payloadSHA256: String
        public var mode: FetchMode
        /// The dates of the bars the answer held, empty strings when it held none.
        public var receivedFirstDate: String
        public var receivedLastDate: String
        public var receivedRowCount: Int
    }

    /// The JSON text, keys sorted so the file diffs well.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Reads a record; nil when the file is missing or not a provenance record.
    public static func read(_ url: URL) -> Provenance? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Provenance.self, from: data)
    }

    /// `date` as ISO 8601 UTC with seconds.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
