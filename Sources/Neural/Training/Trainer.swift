/// Fits models by mini-batch back-propagation through time with Adam.
public enum Trainer {
    /// Trains `model` in place on windows and their targets.
    ///
    /// Each epoch shuffles the windows with a generator seeded from `options.seed`, then takes
    /// one Adam step per mini-batch on the mean loss. With validation data the validation loss
    /// is reported each epoch; with `earlyStoppingPatience` training stops once the loss has
    /// not improved for that many epochs and the best weights are put back. The same seed
    /// and thread count give bit-identical weights.
    ///
    /// - Parameters:
    ///   - model: the model to train; left at the final (or best) weights.
    ///   - inputs: `[sampleCount, timeSteps, inputSize]`, row-major.
    ///   - targets: `[sampleCount, outputSize]`.
    ///   - validation: windows used only to measure, shaped like `inputs` and `targets`.
    ///   - progress: called after every epoch, on the calling thread.
    /// - Returns: one report per epoch run.
    /// - Throws: `NeuralError.invalidValue` for bad options, `.invalidData` for data of the
    ///   wrong length, `.exceedsMemory` when the model, window and batch ask for more
    ///   buffers than the machine has memory, and `.trainingDiverged` naming the epoch and
    ///   batch where the loss or the gradient stopped being finite (the model then keeps its
    ///   last finite weights).
    @discardableResult
    public static func fit(
        _ model: inout RecurrentModel,
        inputs: [Float],
        targets: [Float],
        sampleCount: Int,
        timeSteps: Int,
        validation: (inputs: [Float], targets: [Float], sampleCount: Int)? = nil,
        options: TrainingOptions,
        progress: (EpochReport) -> Void = { _ in }
    ) throws(NeuralError) -> [EpochReport] {
        let data = TrainingData(
            inputs: inputs, targets: targets, sampleCount: sampleCount, timeSteps: timeSteps)
        return try fitNetwork(
            &model, data: data, validation: validation, options: options, progress: progress)
    }

    /// Trains a sliding-window MLP baseline; see the recurrent overload for the contract.
    @discardableResult
    public static func fit(
        _ model: inout WindowMLP,
        inputs: [Float],
        targets: [Float],
        sampleCount: Int,
        validation: (inputs: [Float], targets: [Float], sampleCount: Int)? = nil,
        options: TrainingOptions,
        progress: (EpochReport) -> Void = { _ in }
    ) throws(NeuralError) -> [EpochReport] {
        let data = TrainingData(
            inputs: inputs, targets: targets, sampleCount: sampleCount,
            timeSteps: model.configuration.windowLength)
        return try fitNetwork(
            &model, data: data, validation: validation, options: options, progress: progress)
    }

    static func fitNetwork<Network: TrainableNetwork>(
        _ model: inout Network,
        data: TrainingData,
        validation: (inputs: [Float], targets: [Float], sampleCount: Int)?,
        options: TrainingOptions,
        progress: (EpochReport) -> Void
    ) throws(NeuralError) -> [EpochReport] {
        try options.validate()
        try data.check(stepSize: model.stepSize, outputSize: model.outputSize, name: "training")
        let validationData = validation.map {
            TrainingData(
                inputs: $0.inputs, targets: $0.targets, sampleCount: $0.sampleCount,
                timeSteps: data.timeSteps)
        }
        try validationData?.check(
            stepSize: model.stepSize, outputSize: model.outputSize, name: "validation")

        try TrainingRun.requireMemory(model: model, data: data, options: options)

        var run = TrainingRun(model: model, data: data, options: options)
        var reports: [EpochReport] = []
        var best: (loss: Float, parameters: [Float], epoch: Int)?

        for epoch in 1...options.epochs {
            let trainingLoss = try run.trainEpoch(epoch, model: &model)
            let validationLoss = validationData.map { run.meanLoss(of: model, on: $0) }
            let report = EpochReport(
                epoch: epoch, trainingLoss: trainingLoss, validationLoss: validationLoss)
            reports.append(report)
            progress(report)

            guard let patience = options.earlyStoppingPatience, let validationLoss else {
                continue
            }
            // A NaN validation loss never counts as an improvement.
            if best == nil || validationLoss < best!.loss {
                best = (validationLoss, model.flatParameters, epoch)
            } else if epoch - best!.epoch >= patience {
                break
            }
        }
        if let best {
            model.flatParameters = best.parameters
        }
        return reports
    }
}
