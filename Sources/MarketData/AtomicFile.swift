import Foundation

/// Writes files so that readers only ever see the old content or the complete new content.
///
/// The bytes go to a temporary file in the same directory, are flushed to disk, and the
/// temporary file is renamed over the target; rename within one file system is atomic.
public enum AtomicFile {
    /// Replaces (or creates) the file at `url` with `data`.
    ///
    /// - Throws: `MarketDataError.writeFailed`; on failure the old file is untouched and the
    ///   temporary file is removed.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)."
                + "\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw MarketDataError.writeFailed(
                    path: url.path, reason: "cannot create \(temporary.lastPathComponent)")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                throw MarketDataError.writeFailed(path: url.path, reason: reason)
            }
        } catch let error as MarketDataError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw MarketDataError.writeFailed(path: url.path, reason: "\(error)")
        }
    }

    /// Replaces (or creates) the file at `url` with the UTF-8 bytes of `text`.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
