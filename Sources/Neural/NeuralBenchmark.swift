import Dispatch
import Foundation

/// Measures training and inference throughput on seeded random data, the Swift side of
/// `benchmarks/torch_rnn_bench.py`.
///
/// The model is many-to-one (`last` head, one output), trained with MSE and Adam at
/// learning rate 1e-3 in float32. Data: `x ~ N(0, 1)` of shape `[samples, window, features]`
/// and `y = 0.5 x[:, -1, 0] + 0.25 mean_t x[:, t, 0] + 0.1 noise`, as in the reference.
public struct NeuralBenchmark: Sendable, Equatable {
    public var cell: RecurrentCell = .lstm
    public var layers = 2
    public var hidden = 64
    public var window = 60
    public var features = 5
    public var batch = 64
    public var samples = 4096
    /// Training: the first epoch is an untimed warm-up. Inference: one untimed pass, then
    /// `max(1, epochs - 1)` timed passes of which the fastest is reported, as the reference
    /// reports its best repetition.
    public var epochs = 3
    public var threads = 2
    public var seed: UInt64 = 0

    public init() {}

    /// Trains for `epochs` epochs and times all but the first.
    ///
    /// - Throws: `NeuralError` for invalid sizes or if training diverges.
    public func runTraining() throws(NeuralError) -> NeuralBenchmarkResult {
        var (model, inputs, targets) = try prepare(training: true)
        var epochEnds: [UInt64] = []
        let start = DispatchTime.now().uptimeNanoseconds
        let options = TrainingOptions(
            epochs: epochs, batchSize: batch, learningRate: 1e-3, loss: .mse, seed: seed + 1,
            threads: threads)
        try Trainer.fit(
            &model, inputs: inputs, targets: targets, sampleCount: samples, timeSteps: window,
            options: options
        ) { _ in
            epochEnds.append(DispatchTime.now().uptimeNanoseconds)
        }
        let timedEpochs = epochs > 1 ? epochs - 1 : 1
        let timedStart = epochs > 1 ? epochEnds[0] : start
        let seconds = Double(epochEnds[epochEnds.count - 1] - timedStart) / 1e9
        return result(mode: .train, seconds: seconds, windows: samples * timedEpochs, model: model)
    }

    /// Predicts every window once untimed, then times full passes and keeps the fastest.
    ///
    /// - Throws: `NeuralError` for invalid sizes.
    public func runInference() throws(NeuralError) -> NeuralBenchmarkResult {
        let (model, inputs, _) = try prepare(training: false)
        let engine = model.makeEngine(
            timeSteps: window, chunkCapacity: batch, threads: threads, training: false)
        var outputs = [Float](repeating: 0, count: samples)
        var best = Double.infinity
        for pass in 0...max(1, epochs - 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            model.flatParameters.withUnsafeBufferPointer { parameters in
                inputs.withUnsafeBufferPointer { inputBuffer in
                    outputs.withUnsafeMutableBufferPointer { outputBuffer in
                        engine.predict(
                            parameters: parameters.baseAddress!,
                            inputs: inputBuffer.baseAddress!, rows: samples,
                            into: outputBuffer.baseAddress!)
                    }
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if pass > 0 {
                best = min(best, seconds)
            }
        }
        return result(mode: .infer, seconds: best, windows: samples, model: model)
    }

    private func prepare(
        training: Bool
    ) throws(NeuralError) -> (RecurrentModel, [Float], [Float]) {
        let configuration = RecurrentConfiguration(
            cell: cell, layers: layers, hiddenSize: hidden, inputSize: features)
        try configuration.validate()
        let sizes = [("window", window), ("batch", batch), ("samples", samples)]
        for (key, value) in sizes where value < 1 {
            throw .invalidValue(key: key, value: "\(value)", expected: "a whole number >= 1")
        }
        guard epochs >= 1, threads >= 1 else {
            throw .invalidValue(
                key: "epochs/threads", value: "\(epochs)/\(threads)", expected: "both >= 1")
        }

        try requireMemory(for: configuration, training: training)

        var generator = SeededGenerator(seed: seed)
        let inputs = (0..<(samples * window * features)).map { _ in generator.nextGaussian() }
        let targets = (0..<samples).map { sample -> Float in
            let first = sample * window * features
            let last = inputs[first + (window - 1) * features]
            var mean: Float = 0
            for t in 0..<window {
                mean += inputs[first + t * features]
            }
            mean /= Float(window)
            return 0.5 * last + 0.25 * mean + 0.1 * generator.nextGaussian()
        }
        let model = RecurrentModel(configuration: configuration, seed: seed)
        return (model, inputs, targets)
    }

    /// Refuses a shape whose inputs, model and buffers would not fit in this machine's
    /// memory, before any of them exists: each size is bounded on its own, but their
    /// product can still ask for petabytes, which would end the process instead of
    /// reporting the mistake. `Trainer.fit` checks its own buffers again.
    private func requireMemory(
        for configuration: RecurrentConfiguration, training: Bool
    ) throws(NeuralError) {
        let product = CheckedSize.product
        let perThread = RecurrentWorkspace.floatCount(
            configuration, timeSteps: window, capacity: batch, training: training)
        // Training: weights, gradient, Adam's two moments and the weights early stopping
        // keeps; inference: the weights.
        let parameters = ParameterLayout.parameterCount(configuration).flatMap {
            product($0, training ? 5 : 1)
        }
        let parts = [
            product(samples, window, features), perThread.flatMap { product($0, threads) },
            parameters,
        ]
        try MemoryBudget.require(
            floats: CheckedSize.total(parts),
            for: "the benchmark's \(samples) windows of \(window) steps x \(features) features, "
                + "its model and its buffers for a batch of \(batch)")
    }

    private func result(
        mode: NeuralBenchmarkResult.Mode, seconds: Double, windows: Int, model: RecurrentModel
    ) -> NeuralBenchmarkResult {
        NeuralBenchmarkResult(
            mode: mode, cell: cell, layers: layers, hidden: hidden, window: window,
            features: features, batch: batch, samples: samples, epochs: epochs,
            threads: threads, params: model.parameterCount, seconds: seconds,
            windowsPerSecond: seconds > 0 ? Double(windows) / seconds : .infinity,
            blas: Matmul.blasDescription, matmul: Matmul.engine.rawValue,
            kernels: ProcessorSupport.kernelDescription)
    }
}

/// One benchmark measurement.
public struct NeuralBenchmarkResult: Sendable, Equatable {
    /// Which throughput was measured.
    public enum Mode: String, Sendable {
        case train
        case infer
    }

    public var mode: Mode
    public var cell: RecurrentCell
    public var layers: Int
    public var hidden: Int
    public var window: Int
    public var features: Int
    public var batch: Int
    public var samples: Int
    public var epochs: Int
    public var threads: Int
    public var params: Int
    /// Wall time of the timed part.
    public var seconds: Double
    public var windowsPerSecond: Double
    /// The OpenBLAS build and the CPU kernel it selected.
    public var blas: String
    /// Which code ran the matrix products: `openblas` or `lanes` (see `Matmul.engine`).
    public var matmul: String
    /// The vector width and instruction set of the element-wise kernels.
    public var kernels: String

    /// One JSON object on one line, keys as in the reference benchmark:
    /// `train_windows_per_s` or `infer_windows_per_s` depending on the mode.
    public func jsonLine() -> String {
        let rate = (windowsPerSecond * 100).rounded() / 100
        let fields: [(String, String)] = [
            ("mode", quoted(mode.rawValue)), ("cell", quoted(cell.rawValue)),
            ("layers", "\(layers)"), ("hidden", "\(hidden)"), ("window", "\(window)"),
            ("features", "\(features)"), ("batch", "\(batch)"), ("samples", "\(samples)"),
            ("epochs", "\(epochs)"), ("threads", "\(threads)"), ("params", "\(params)"),
            ("\(mode.rawValue)_windows_per_s", "\(rate)"),
            ("seconds", "\((seconds * 10_000).rounded() / 10_000)"), ("blas", quoted(blas)),
            ("matmul", quoted(matmul)), ("kernels", quoted(kernels)),
        ]
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    private func quoted(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
