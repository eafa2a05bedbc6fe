/// Which dropout masks a training chunk uses.
///
/// A mask depends on the seed, epoch, batch and the sample's position in the batch only, so
/// it is the same however the batch is split across threads.
struct DropoutPlan {
    var seed: UInt64
    var epoch: Int
    var batch: Int
    /// Position in the mini-batch of the chunk's first row.
    var firstPosition: Int
}

extension RecurrentWorkspace {
    /// Runs `rows` windows through the stack and the head, leaving `predictions` filled and,
    /// when asked, every tensor the backward pass needs cached.
    ///
    /// - Parameters:
    ///   - parameters: the model's flat parameters.
    ///   - inputs: `[rows, time, inputSize]`, batch-major as callers hold data.
    ///   - dropout: masks to apply between layers, or nil outside training.
    ///   - cachesForBackward: false for inference, which then skips writing the activated
    ///     gates and per-step cell states and projects the inputs step by step; the
    ///     predictions agree with the caching pass to float rounding.
    func forward(
        parameters: UnsafePointer<Float>, inputs: UnsafePointer<Float>, rows: Int,
        dropout: DropoutPlan?, cachesForBackward: Bool = true
    ) {
        precondition(rows >= 1 && rows <= capacity, "chunk of \(rows) rows exceeds workspace")
        precondition(training || !cachesForBackward, "an inference workspace cannot cache")
        transposeToTimeMajor(inputs, rows: rows)

        var layerInput = UnsafePointer(sequenceInput)
        for index in 0..<configuration.layers {
            let pass = makePass(
                index, parameters: parameters, input: layerInput, rows: rows,
                cachesForBackward: cachesForBackward)
            pass.prepareWeights(cell: configuration.cell)
            switch configuration.cell {
            case .lstm: LSTMKernel.forward(pass)
            case .gru: GRUKernel.forward(pass)
            case .rnn: ElmanKernel.forward(pass, nonlinearity: configuration.nonlinearity)
            }
            layerInput = UnsafePointer(layers[index].outputs)
            if let dropout, configuration.dropout > 0, index + 1 < configuration.layers {
                applyDropout(layer: index, plan: dropout, rows: rows)
                layerInput = UnsafePointer(layers[index].dropped)
            }
        }

        poolOverTime(rows: rows)
        let hidden = configuration.hiddenSize
        Dense.forward(
            rows: rows, inputs: hidden, outputs: configuration.outputSize,
            x: headInput(rows: rows), weight: parameters + layout.headWeight,
            bias: parameters + layout.headBias, into: predictions)
    }

    /// Back-propagates `predictionGradient` (d loss / d predictions, `[rows, outputSize]`)
    /// from the last `forward` call and adds the parameter gradient into `gradient`.
    func backward(parameters: UnsafePointer<Float>, rows: Int, usedDropout: Bool) {
        let hidden = configuration.hiddenSize
        let top = configuration.layers - 1
        Dense.backward(
            rows: rows, inputs: hidden, outputs: configuration.outputSize,
            x: headInput(rows: rows), weight: parameters + layout.headWeight,
            outputGradient: predictionGradient,
            weightGradient: gradient + layout.headWeight,
            biasGradient: gradient + layout.headBias, inputGradient: featureGradient)
        scatterHeadGradient(rows: rows)

        // Each layer reads d loss / d outputs from one buffer and writes d loss / d input
        // into the other, which becomes the next layer's `fromAbove`.
        var fromAbove = outputGradient
        var toBelow = inputGradient
        for index in stride(from: top, through: 0, by: -1) {
            let input =
                index == 0
                ? UnsafePointer(sequenceInput)
                : UnsafePointer(
                    usedDropout ? layers[index - 1].dropped : layers[index - 1].outputs)
            let pass = makePass(
                index, parameters: parameters, input: input, rows: rows, cachesForBackward: true)
            let offsets = layout.layers[index]
            let gradients = LayerGradients(
                outputs: fromAbove, gates: gateGradient,
                hiddenGates: configuration.cell == .gru ? hiddenGateGradient : gateGradient,
                input: index == 0 ? nil : toBelow,
                recurrent: recurrentGradient, cell: cellGradient,
                transposedWeightGradient: transposedWeightGradient, ones: UnsafePointer(ones),
                inputWeights: gradient + offsets.inputWeights,
                hiddenWeights: gradient + offsets.hiddenWeights,
                inputBias: gradient + offsets.inputBias,
                hiddenBias: gradient + offsets.hiddenBias)
            switch configuration.cell {
            case .lstm: LSTMKernel.backward(pass, gradients)
            case .gru: GRUKernel.backward(pass, gradients)
            case .rnn:
                ElmanKernel.backward(pass, gradients, nonlinearity: configuration.nonlinearity)
            }

            // The layer below receives d loss / d input, through its dropout mask if any.
            if index > 0 {
                if usedDropout {
                    let mask = layers[index - 1].mask
                    for element in 0..<(timeSteps * rows * hidden) {
                        toBelow[element] *= mask[element]
                    }
                }
                swap(&fromAbove, &toBelow)
            }
        }
    }

    private func makePass(
        _ index: Int, parameters: UnsafePointer<Float>, input: UnsafePointer<Float>, rows: Int,
        cachesForBackward: Bool
    ) -> LayerPass {
        let offsets = layout.layers[index]
        return LayerPass(
            rows: rows, timeSteps: timeSteps, inputSize: offsets.inputSize,
            hidden: configuration.hiddenSize, gateCount: configuration.cell.gateCount,
            cachesForBackward: cachesForBackward,
            input: input, storage: layers[index], stepScratch: stepScratch,
            zeros: UnsafePointer(zeros),
            inputWeights: parameters + offsets.inputWeights,
            hiddenWeights: parameters + offsets.hiddenWeights,
            inputBias: parameters + offsets.inputBias,
            hiddenBias: parameters + offsets.hiddenBias)
    }

    /// `[rows, time, features]` to `[time, rows, features]`.
    private func transposeToTimeMajor(_ inputs: UnsafePointer<Float>, rows: Int) {
        let features = configuration.inputSize
        for row in 0..<rows {
            for t in 0..<timeSteps {
                (sequenceInput + (t * rows + row) * features)
                    .update(from: inputs + (row * timeSteps + t) * features, count: features)
            }
        }
    }

    /// The head's input `[rows, H]`: the last step's outputs, or their max over time.
    private func headInput(rows: Int) -> UnsafePointer<Float> {
        let hidden = configuration.hiddenSize
        let outputs = layers[configuration.layers - 1].outputs
        switch configuration.head {
        case .last:
            return UnsafePointer(outputs + (timeSteps - 1) * rows * hidden)
        case .maxpool:
            return UnsafePointer(pooled)
        }
    }

    /// Computes the max-pool head's input and remembers which step won; the first step wins
    /// ties, and the gradient goes to that step only, as `Tensor.max(dim:)` routes it.
    private func poolOverTime(rows: Int) {
        guard configuration.head == .maxpool else { return }
        let hidden = configuration.hiddenSize
        let outputs = layers[configuration.layers - 1].outputs
        let count = rows * hidden
        pooled.update(from: outputs, count: count)
        poolIndex.update(repeating: 0, count: count)
        for t in 1..<max(timeSteps, 1) {
            let step = outputs + t * count
            for index in 0..<count where step[index] > pooled[index] || step[index].isNaN {
                pooled[index] = step[index]
                poolIndex[index] = Int32(t)
            }
        }
    }

    /// Routes d loss / d head input into `outputGradient` for the top layer.
    private func scatterHeadGradient(rows: Int) {
        let hidden = configuration.hiddenSize
        let count = rows * hidden
        outputGradient.update(repeating: 0, count: timeSteps * count)
        switch configuration.head {
        case .last:
            (outputGradient + (timeSteps - 1) * count).update(from: featureGradient, count: count)
        case .maxpool:
            for index in 0..<count {
                outputGradient[Int(poolIndex[index]) * count + index] = featureGradient[index]
            }
        }
    }

    private func applyDropout(layer: Int, plan: DropoutPlan, rows: Int) {
        let hidden = configuration.hiddenSize
        let probability = configuration.dropout
        let keptScale = 1 / (1 - probability)
        let storage = layers[layer]
        for row in 0..<rows {
            var generator = SeededGenerator(
                seed: plan.seed,
                stream: [
                    UInt64(plan.epoch), UInt64(plan.batch),
                    UInt64(plan.firstPosition + row), UInt64(layer),
                ])
            for t in 0..<timeSteps {
                let offset = (t * rows + row) * hidden
                for unit in 0..<hidden {
                    let keep = generator.nextUnitFloat() >= probability
                    storage.mask[offset + unit] = keep ? keptScale : 0
                }
            }
        }
        let count = timeSteps * rows * hidden
        for index in 0..<count {
            storage.dropped[index] = storage.outputs[index] * storage.mask[index]
        }
    }
}
