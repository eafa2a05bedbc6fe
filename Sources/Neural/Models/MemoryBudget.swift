import Foundation

/// Checks that buffers sized from people's or files' numbers fit in this machine's memory
/// before they are allocated: a failed allocation ends the process, where a thrown error
/// can name the sizes that were asked for.
enum MemoryBudget {
    /// The machine's physical memory in bytes.
    static var available: UInt64 { ProcessInfo.processInfo.physicalMemory }

    /// Throws unless `floats` 4-byte values fit in physical memory.
    ///
    /// - Parameters:
    ///   - floats: the count, or nil when computing it overflowed.
    ///   - what: names the buffers for the message, e.g. "training buffers (...)".
    /// - Throws: `NeuralError.exceedsMemory`.
    static func require(floats: Int?, for what: String) throws(NeuralError) {
        let bytes = floats.flatMap { CheckedSize.product($0, MemoryLayout<Float>.size) }
        if let bytes, UInt64(bytes) <= available { return }
        throw .exceedsMemory(what: what, bytes: bytes, available: available)
    }

    /// `bytes` in decimal units with three significant digits, as "238 GB".
    static func describe(_ bytes: UInt64) -> String {
        let units: [(UInt64, String)] = [
            (1_000_000_000_000_000, "PB"), (1_000_000_000_000, "TB"), (1_000_000_000, "GB"),
            (1_000_000, "MB"), (1_000, "kB"),
        ]
        for (size, unit) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            let digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
            return String(format: "%.\(digits)f \(unit)", value)
        }
        return "\(bytes) bytes"
    }
}
