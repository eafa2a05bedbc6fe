import Foundation
import Testing

@testable import Neural

@Suite struct TrainerTests {
    static let configuration = RecurrentConfiguration(
        cell: .gru, layers: 2, hiddenSize: 6, inputSize: 2, outputSize: 2, dropout: 0.2)

    static func data(count: Int, seed: UInt64) -> (inputs: [Float], targets: [Float]) {
        let inputs = gaussianValues(count * 5 * 2, seed: seed)
        let targets = (0..<count).flatMap { sample -> [Float] in
            let last = inputs[sample * 10 + 8]
            return [0.5 * last, -0.3 * inputs[sample * 10 + 1]]
        }
        return (inputs, targets)
    }

    static func train(
        seed: UInt64, threads: Int, epochs: Int = 3
    ) throws -> (RecurrentModel, [EpochReport]) {
        let (inputs, targets) = data(count: 50, seed: 1)
        var model = RecurrentModel(configuration: configuration, seed: seed)
        let options = TrainingOptions(
            epochs: epochs, batchSize: 16, learningRate: 0.01, weightDecay: 0.01,
            gradientClipNorm: 1, seed: seed, threads: threads)
        let reports = try Trainer.fit(
            &model, inputs: inputs, targets: targets, sampleCount: 50, timeSteps: 5,
            options: options)
        return (model, reports)
    }

    @Test(arguments: [1, 2])
    func sameSeedAndThreadsGiveBitIdenticalWeightsAndPredictions(_ threads: Int) throws {
        let (first, firstReports) = try Self.train(seed: 7, threads: threads)
        let (second, secondReports) = try Self.train(seed: 7, threads: threads)
        #expect(first.flatParameters == second.flatParameters)
        #expect(firstReports == secondReports)
        let inputs = Self.data(count: 9, seed: 3).inputs
        #expect(
            first.predict(inputs, batchSize: 9, threads: threads)
                == second.predict(inputs, batchSize: 9, threads: threads))

        let (other, _) = try Self.train(seed: 8, threads: threads)
        #expect(other.flatParameters != first.flatParameters)
    }

    @Test func initialisationIsSeededAndWithinPyTorchBounds() {
        let first = RecurrentModel(configuration: Self.configuration, seed: 1)
        let second = RecurrentModel(configuration: Self.configuration, seed: 1)
        #expect(first.flatParameters == second.flatParameters)
        let bound = 1 / Float(6).squareRoot()
        #expect(first.flatParameters.allSatisfy { abs($0) <= bound })
        #expect(first.parameterCount == 3 * 6 * (2 + 6 + 2) + 3 * 6 * (6 + 6 + 2) + 2 * 6 + 2)
    }

    @Test func predictionIsTheSameInSmallAndLargeThreadCounts() {
        let model = RecurrentModel(configuration: Self.configuration, seed: 1)
        let inputs = Self.data(count: 130, seed: 3).inputs
        let one = model.predict(inputs, batchSize: 130, threads: 1)
        let three = model.predict(inputs, batchSize: 130, threads: 3)
        #expect(isClose(three, one, rtol: 1e-6, atol: 1e-7))
    }

    @Test func earlyStoppingRestoresTheBestValidationWeights() throws {
        let (inputs, targets) = Self.data(count: 40, seed: 1)
        let validation = Self.data(count: 20, seed: 2)
        var model = RecurrentModel(configuration: Self.configuration, seed: 2)
        var seen: [EpochReport] = []
        let options = TrainingOptions(
            epochs: 40, batchSize: 8, learningRate: 0.05, seed: 2, earlyStoppingPatience: 2)
        let reports = try Trainer.fit(
            &model, inputs: inputs, targets: targets, sampleCount: 40, timeSteps: 5,
            validation: (validation.inputs, validation.targets, 20), options: options
        ) { seen.append($0) }

        #expect(seen == reports)
        let losses = reports.compactMap(\.validationLoss)
        #expect(losses.count == reports.count)
        let best = try #require(losses.min())
        let bestEpoch = try #require(losses.firstIndex(of: best)) + 1
        #expect(reports.count == 40 || reports.count == bestEpoch + 2)

        let predictions = model.predict(validation.inputs, batchSize: 20)
        var restoredLoss: Float = 0
        for (prediction, target) in zip(predictions, validation.targets) {
            restoredLoss += (prediction - target) * (prediction - target)
        }
        #expect(abs(restoredLoss / 40 - best) <= 1e-5 * best)
    }

    @Test func nonFiniteLossStopsWithTheEpochAndBatch() throws {
        var (inputs, targets) = Self.data(count: 40, seed: 1)
        var model = RecurrentModel(configuration: Self.configuration, seed: 2)
        let options = TrainingOptions(epochs: 2, batchSize: 40, seed: 1)
        inputs[7] = .nan
        let error = #expect(throws: NeuralError.self) {
            try Trainer.fit(
                &model, inputs: inputs, targets: targets, sampleCount: 40, timeSteps: 5,
                options: options)
        }
        #expect(error == .trainingDiverged(.init(quantity: .loss, epoch: 1, batch: 1)))
        let inFold = error?.inFold(3)
        #expect(inFold?.description.hasPrefix("fold 3, epoch 1, batch 1") == true)

        inputs[7] = 0
        targets[0] = .infinity
        #expect(throws: NeuralError.trainingDiverged(.init(quantity: .loss, epoch: 1, batch: 1))) {
            try Trainer.fit(
                &model, inputs: inputs, targets: targets, sampleCount: 40, timeSteps: 5,
                options: options)
        }
    }

    @Test func badOptionsAndDataAreTypedErrors() {
        var model = RecurrentModel(configuration: Self.configuration, seed: 2)
        let (inputs, targets) = Self.data(count: 10, seed: 1)
        #expect(
            throws: NeuralError.invalidValue(
                key: "learningRate", value: "0.0", expected: "a positive number such as 0.001")
        ) {
            try Trainer.fit(
                &model, inputs: inputs, targets: targets, sampleCount: 10, timeSteps: 5,
                options: TrainingOptions(learningRate: 0))
        }
        #expect(throws: NeuralError.self) {
            try Trainer.fit(
                &model, inputs: inputs, targets: targets, sampleCount: 11, timeSteps: 5,
                options: TrainingOptions())
        }
        #expect(throws: NeuralError.self) {
            try RecurrentConfiguration(cell: .lstm, hiddenSize: 0, inputSize: 1).validate()
        }
    }

    @Test func benchmarkReportsTheContractKeys() throws {
        var benchmark = NeuralBenchmark()
        benchmark.hidden = 4
        benchmark.window = 3
        benchmark.samples = 32
        benchmark.batch = 8
        benchmark.threads = 2
        let training = try benchmark.runTraining()
        let inference = try benchmark.runInference()
        #expect(training.params == 4 * 4 * (5 + 4 + 2) + 4 * 4 * (4 + 4 + 2) + 4 + 1)
        let line = training.jsonLine()
        for key in [
            "cell", "layers", "hidden", "window", "features", "batch", "samples", "threads",
            "params", "train_windows_per_s", "seconds",
        ] {
            #expect(line.contains("\"\(key)\": "), "missing \(key)")
        }
        #expect(inference.jsonLine().contains("\"infer_windows_per_s\": "))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["cell"] as? String == "lstm")
    }

    @Test func benchmarkShapesBeyondTheMachinesMemoryAreRefusedBeforeAllocating() {
        var inputs = NeuralBenchmark()
        inputs.samples = 10_000_000
        inputs.window = 10_000
        inputs.features = 4096
        var buffers = NeuralBenchmark()
        buffers.samples = 100
        buffers.window = 10_000
        buffers.hidden = 4096
        buffers.layers = 16
        buffers.batch = 65_536
        var overflowing = NeuralBenchmark()
        overflowing.samples = Int.max / 2
        overflowing.window = 3
        for benchmark in [inputs, buffers, overflowing] {
            for run in [benchmark.runTraining, benchmark.runInference] {
                #expect {
                    _ = try run()
                } throws: { error in
                    guard case .exceedsMemory(let what, _, _) = error as? NeuralError else {
                        return false
                    }
                    return what.hasPrefix("the benchmark's \(benchmark.samples) windows")
                }
            }
        }
    }

    @Test func trainingBuffersBeyondTheMachinesMemoryAreRefusedBeforeAllocating() throws {
        var model = RecurrentModel(
            configuration: RecurrentConfiguration(
                cell: .lstm, layers: 2, hiddenSize: 512, inputSize: 1),
            seed: 1)
        let samples = 4000
        let steps = 1000
        let error = try #require(throws: NeuralError.self) {
            try Trainer.fit(
                &model, inputs: [Float](repeating: 0.5, count: samples * steps),
                targets: [Float](repeating: 0, count: samples), sampleCount: samples,
                timeSteps: steps, options: TrainingOptions(batchSize: samples, threads: 2))
        }
        guard case .exceedsMemory(let what, let bytes, let available) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(what == "training buffers for 2 thread(s) of 2000 windows x 1000 steps")
        #expect((bytes ?? 0) > Int(available))
        #expect("\(error)".contains("GB of memory, more than this machine's"))
    }

    @Test func predictionBuffersAreCheckedAgainstMemory() throws {
        let model = RecurrentModel(
            configuration: RecurrentConfiguration(cell: .gru, hiddenSize: 256, inputSize: 3),
            seed: 1)
        try model.requireMemoryToPredict(timeSteps: 250, batchSize: 1000)
        #expect(throws: NeuralError.self) {
            try model.requireMemoryToPredict(timeSteps: 100_000_000, batchSize: 1)
        }
        #expect(throws: NeuralError.self) {
            try model.requireMemoryToPredict(timeSteps: Int.max / 2, batchSize: 64)
        }
    }

    @Test func memorySizesReadInDecimalUnits() {
        #expect(MemoryBudget.describe(512) == "512 bytes")
        #expect(MemoryBudget.describe(25_300_000_000) == "25.3 GB")
        #expect(MemoryBudget.describe(476_940_000_000) == "477 GB")
        #expect(MemoryBudget.describe(1_640_000_000_000_000) == "1.64 PB")
        #expect(MemoryBudget.describe(2_000) == "2.00 kB")
    }
}
