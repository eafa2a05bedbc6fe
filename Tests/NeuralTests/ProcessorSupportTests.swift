import Foundation
import Testing

@testable import Neural

struct ProcessorSupportTests {
    /// The lane width follows the instruction set the build chose.
    @Test func laneWidthMatchesTheBuild() {
        let flags = ProcessorSupport.requiredFlags
        #expect(Lanes.scalarCount == (flags.isEmpty ? 4 : flags.contains("avx512f") ? 16 : 8))
        #expect(ProcessorSupport.kernelDescription.hasPrefix("\(Lanes.scalarCount)-lane"))
    }

    @Test func missingFlagsAreReadFromTheFlagsLine() {
        let modern =
            "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq avx512cd "
            + "avx512bw avx512vl\nbogomips\t: 1\n"
        #expect(ProcessorSupport.missingFlags(cpuinfo: modern).isEmpty)
        let old = "processor\t: 0\nflags\t\t: fpu sse2 sse4_2 avx\n"
        #expect(ProcessorSupport.missingFlags(cpuinfo: old) == ProcessorSupport.requiredFlags)
        // No flags line at all (another architecture's format): nothing is claimed missing.
        #expect(ProcessorSupport.missingFlags(cpuinfo: "Features\t: neon\n").isEmpty)
    }

    @Test func anOlderProcessorIsRefusedWithTheRebuildCommand() throws {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("cpuinfo-\(UUID().uuidString)")
        try "flags\t\t: fpu sse2\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        if ProcessorSupport.requiredFlags.isEmpty {
            try ProcessorSupport.check(cpuinfoPath: file.path)
            return
        }
        let error = #expect(throws: NeuralError.self) {
            try ProcessorSupport.check(cpuinfoPath: file.path)
        }
        let required = ProcessorSupport.requiredFlags
        #expect(error == .unsupportedProcessor(missing: required))
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains("lacks \(required.joined(separator: ", "));"))
        #expect(message.contains("WALKFORWARD_PORTABLE=1 make build"))
    }

    /// An AVX-512 build on an AVX2 machine is told of the AVX2 build as well.
    @Test func anAVX2ProcessorIsToldOfTheAVX2Build() {
        let message = String(
            describing: NeuralError.unsupportedProcessor(missing: ["avx512f", "avx512vl"]))
        #expect(message.contains("lacks avx512f, avx512vl;"))
        #expect(message.contains("`WALKFORWARD_NO_AVX512=1 make build`"))
        let older = String(describing: NeuralError.unsupportedProcessor(missing: ["avx2", "fma"]))
        #expect(!older.contains("WALKFORWARD_NO_AVX512"))
    }

    @Test func aMistypedMatmulEngineIsRefusedNamingTheVariable() throws {
        try ProcessorSupport.checkEnvironment([:])
        try ProcessorSupport.checkEnvironment(["WALKFORWARD_MATMUL": "lanes"])
        try ProcessorSupport.checkEnvironment(["WALKFORWARD_MATMUL": "openblas"])
        let error = #expect(throws: NeuralError.self) {
            try ProcessorSupport.checkEnvironment(["WALKFORWARD_MATMUL": "OpenBLAS"])
        }
        let message = error.map(String.init(describing:)) ?? ""
        #expect(
            message == "environment variable WALKFORWARD_MATMUL is 'OpenBLAS', expected "
                + "openblas or lanes")
    }

    @Test func thisProcessorRunsThisBuild() throws {
        try ProcessorSupport.check()
    }
}
