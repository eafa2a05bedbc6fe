import Foundation
import Testing

@testable import Reporting

@Suite struct RunCatalogTests {
    /// A reports folder holding one run, `run`, whose run.json is `manifest`.
    func catalog(manifest: String) throws -> RunCatalog {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reports-\(UUID().uuidString)")
        let folder = directory.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("run.json"))
        return RunCatalog(directory: directory)
    }

    func manifest(target: String) -> String {
        """
        {
          "createdAt": "2026-01-02T03:04:05Z",
          "strategy": {"name": "x", "tickers": ["SPY"],
            "target": \(target)}
        }
        """
    }

    @Test func readsTheHorizonsOfARun() throws {
        let target = #"{"horizon": 5, "horizons": [1, 5]}"#
        let catalog = try catalog(manifest: manifest(target: target))
        defer { try? FileManager.default.removeItem(at: catalog.directory) }
        let entry = try catalog.entry("run")
        #expect(entry.horizon == 5)
        #expect(entry.horizons == [1, 5])
    }

    @Test(arguments: [
        #"{"horizon": 1e300}"#, #"{"horizon": -1e300}"#, #"{"horizon": 1e999}"#,
        #"{"horizon": 2.5}"#, #"{"horizon": 0}"#, #"{"horizon": 1, "horizons": [1, 1e19]}"#,
    ])
    func aHorizonThatIsNoWholeNumberIsAnErrorNamingTheKey(target: String) throws {
        let catalog = try catalog(manifest: manifest(target: target))
        defer { try? FileManager.default.removeItem(at: catalog.directory) }
        do {
            _ = try catalog.entry("run")
            Issue.record("expected an error for \(target)")
        } catch {
            let message = "\(error)"
            #expect(message.contains("run.json: cannot read the run: line 4: strategy.target."))
            #expect(message.contains("expected a whole number of days, at least 1"))
        }
        #expect(catalog.entries().isEmpty)
    }
}
