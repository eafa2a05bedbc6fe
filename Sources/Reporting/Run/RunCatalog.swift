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
        do {
            let root = try JSONParser.parse(String(contentsOf: manifest, encoding: .utf8))
            let metrics = (root["metrics"]?.members ?? []).map { member in
                (name: member.key, value: member.node.number ?? .nan)
            }
            let strategy = root["strategy"]
            let target = strategy?["target"]
            let horizon = target?["horizon"]?.number.map { Int($0) } ?? 1
            let horizons = (target?["horizons"]?.array ?? []).compactMap {
                $0.number.map { Int($0) }
            }
            return Entry(
                id: runID.text, name: strategy?["name"]?.string ?? runID.text,
                createdAt: root["createdAt"]?.string ?? "",
                isLeaky: root["leaky"]?.value == .bool(true),
                tickers: (strategy?["tickers"]?.array ?? []).compactMap(\.string),
                model: strategy?["model"]?["cell"]?.string ?? "?", horizon: horizon,
                horizons: horizons.isEmpty ? [horizon] : horizons, metrics: metrics,
                folder: folder)
        } catch {
            throw ReportingError.unreadableRun(path: manifest.path, reason: "\(error)")
        }
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
