import Foundation
import Reporting

/// The scratch reports folder of this process, removed when libFuzzer exits.
let reports = URL(fileURLWithPath: NSTemporaryDirectory())
    .appendingPathComponent("walkforward-fuzz-\(getpid())")

/// Writes any bytes as a run's `run.json`, then lists and opens the run as `reports` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let folder = reports.appendingPathComponent("run")
    if !FileManager.default.fileExists(atPath: folder.path) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: reports) }
    }
    let manifest = folder.appendingPathComponent("run.json")
    try? Data(bytes: data, count: size).write(to: manifest)
    let catalog = RunCatalog(directory: reports)
    for entry in catalog.entries() {
        _ = entry.metric("sharpe")
        _ = try? catalog.metrics(of: entry)
    }
    return 0
}
