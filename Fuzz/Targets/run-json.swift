import Foundation
import Reporting

/// Writes any bytes as a run's `run.json`, then lists and opens the run as `reports` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let reports = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("walkforward-fuzz-\(getpid())")
    let folder = reports.appendingPathComponent("run")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let manifest = folder.appendingPathComponent("run.json")
    try? Data(bytes: data, count: size).write(to: manifest)
    let catalog = RunCatalog(directory: reports)
    for entry in catalog.entries() {
        _ = entry.metric("sharpe")
        _ = try? catalog.metrics(of: entry)
    }
    return 0
}
