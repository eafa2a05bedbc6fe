import Foundation
import Testing

@Suite struct BenchCommandTests {
    let cli = CommandRunner(directory: FileManager.default.temporaryDirectory)

    func object(_ outcome: CommandRunner.Outcome) throws -> [String: Any] {
        let line = try #require(outcome.standardOutput.split(separator: "\n").first)
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? [String: Any])
    }

    @Test func backtestBenchPrintsTheContractKeys() throws {
        let outcome = try cli.run([
            "bench", "backtest", "--bars", "2000", "--symbols", "2", "--repeats", "1",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try object(outcome)
        for key in ["bars", "symbols", "seconds", "bars_per_s", "final_equity", "cold_bars_per_s"] {
            #expect(json[key] != nil, "\(key)")
        }
        #expect(json["bars"] as? Int == 2000)
        #expect(json["symbols"] as? Int == 2)
    }

    @Test(arguments: ["train", "infer"])
    func recurrentBenchPrintsTheContractKeys(_ mode: String) throws {
        let outcome = try cli.run([
            "bench", mode, "--cell", "gru", "--layers", "1", "--hidden", "4", "--window", "5",
            "--features", "2", "--batch", "8", "--samples", "32", "--epochs", "2", "--threads", "1",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try object(outcome)
        let rate = mode == "train" ? "train_windows_per_s" : "infer_windows_per_s"
        for key in [
            "cell", "layers", "hidden", "window", "features", "batch", "samples", "threads",
            "params", rate,
        ] {
            #expect(json[key] != nil, "\(key)")
        }
        #expect(json["cell"] as? String == "gru")
        // The benchmark notes need to say which BLAS kernel and which vector build ran.
        #expect((json["blas"] as? String)?.contains("core") == true)
        #expect(["openblas", "lanes"].contains(json["matmul"] as? String ?? ""))
        let kernels = json["kernels"] as? String ?? ""
        #expect(
            ["16-lane AVX-512", "8-lane AVX2+FMA", "4-lane SSE"].contains(kernels), "\(kernels)")
    }

    @Test(arguments: ["openblas", "lanes"])
    func theMatmulVariablePicksTheEngineAndTheRecordSaysWhich(_ engine: String) throws {
        let outcome = try cli.run(
            [
                "bench", "train", "--cell", "lstm", "--layers", "1", "--hidden", "8", "--window",
                "4", "--features", "2", "--batch", "8", "--samples", "16", "--epochs", "2",
            ], environment: ["WALKFORWARD_MATMUL": engine])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try object(outcome)["matmul"] as? String == engine)
    }

    @Test func aMistypedMatmulEngineStopsTheCommandNamingTheVariable() throws {
        let outcome = try cli.run(
            ["bench", "infer", "--samples", "8"], environment: ["WALKFORWARD_MATMUL": "fast"])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains(
                "WALKFORWARD_MATMUL is 'fast', expected openblas or lanes"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func badBenchArgumentsAreUsageErrors() throws {
        #expect(try cli.run(["bench"]).status == 64)
        #expect(try cli.run(["bench", "fly"]).status == 64)
        #expect(try cli.run(["bench", "train", "--cell", "transformer"]).status == 64)
        #expect(try cli.run(["bench", "backtest", "--bars", "5"]).status == 64)
    }
}
