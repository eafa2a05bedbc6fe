import Foundation

/// The vector instructions this build of the Neural module was compiled for, and whether the
/// running processor has them.
///
/// `Package.swift` compiles the kernels for AVX-512 (`NEURAL_AVX512`) or for AVX2 and FMA
/// (`NEURAL_AVX2`) when the machine that builds them has those; a binary built that way and
/// copied to an older processor would die on an illegal instruction, so the command line
/// checks first and says how to rebuild instead.
public enum ProcessorSupport {
    /// The `/proc/cpuinfo` flags the kernels need; empty for a baseline x86-64 build. The
    /// same lists `Package.swift` checks before it picks the build (a manifest cannot import
    /// this module, so they are written twice).
    public static var requiredFlags: [String] {
        #if NEURAL_AVX512
            return ["avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
        #elseif NEURAL_AVX2
            return ["avx2", "fma"]
        #else
            return []
        #endif
    }

    /// How the element-wise kernels were compiled, for benchmark records.
    public static var kernelDescription: String {
        #if NEURAL_AVX512
            return "\(Lanes.scalarCount)-lane AVX-512"
        #elseif NEURAL_AVX2
            return "\(Lanes.scalarCount)-lane AVX2+FMA"
        #else
            return "\(Lanes.scalarCount)-lane SSE"
        #endif
    }

    /// The required flags missing from the `flags` line of a `/proc/cpuinfo` text; an
    /// unreadable or foreign format yields none, so only a known mismatch is reported.
    public static func missingFlags(cpuinfo: String) -> [String] {
        guard let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return [] }
        let present = Set(line.split(separator: " ").map(String.init))
        return requiredFlags.filter { !present.contains($0) }
    }

    /// Throws `NeuralError.unsupportedProcessor` when this processor lacks a required flag.
    public static func check(cpuinfoPath: String = "/proc/cpuinfo") throws {
        guard !requiredFlags.isEmpty,
            let text = try? String(contentsOfFile: cpuinfoPath, encoding: .utf8)
        else { return }
        let missing = missingFlags(cpuinfo: text)
        if !missing.isEmpty {
            throw NeuralError.unsupportedProcessor(missing: missing)
        }
    }

    /// Throws `NeuralError.badEnvironment` when `WALKFORWARD_MATMUL`, which picks the code
    /// that runs the matrix products, is set to anything but `openblas` or `lanes`.
    public static func checkEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(NeuralError) {
        let variable = Matmul.engineVariable
        guard let value = environment[variable], Matmul.Engine(rawValue: value) == nil else {
            return
        }
        throw .badEnvironment(variable: variable, value: value, expected: "openblas or lanes")
    }
}
