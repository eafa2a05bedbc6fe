import Foundation
import Testing

@testable import Neural

struct ProcessorSupportTests {
    /// The lane width follows the instruction set the build chose.
    @Test func laneWidthMatchesTheBuild() {
        #expect(Lanes.scalarCount == (ProcessorSupport.requiredFlags.isEmpty ? 4 : 8))
        #expect(ProcessorSupport.kernelDescription.hasPrefix("\(Lanes.scalarCount)-lane"))
    }

    @Test func missingFlagsAreReadFromTheFlagsLine() {
        let modern = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma avx512f\nbogomips\t: 1\n"
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
        #expect(error == .unsupportedProcessor(missing: ["avx2", "fma"]))
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains("lacks avx2 and fma"))
        #expect(message.contains("WALKFORWARD_PORTABLE=1 make build"))
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
