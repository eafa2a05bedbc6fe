/// Windows and targets with their shape, as the trainer receives them.
struct TrainingData {
    var inputs: [Float]
    var targets: [Float]
    var sampleCount: Int
    var timeSteps: Int

    func check(stepSize: Int, outputSize: Int, name: String) throws(NeuralError) {
        guard sampleCount >= 1, timeSteps >= 1 else {
            throw .invalidData(
                reason: "\(name) set has \(sampleCount) windows of \(timeSteps) steps; "
                    + "need at least one window of one step")
        }
        let expectedInputs = sampleCount * timeSteps * stepSize
        guard inputs.count == expectedInputs else {
            throw .invalidData(
                reason: "\(name) inputs hold \(inputs.count) values, expected \(expectedInputs) "
                    + "= \(sampleCount) windows x \(timeSteps) steps x \(stepSize) features")
        }
        guard targets.count == sampleCount * outputSize else {
            throw .invalidData(
                reason: "\(name) targets hold \(targets.count) values, expected "
                    + "\(sampleCount * outputSize) = \(sampleCount) windows x \(outputSize) "
                    + "outputs")
        }
    }
}

/// The state of one `Trainer.fit` call: engine, optimiser, shuffle order and batch buffers.
struct TrainingRun {
    let options: TrainingOptions
    let data: TrainingData
    let usesDropout: Bool
    private let engine: any BatchEngine
    private let sampleLength: Int
    private let outputSize: Int
    private var optimizer: Adam
    private var order: [Int]
    private var shuffler: SeededGenerator
    private var batchInputs: [Float]
    private var batchTargets: [Float]
    private var gradient: [Float]

    init<Network: TrainableNetwork>(model: Network, data: TrainingData, options: TrainingOptions) {
        self.options = options
        self.data = data
        usesDropout = model.usesDropout
        let shape = Self.engineShape(options: options, sampleCount: data.sampleCount)
        let batchSize = shape.batchSize
        engine = model.makeEngine(
            timeSteps: data.timeSteps, chunkCapacity: shape.chunk, threads: shape.threads,
            training: true)
        sampleLength = data.timeSteps * model.stepSize
        outputSize = model.outputSize
        optimizer = Adam(
            parameterCount: model.flatParameters.count, learningRate: options.learningRate,
            weightDecay: options.weightDecay)
        order = Array(0..<data.sampleCount)
        shuffler = SeededGenerator(seed: options.seed)
        batchInputs = [Float](repeating: 0, count: batchSize * sampleLength)
        batchTargets = [Float](repeating: 0, count: batchSize * model.outputSize)
        gradient = [Float](repeating: 0, count: model.flatParameters.count)
    }

    /// The engine a run over `sampleCount` windows builds: a batch never has more rows
    /// than there are windows, nor threads than rows; each thread takes `chunk` rows.
    static func engineShape(
        options: TrainingOptions, sampleCount: Int
    ) -> (batchSize: Int, threads: Int, chunk: Int) {
        let batchSize = min(options.batchSize, sampleCount)
        let threads = min(options.threads, batchSize)
        return (batchSize, threads, (batchSize + threads - 1) / threads)
    }

    /// Throws unless the engine for `data` fits in memory, before anything is allocated.
    static func requireMemory<Network: TrainableNetwork>(
        model: Network, data: TrainingData, options: TrainingOptions
    ) throws(NeuralError) {
        let shape = engineShape(options: options, sampleCount: data.sampleCount)
        let engine = model.engineFloatCount(
            timeSteps: data.timeSteps, chunkCapacity: shape.chunk, threads: shape.threads,
            training: true)
        // Beside the engine: the gathered batch, and the gradient, Adam's two moments and
        // the best weights early stopping keeps, each as large as the model.
        let parts = [
            engine, CheckedSize.product(shape.batchSize, data.timeSteps, model.stepSize),
            CheckedSize.product(model.flatParameters.count, 4),
        ]
        try MemoryBudget.require(
            floats: CheckedSize.total(parts),
            for: "training buffers for \(shape.threads) thread(s) of \(shape.chunk) windows x "
                + "\(data.timeSteps) steps")
    }

    /// One pass over the shuffled training windows; returns the mean training loss.
    mutating func trainEpoch<Network: TrainableNetwork>(
        _ epoch: Int, model: inout Network
    ) throws(NeuralError) -> Float {
        order.shuffle(using: &shuffler)
        let batchSize = min(options.batchSize, data.sampleCount)
        var lossSum = 0.0
        var batch = 0
        var start = 0
        while start < data.sampleCount {
            let rows = min(batchSize, data.sampleCount - start)
            batch += 1
            gather(order[start..<(start + rows)])
            let dropout =
                usesDropout
                ? DropoutPlan(seed: options.seed, epoch: epoch, batch: batch, firstPosition: 0)
                : nil
            let loss = computeGradient(model.flatParameters, rows: rows, dropout: dropout)
            guard loss.isFinite else {
                throw .trainingDiverged(.init(quantity: .loss, epoch: epoch, batch: batch))
            }
            let norm = GradientClipping.globalNorm(gradient)
            guard norm.isFinite else {
                throw .trainingDiverged(.init(quantity: .gradient, epoch: epoch, batch: batch))
            }
            if let limit = options.gradientClipNorm {
                GradientClipping.clip(&gradient, norm: norm, limit: limit)
            }
            optimizer.step(&model.flatParameters, gradient: gradient)
            lossSum += loss * Double(rows)
            start += rows
        }
        return Float(lossSum / Double(data.sampleCount))
    }

    /// The mean loss of `model` on `data`, without dropout.
    func meanLoss<Network: TrainableNetwork>(of model: Network, on data: TrainingData) -> Float {
        let predictions = engine.predict(
            parameters: model.flatParameters, inputs: data.inputs, rows: data.sampleCount,
            outputSize: outputSize)
        var total = 0.0
        for (prediction, target) in zip(predictions, data.targets) {
            total += options.loss.value(error: prediction - target)
        }
        return Float(total / Double(predictions.count))
    }

    private mutating func gather(_ samples: ArraySlice<Int>) {
        let sampleLength = sampleLength
        let outputSize = outputSize
        for (row, sample) in samples.enumerated() {
            batchInputs.replaceSubrange(
                (row * sampleLength)..<((row + 1) * sampleLength),
                with: data.inputs[(sample * sampleLength)..<((sample + 1) * sampleLength)])
            batchTargets.replaceSubrange(
                (row * outputSize)..<((row + 1) * outputSize),
                with: data.targets[(sample * outputSize)..<((sample + 1) * outputSize)])
        }
    }

    private mutating func computeGradient(
        _ parameters: [Float], rows: Int, dropout: DropoutPlan?
    ) -> Double {
        let engine = engine
        let loss = options.loss
        return parameters.withUnsafeBufferPointer { parameterBuffer in
            batchInputs.withUnsafeBufferPointer { inputBuffer in
                batchTargets.withUnsafeBufferPointer { targetBuffer in
                    gradient.withUnsafeMutableBufferPointer { gradientBuffer in
                        engine.lossAndGradient(
                            parameters: parameterBuffer.baseAddress!,
                            inputs: inputBuffer.baseAddress!,
                            targets: targetBuffer.baseAddress!, rows: rows, loss: loss,
                            dropout: dropout, gradient: gradientBuffer.baseAddress!)
                    }
                }
            }
        }
    }

}

/// Gradient clipping by global norm, as `torch.nn.utils.clip_grad_norm_`.
enum GradientClipping {
    /// The L2 norm over all components, in `Double`; NaN or infinity if any component is.
    ///
    /// Four running sums, each over every fourth component, then added in a fixed order:
    /// one sum's chain of dependent additions would take four times as long.
    static func globalNorm(_ gradient: [Float]) -> Double {
        gradient.withUnsafeBufferPointer { buffer in
            var sums = SIMD4<Double>.zero
            var index = 0
            while index + 4 <= buffer.count {
                let values = SIMD4<Double>(
                    Double(buffer[index]), Double(buffer[index + 1]), Double(buffer[index + 2]),
                    Double(buffer[index + 3]))
                sums += values * values
                index += 4
            }
            var sum = (sums[0] + sums[1]) + (sums[2] + sums[3])
            while index < buffer.count {
                sum += Double(buffer[index]) * Double(buffer[index])
                index += 1
            }
            return sum.squareRoot()
        }
    }

    /// Scales by `limit / (norm + 1e-6)` when that factor is below 1.
    static func clip(_ gradient: inout [Float], norm: Double, limit: Float) {
        let factor = Float(Double(limit) / (norm + 1e-6))
        guard factor < 1 else { return }
        for index in gradient.indices {
            gradient[index] *= factor
        }
    }
}
