import Foundation
import MarketData

/// The runs under a reports folder, read back from their `run.json`.
public struct RunCatalog: Sendable {
    /// What a listing shows of one run.
    public struct Entry: Sendable {
        public let id: String
        public let name: String
        public let createdAt: String
        public let isLeaky: Bool
        public let tickers: [String]
        public let model: String
        /// The traded horizon and every horizon forecast, from the strategy as run; runs
        /// recorded before multi-horizon targets existed list the traded horizon alone.
        public let horizon: Int
        public let horizons: [Int]
        public let metrics: [(name: String, value: Double)]
        public let folder: URL

        public func metric(_ name: String) -> Double {
            metrics.first { $0.name == name }?.value ?? .nan
        }
    }

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Every complete run, newest first; folders without a readable run.json are skipped.
    public func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let entries = names.filter { !$0.hasPrefix(".") }.compactMap { try? entry($0) }
        return entries.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }

    /// The run named `id`.
    public func entry(_ id: String) throws -> Entry {
        let runID = try RunID(id)
        let folder = directory.appendingPathComponent(runID.text)
        let manifest = folder.appendingPathComponent("run.json")
        guard FileManager.default.fileExists(atPath: manifest.path) else {
            throw ReportingError.runNotFound(id: id, directory: directory.path)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(String(contentsOf: manifest, encoding: .utf8))
        } catch {
            throw ReportingError.unreadableRun(path: manifest.path, reason: "\(error)")
        }
        let metrics = (root["metrics"]?.members ?? []).map { member in
            (name: member.key, value: member.node.number ?? .nan)
        }
        let strategy = root["strategy"]
        let target = strategy?["target"]
        let horizon =
            try target?["horizon"].map {
                try days($0, key: "strategy.target.horizon", manifest: manifest)
            } ?? 1
        let horizons = try (target?["horizons"]?.array ?? []).map {
            try days($0, key: "strategy.target.horizons", manifest: manifest)
        }
        return Entry(
            id: runID.text, name: strategy?["name"]?.string ?? runID.text,
            createdAt: root["createdAt"]?.string ?? "",
            isLeaky: root["leaky"]?.value == .bool(true),
            tickers: (strategy?["tickers"]?.array ?? []).compactMap(\.string),
            model: strategy?["model"]?["cell"]?.string ?? "?", horizon: horizon,
            horizons: horizons.isEmpty ? [horizon] : horizons, metrics: metrics,
            folder: folder)
    }

    /// A horizon from run.json as a count of days. The writer only puts small whole numbers
    /// there, but a corrupt or hand-edited file may hold 1e300, which `Int(_:)` would trap on.
    private func days(_ node: JSONNode, key: String, manifest: URL) throws -> Int {
        guard let value = node.number, let whole = Int(exactly: value), whole >= 1 else {
            throw ReportingError.unreadableRun(
                path: manifest.path,
                reason: "line \(node.line): \(key) is \(node.value.kindName), expected a whole "
                    + "number of days, at least 1")
        }
        return whole
    }

    /// The full `metrics.csv` of a run, in file order.
    public func metrics(of entry: Entry) throws -> [(name: String, value: Double)] {
        guard let rows = rows(of: entry, file: "metrics.csv") else {
            throw ReportingError.unreadableRun(
                path: entry.folder.appendingPathComponent("metrics.csv").path,
                reason: "missing metrics.csv")
        }
        return rows.compactMap { cells in
            cells.count == 2 ? (String(cells[0]), Double(cells[1]) ?? .nan) : nil
        }
    }

    /// The `equity` column of a run's `equity.csv`, one value per day; empty when absent.
    public func equity(of entry: Entry) -> [Double] {
        (rows(of: entry, file: "equity.csv") ?? []).compactMap { cells in
            cells.count > 1 ? Double(cells[1]) : nil
        }
    }

    /// The cells of every data row of one of the run's CSV files; nil when it is missing.
    /// The run's own writers produce these files, so no cell is quoted.
    private func rows(of entry: Entry, file: String) -> [[Substring]]? {
        let url = entry.folder.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
    }
}
