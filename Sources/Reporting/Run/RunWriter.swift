import Foundation
import MarketData

/// Writes a run's folder so that it appears complete or not at all.
///
/// Every file goes into a hidden sibling folder first; the folder is renamed into place
/// once the last file is written, so `walkforward reports` never lists a half-written run.
public struct RunWriter: Sendable {
    public let reportsDirectory: URL

    public init(reportsDirectory: URL) {
        self.reportsDirectory = reportsDirectory
    }

    /// Writes every file of `report` and returns the run's folder.
    ///
    /// - Parameter page: the rendered `index.html`.
    /// - Throws: `ReportingError` when the run exists or a file cannot be written.
    public func write(_ report: RunReport, page: String) throws -> URL {
        let fileManager = FileManager.default
        let target = reportsDirectory.appendingPathComponent(report.id.text)
        guard !fileManager.fileExists(atPath: target.path) else {
            throw ReportingError.runExists(path: target.path)
        }
        let staging = reportsDirectory.appendingPathComponent(
            ".\(report.id.text).partial-\(getpid())")
        do {
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var files: [(String, String)] = [
                ("equity.csv", RunFiles.equity(report.simulation.rows)),
                ("trades.csv", RunFiles.trades(report.simulation.trades)),
                ("predictions.csv", RunFiles.predictions(report.forecast.predictions)),
                ("folds.csv", RunFiles.folds(report.forecast.folds)),
                ("metrics.csv", RunFiles.metrics(report.metrics)),
                ("run.json", RunManifest.render(report)),
                ("index.html", page),
            ]
            // A single horizon's forecasts are all in predictions.csv already.
            if report.forecast.horizons.count > 1 {
                files.append(
                    (
                        "predictions-horizons.csv",
                        RunFiles.horizonPredictions(report.forecast.horizonForecasts)
                    ))
            }
            for (name, text) in files {
                try Data(text.utf8).write(to: staging.appendingPathComponent(name))
            }
            try writeModels(report, into: staging)
            try fileManager.moveItem(at: staging, to: target)
        } catch let error as ReportingError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw ReportingError.writeFailed(path: target.path, reason: "\(error)")
        }
        return target
    }

    private func writeModels(_ report: RunReport, into folder: URL) throws {
        for fold in report.forecast.folds {
            let scaler = fold.scaler
            var metadata = [
                "scaler_kind": scaler.kind.rawValue,
                "scaler_mean": "[" + scaler.offset.map(CSVFormat.number).joined(separator: ",")
                    + "]",
                "scaler_std": "[" + scaler.scale.map(CSVFormat.number).joined(separator: ",") + "]",
                "fold": String(fold.plan.index),
                "cutoff": fold.cutoffDate.iso,
                "features": report.strategy.forecast.features.map(\.description).joined(
                    separator: ","),
            ]
            // One output per horizon, in this order; single-horizon files stay as they were.
            let horizons = report.forecast.horizons
            if horizons.count > 1 {
                metadata["horizons"] = "[" + horizons.map(String.init).joined(separator: ",") + "]"
                metadata["horizon"] = String(report.strategy.forecast.target.horizon)
            }
            let url = folder.appendingPathComponent("model-fold-\(fold.plan.index).safetensors")
            _ = try fold.forecaster.save(to: url, metadata: metadata)
        }
    }
}
