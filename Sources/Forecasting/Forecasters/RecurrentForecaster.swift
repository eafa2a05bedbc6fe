import Foundation
import Neural

/// A recurrent network (RNN, LSTM or GRU) or the sliding-window MLP, trained per fold.
///
/// The network learns the target's excess over the naive forecast, standardised with the
/// mean and deviation of the training labels only (leakage rule 3 applies to targets too);
/// a forecast is the naive value plus the de-standardised output. With several horizons
/// one network has one output per horizon, trained on all of them jointly, and each output
/// has its own mean and deviation, so a 20-day return's larger spread does not swamp the
/// 1-day return in the loss.
public struct RecurrentForecaster: Forecaster {
    public let settings: ModelSettings
    private var recurrent: RecurrentModel?
    private var windowMLP: WindowMLP?
    /// One per horizon, in the order of the samples' targets.
    private var targetMeans: [Double] = [0]
    private var targetScales: [Double] = [1]

    public init(settings: ModelSettings) {
        precondition(settings.kind.isNeural, "RecurrentForecaster needs a neural model kind")
        self.settings = settings
    }

    public var fittedParameters: [Double] {
        let weights = recurrent?.flatParameters ?? windowMLP?.flatParameters ?? []
        return weights.map(Double.init) + targetMeans + targetScales
    }

    public mutating func fit(training: SampleSet, validation: SampleSet?, context: FitContext)
        throws
    {
        guard !training.isEmpty else { throw ForecastingError.emptyTrainingSet(fold: context.fold) }
        fitTargetScaling(training)
        let targets = scaledTargets(training)
        let held = validation.map {
            (inputs: $0.inputs, targets: scaledTargets($0), sampleCount: $0.count)
        }
        let options = trainingOptions(context)
        let epochs = settings.epochs
        let report: (EpochReport) -> Void = { epoch in
            context.progress(
                .epoch(
                    fold: context.fold, epoch: epoch.epoch, of: epochs,
                    trainingLoss: Double(epoch.trainingLoss),
                    validationLoss: epoch.validationLoss.map(Double.init)))
        }
        do {
            if settings.kind == .mlp {
                var model = WindowMLP(
                    configuration: .init(
                        windowLength: training.windowLength, inputSize: training.featureCount,
                        hiddenSize: settings.hiddenSize, outputSize: training.horizonCount),
                    seed: context.seed)
                try Trainer.fit(
                    &model, inputs: training.inputs, targets: targets, sampleCount: training.count,
                    validation: held, options: options, progress: report)
                windowMLP = model
            } else {
                var model = RecurrentModel(
                    configuration: configuration(training), seed: context.seed)
                // The test span is predicted after training; refuse now what cannot fit then.
                try model.requireMemoryToPredict(
                    timeSteps: training.windowLength, batchSize: .max)
                try Trainer.fit(
                    &model, inputs: training.inputs, targets: targets, sampleCount: training.count,
                    timeSteps: training.windowLength, validation: held, options: options,
                    progress: report)
                recurrent = model
            }
        } catch {
            if case .exceedsMemory = error {
                throw ForecastingError.modelTooLarge(fold: context.fold, detail: "\(error)")
            }
            throw ForecastingError.trainingDiverged(
                fold: context.fold, detail: "\(error.inFold(context.fold))")
        }
    }

    public var parameterCount: Int {
        recurrent?.parameterCount ?? windowMLP?.parameterCount ?? 0
    }

    /// Weights of the lecture's feed-forward baseline, an MLP over the flattened window with
    /// the same hidden size, for the report to show beside the recurrent network's.
    public static func windowMLPParameterCount(
        windowLength: Int, featureCount: Int, hiddenSize: Int
    ) -> Int {
        let configuration = WindowMLP.Configuration(
            windowLength: windowLength, inputSize: featureCount, hiddenSize: hiddenSize)
        return WindowMLP(configuration: configuration, seed: 0).parameterCount
    }

    public func predict(_ samples: SampleSet) -> [Double] {
        guard !samples.isEmpty else { return [] }
        let outputs: [Float]
        if let recurrent {
            outputs = recurrent.predict(samples.inputs, batchSize: samples.count, threads: 1)
        } else if let windowMLP {
            outputs = windowMLP.predict(samples.inputs, batchSize: samples.count, threads: 1)
        } else {
            preconditionFailure("predict called before fit")
        }
        let horizonCount = targetMeans.count
        precondition(outputs.count == samples.count * horizonCount, "one output per horizon")
        return outputs.indices.map { index in
            let horizon = index % horizonCount
            return samples.naive[index / horizonCount] + targetMeans[horizon]
                + targetScales[horizon] * Double(outputs[index])
        }
    }

    /// Writes the recurrent network with its target standardisation.
    ///
    /// One output keeps the plain numbers `target_mean` and `target_std`; several outputs
    /// write them as JSON arrays, one value per output.
    public func save(to url: URL, metadata: [String: String]) throws -> Bool {
        guard let recurrent else { return false }
        var extra = metadata
        if targetMeans.count == 1 {
            extra["target_mean"] = "\(targetMeans[0])"
            extra["target_std"] = "\(targetScales[0])"
            extra["target_encoding"] = "naive + target_mean + target_std * output"
        } else {
            extra["target_mean"] = "[" + targetMeans.map { "\($0)" }.joined(separator: ",") + "]"
            extra["target_std"] = "[" + targetScales.map { "\($0)" }.joined(separator: ",") + "]"
            extra["target_encoding"] = "naive + target_mean[k] + target_std[k] * output[k]"
        }
        try Safetensors.write(recurrent, extraMetadata: extra, to: url)
        return true
    }

    func configuration(_ training: SampleSet) -> RecurrentConfiguration {
        let cell: RecurrentCell
        switch settings.kind {
        case .rnn: cell = .rnn
        case .gru: cell = .gru
        default: cell = .lstm
        }
        return RecurrentConfiguration(
            cell: cell, layers: settings.layers, hiddenSize: settings.hiddenSize,
            inputSize: training.featureCount, outputSize: training.horizonCount,
            head: settings.head == .maxpool ? .maxpool : .last, dropout: Float(settings.dropout))
    }

    private func trainingOptions(_ context: FitContext) -> TrainingOptions {
        let loss: Loss
        switch settings.loss {
        case .mse: loss = .mse
        case .mae: loss = .mae
        case .huber: loss = .huber(delta: 1)
        }
        return TrainingOptions(
            epochs: settings.epochs, batchSize: settings.batchSize,
            learningRate: Float(settings.learningRate), weightDecay: Float(settings.weightDecay),
            gradientClipNorm: settings.clipNorm.map(Float.init), loss: loss, seed: context.seed,
            threads: context.threads, earlyStoppingPatience: settings.patience)
    }

    /// Each horizon's excess over the naive forecast gets its own mean and deviation, from
    /// the training labels only.
    private mutating func fitTargetScaling(_ training: SampleSet) {
        targetMeans = []
        targetScales = []
        for horizon in 0..<training.horizonCount {
            let excess = zip(training.targets(horizonIndex: horizon), training.naive).map {
                $0 - $1
            }
            let mean = excess.reduce(0, +) / Double(excess.count)
            let variance =
                excess.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(excess.count)
            targetMeans.append(mean)
            targetScales.append(variance > 0 ? variance.squareRoot() : 1)
        }
    }

    /// `[count, horizons]`, row-major, as the network's outputs are laid out.
    private func scaledTargets(_ samples: SampleSet) -> [Float] {
        let horizonCount = targetMeans.count
        return samples.targets.indices.map { index in
            let horizon = index % horizonCount
            let excess = samples.targets[index] - samples.naive[index / horizonCount]
            return Float((excess - targetMeans[horizon]) / targetScales[horizon])
        }
    }
}
