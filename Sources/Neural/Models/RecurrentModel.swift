/// A stacked RNN, LSTM or GRU with a linear head: the forecaster the Forecasting module trains.
///
/// Parameters live in one flat `[Float]` in PyTorch's `state_dict` order (see
/// `ParameterLayout`), so models compare bit for bit with `==` on `flatParameters` and save
/// to safetensors without reshuffling. Shapes: inputs `[batch, time, inputSize]`, outputs
/// `[batch, outputSize]`, both row-major.
public struct RecurrentModel: Sendable {
    public let configuration: RecurrentConfiguration
    let layout: ParameterLayout

    /// All weights and biases, `parameterCount` values in `state_dict` order.
    public var flatParameters: [Float] {
        didSet {
            precondition(
                flatParameters.count == layout.totalCount,
                "model expects \(layout.totalCount) parameters, got \(flatParameters.count)")
        }
    }

    /// Windows a prediction call hands to one thread at a time; bounds scratch memory.
    static let predictionBlockRows = 64

    /// Rows per block when predicting `batchSize` windows.
    static func predictionRows(batchSize: Int) -> Int {
        min(predictionBlockRows, max(batchSize, 1))
    }

    /// A model with PyTorch's default initialisation, drawn from a seeded generator.
    ///
    /// Every recurrent weight and bias is uniform in `±1/sqrt(hidden)` as in `nn.LSTM`; the
    /// head follows `nn.Linear` (Kaiming-uniform with `a = sqrt(5)`), which for its fan-in of
    /// `hidden` is the same interval. The generator is not PyTorch's, so the values differ
    /// from a PyTorch model with the same seed; the distribution is the same.
    ///
    /// - Precondition: `configuration.validate()` passes.
    public init(configuration: RecurrentConfiguration, seed: UInt64) {
        precondition(configuration.isValid, "invalid configuration \(configuration)")
        self.configuration = configuration
        layout = ParameterLayout(configuration)
        let bound = 1 / Float(configuration.hiddenSize).squareRoot()
        var generator = SeededGenerator(seed: seed)
        flatParameters = (0..<layout.totalCount).map { _ in
            generator.nextFloat(in: -bound, bound)
        }
    }

    /// A model with the given parameters in `state_dict` order.
    init(configuration: RecurrentConfiguration, parameters: [Float]) {
        precondition(configuration.isValid, "invalid configuration \(configuration)")
        self.configuration = configuration
        layout = ParameterLayout(configuration)
        precondition(parameters.count == layout.totalCount, "wrong parameter count")
        flatParameters = parameters
    }

    /// Number of trainable scalars, as `sum(p.numel() for p in model.parameters())`.
    public var parameterCount: Int { layout.totalCount }

    /// The PyTorch names and shapes of the model's tensors, in `state_dict` order.
    public var tensorShapes: [(name: String, shape: [Int])] {
        layout.tensors.map { ($0.name, $0.shape) }
    }

    /// The values of one named tensor, such as `rnn.weight_hh_l1`, or nil if there is none.
    public func tensor(named name: String) -> [Float]? {
        guard let tensor = layout.tensors.first(where: { $0.name == name }) else { return nil }
        return Array(flatParameters[tensor.offset..<(tensor.offset + tensor.count)])
    }

    /// Throws unless `predict` on `batchSize` windows of `timeSteps` steps fits in this
    /// machine's memory; `predict` itself treats its sizes as a programmer's and traps.
    ///
    /// - Throws: `NeuralError.exceedsMemory` naming the window length and rows per thread.
    public func requireMemoryToPredict(
        timeSteps: Int, batchSize: Int, threads: Int = 1
    ) throws(NeuralError) {
        let rows = Self.predictionRows(batchSize: batchSize)
        try MemoryBudget.require(
            floats: engineFloatCount(
                timeSteps: timeSteps, chunkCapacity: rows, threads: threads, training: false),
            for: "prediction buffers for \(threads) thread(s) of \(rows) windows x "
                + "\(timeSteps) steps")
    }

    /// Forecasts for a batch of windows, in evaluation mode (no dropout).
    ///
    /// The result depends only on the inputs, the parameters and `threads`, so two calls with
    /// the same arguments agree bit for bit.
    ///
    /// - Parameters:
    ///   - inputs: `[batchSize, time, inputSize]`, row-major; `time` is inferred.
    ///   - batchSize: number of windows in `inputs`.
    ///   - threads: worker threads, each taking a contiguous share of the windows.
    /// - Returns: `[batchSize, outputSize]`, row-major.
    public func predict(_ inputs: [Float], batchSize: Int, threads: Int = 1) -> [Float] {
        precondition(batchSize >= 1, "predict needs at least one window")
        let stepsTimesFeatures = inputs.count / batchSize
        precondition(
            inputs.count == batchSize * stepsTimesFeatures
                && stepsTimesFeatures % configuration.inputSize == 0
                && stepsTimesFeatures > 0,
            "inputs of \(inputs.count) values are not [\(batchSize), time, "
                + "\(configuration.inputSize)]")
        let timeSteps = stepsTimesFeatures / configuration.inputSize
        let engine = makeEngine(
            timeSteps: timeSteps, chunkCapacity: Self.predictionRows(batchSize: batchSize),
            threads: threads, training: false)
        return engine.predict(
            parameters: flatParameters, inputs: inputs, rows: batchSize,
            outputSize: configuration.outputSize)
    }
}

extension RecurrentModel: TrainableNetwork {
    var outputSize: Int { configuration.outputSize }
    var stepSize: Int { configuration.inputSize }
    var fixedTimeSteps: Int? { nil }
    var usesDropout: Bool { configuration.dropout > 0 && configuration.layers > 1 }

    func engineFloatCount(
        timeSteps: Int, chunkCapacity: Int, threads: Int, training: Bool
    ) -> Int? {
        RecurrentWorkspace.floatCount(
            configuration, timeSteps: timeSteps, capacity: chunkCapacity, training: training
        ).flatMap { CheckedSize.product($0, max(threads, 1)) }
    }

    func makeEngine(
        timeSteps: Int, chunkCapacity: Int, threads: Int, training: Bool
    ) -> any BatchEngine {
        RecurrentEngine(
            configuration: configuration, timeSteps: timeSteps, chunkCapacity: chunkCapacity,
            threads: threads, training: training)
    }
}
