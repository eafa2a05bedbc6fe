import Foundation
import Testing

@testable import Neural

/// Runs `NeuralBenchmark` when `NEURAL_BENCH` is set, e.g. `NEURAL_BENCH=lstm,gru,rnn`.
///
/// Meant for release builds: `NEURAL_BENCH=lstm swift test -c release --filter
/// BenchmarkProbe`; prints one JSON line per measurement, as `walkforward bench` will.
@Suite struct BenchmarkProbeTests {
    static let requestedCells = ProcessInfo.processInfo.environment["NEURAL_BENCH"]

    @Test(.enabled(if: requestedCells != nil))
    func benchmarkPrintsOneJSONLinePerMeasurement() throws {
        let environment = ProcessInfo.processInfo.environment
        let cells = (Self.requestedCells ?? "").split(separator: ",").compactMap {
            RecurrentCell(rawValue: String($0))
        }
        let modes = (environment["NEURAL_BENCH_MODES"] ?? "train,infer").split(separator: ",")
        for cell in cells {
            var benchmark = NeuralBenchmark()
            benchmark.cell = cell
            benchmark.threads = Int(environment["NEURAL_BENCH_THREADS"] ?? "") ?? 2
            benchmark.samples = Int(environment["NEURAL_BENCH_SAMPLES"] ?? "") ?? 4096
            if modes.contains("train") {
                print(try benchmark.runTraining().jsonLine())
            }
            if modes.contains("infer") {
                print(try benchmark.runInference().jsonLine())
            }
        }
    }
}
