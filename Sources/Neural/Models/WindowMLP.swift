/// The non-recurrent baseline: a flattened window through one ReLU hidden layer to the outputs.
///
/// `[batch, windowLength, inputSize]` is read as `[batch, windowLength * inputSize]`, then
/// `hidden = relu(x W_1^T + b_1)` and `y = hidden W_2^T + b_2`. Parameters are flat in the
/// order `hidden.weight [H, W*I]`, `hidden.bias [H]`, `head.weight [O, H]`, `head.bias [O]`.
public struct WindowMLP: Sendable {
    /// The baseline's shape.
    public struct Configuration: Sendable, Equatable {
        public var windowLength: Int
        public var inputSize: Int
        public var hiddenSize: Int
        public var outputSize: Int

        public init(windowLength: Int, inputSize: Int, hiddenSize: Int, outputSize: Int = 1) {
            self.windowLength = windowLength
            self.inputSize = inputSize
            self.hiddenSize = hiddenSize
            self.outputSize = outputSize
        }

        /// - Throws: `NeuralError.invalidValue` naming the first size below 1.
        public func validate() throws(NeuralError) {
            let sizes = [
                ("windowLength", windowLength), ("inputSize", inputSize),
                ("hiddenSize", hiddenSize), ("outputSize", outputSize),
            ]
            for (key, value) in sizes where value < 1 {
                throw .invalidValue(key: key, value: "\(value)", expected: "a whole number >= 1")
            }
        }

        var flatInputSize: Int { windowLength * inputSize }
        var hiddenBiasOffset: Int { hiddenSize * flatInputSize }
        var headWeightOffset: Int { hiddenBiasOffset + hiddenSize }
        var headBiasOffset: Int { headWeightOffset + outputSize * hiddenSize }
        var parameterCount: Int { headBiasOffset + outputSize }
    }

    public let configuration: Configuration

    /// All weights and biases in the order given above.
    public var flatParameters: [Float] {
        didSet {
            precondition(flatParameters.count == configuration.parameterCount)
        }
    }

    /// A baseline initialised like `nn.Linear`: uniform in `±1/sqrt(fan_in)` per layer.
    ///
    /// - Precondition: `configuration.validate()` passes.
    public init(configuration: Configuration, seed: UInt64) {
        precondition((try? configuration.validate()) != nil, "invalid \(configuration)")
        self.configuration = configuration
        var generator = SeededGenerator(seed: seed)
        let firstBound = 1 / Float(configuration.flatInputSize).squareRoot()
        let secondBound = 1 / Float(configuration.hiddenSize).squareRoot()
        flatParameters = (0..<configuration.parameterCount).map { index in
            let bound = index < configuration.headWeightOffset ? firstBound : secondBound
            return generator.nextFloat(in: -bound, bound)
        }
    }

    /// Number of trainable scalars.
    public var parameterCount: Int { configuration.parameterCount }

    /// Forecasts `[batchSize, outputSize]` for windows `[batchSize, windowLength, inputSize]`.
    public func predict(_ inputs: [Float], batchSize: Int, threads: Int = 1) -> [Float] {
        precondition(
            batchSize >= 1 && inputs.count == batchSize * configuration.flatInputSize,
            "inputs are not [\(batchSize), \(configuration.windowLength), "
                + "\(configuration.inputSize)]")
        let engine = makeEngine(
            timeSteps: configuration.windowLength, chunkCapacity: batchSize, threads: threads,
            training: false)
        return engine.predict(
            parameters: flatParameters, inputs: inputs, rows: batchSize,
            outputSize: configuration.outputSize)
    }
}

extension WindowMLP: TrainableNetwork {
    var outputSize: Int { configuration.outputSize }
    var stepSize: Int { configuration.inputSize }
    var fixedTimeSteps: Int? { configuration.windowLength }
    var usesDropout: Bool { false }

    func engineFloatCount(
        timeSteps: Int, chunkCapacity: Int, threads: Int, training: Bool
    ) -> Int? {
        WindowMLPEngine.Workspace.floatCount(configuration, capacity: chunkCapacity)
            .flatMap { CheckedSize.product($0, max(threads, 1)) }
    }

    /// The MLP's engine is small and the same for training and prediction.
    func makeEngine(
        timeSteps: Int, chunkCapacity: Int, threads: Int, training: Bool
    ) -> any BatchEngine {
        precondition(timeSteps == configuration.windowLength, "window length mismatch")
        return WindowMLPEngine(
            configuration: configuration, chunkCapacity: chunkCapacity, threads: threads)
    }
}
