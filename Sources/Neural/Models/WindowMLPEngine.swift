/// Batch loss, gradient and prediction for `WindowMLP`, split across threads like
/// `RecurrentEngine` and reduced in thread order.
final class WindowMLPEngine: BatchEngine {
    /// Scratch of one thread; never shared while a call runs.
    final class Workspace: @unchecked Sendable {
        let capacity: Int
        var hidden: [Float]
        var predictions: [Float]
        var predictionGradient: [Float]
        var hiddenGradient: [Float]
        var gradient: [Float]
        var loss = 0.0

        init(_ configuration: WindowMLP.Configuration, capacity: Int) {
            self.capacity = capacity
            hidden = [Float](repeating: 0, count: capacity * configuration.hiddenSize)
            predictions = [Float](repeating: 0, count: capacity * configuration.outputSize)
            predictionGradient = predictions
            hiddenGradient = hidden
            gradient = [Float](repeating: 0, count: configuration.parameterCount)
        }

        /// The floats `init` allocates, or nil when the count exceeds `Int.max`.
        static func floatCount(_ configuration: WindowMLP.Configuration, capacity: Int) -> Int? {
            let hidden = CheckedSize.product(capacity, configuration.hiddenSize)
            let outputs = CheckedSize.product(capacity, configuration.outputSize)
            return CheckedSize.total([
                hidden, outputs, outputs, hidden, configuration.parameterCount,
            ])
        }
    }

    let configuration: WindowMLP.Configuration
    private let workspaces: [Workspace]

    init(configuration: WindowMLP.Configuration, chunkCapacity: Int, threads: Int) {
        self.configuration = configuration
        workspaces = (0..<max(threads, 1)).map { _ in
            Workspace(configuration, capacity: chunkCapacity)
        }
    }

    func lossAndGradient(
        parameters: UnsafePointer<Float>, inputs: UnsafePointer<Float>,
        targets: UnsafePointer<Float>, rows: Int, loss: Loss, dropout: DropoutPlan?,
        gradient: UnsafeMutablePointer<Float>
    ) -> Double {
        let chunks = ChunkedBatch(rows: rows, threads: workspaces.count)
        let scale = 1 / Float(rows * configuration.outputSize)
        let workspaces = workspaces
        chunks.run { index, range in
            let workspace = workspaces[index]
            let chunkInputs = inputs + range.lowerBound * configuration.flatInputSize
            forward(workspace, parameters: parameters, inputs: chunkInputs, rows: range.count)
            let chunkTargets = targets + range.lowerBound * configuration.outputSize
            workspace.loss = workspace.predictions.withUnsafeBufferPointer { predictions in
                workspace.predictionGradient.withUnsafeMutableBufferPointer { gradient in
                    Loss.evaluate(
                        loss, predictions: predictions.baseAddress!, targets: chunkTargets,
                        count: range.count * configuration.outputSize, scale: scale,
                        gradient: gradient.baseAddress!)
                }
            }
            backward(workspace, parameters: parameters, inputs: chunkInputs, rows: range.count)
        }

        var total = 0.0
        for index in 0..<chunks.chunkCount {
            let partial = workspaces[index].gradient
            for element in partial.indices {
                gradient[element] =
                    index == 0 ? partial[element] : gradient[element] + partial[element]
            }
            total += workspaces[index].loss
        }
        return total / Double(rows * configuration.outputSize)
    }

    func predict(
        parameters: UnsafePointer<Float>, inputs: UnsafePointer<Float>, rows: Int,
        into outputs: UnsafeMutablePointer<Float>
    ) {
        let chunks = ChunkedBatch(rows: rows, threads: workspaces.count)
        let workspaces = workspaces
        let outputSize = configuration.outputSize
        chunks.run { index, range in
            let workspace = workspaces[index]
            var start = range.lowerBound
            while start < range.upperBound {
                let count = min(workspace.capacity, range.upperBound - start)
                forward(
                    workspace, parameters: parameters,
                    inputs: inputs + start * configuration.flatInputSize, rows: count)
                workspace.predictions.withUnsafeBufferPointer {
                    (outputs + start * outputSize).update(
                        from: $0.baseAddress!, count: count * outputSize)
                }
                start += count
            }
        }
    }

    private func forward(
        _ workspace: Workspace, parameters: UnsafePointer<Float>, inputs: UnsafePointer<Float>,
        rows: Int
    ) {
        let shape = configuration
        workspace.hidden.withUnsafeMutableBufferPointer { hidden in
            Dense.forward(
                rows: rows, inputs: shape.flatInputSize, outputs: shape.hiddenSize, x: inputs,
                weight: parameters, bias: parameters + shape.hiddenBiasOffset,
                into: hidden.baseAddress!)
            Activation.relu(hidden.baseAddress!, count: rows * shape.hiddenSize)
            workspace.predictions.withUnsafeMutableBufferPointer { predictions in
                Dense.forward(
                    rows: rows, inputs: shape.hiddenSize, outputs: shape.outputSize,
                    x: hidden.baseAddress!, weight: parameters + shape.headWeightOffset,
                    bias: parameters + shape.headBiasOffset, into: predictions.baseAddress!)
            }
        }
    }

    private func backward(
        _ workspace: Workspace, parameters: UnsafePointer<Float>, inputs: UnsafePointer<Float>,
        rows: Int
    ) {
        let shape = configuration
        let hiddenCount = rows * shape.hiddenSize
        workspace.gradient.withUnsafeMutableBufferPointer { gradientBuffer in
            let gradient = gradientBuffer.baseAddress!
            gradient.update(repeating: 0, count: shape.parameterCount)
            workspace.hidden.withUnsafeBufferPointer { hidden in
                workspace.hiddenGradient.withUnsafeMutableBufferPointer { hiddenGradient in
                    workspace.predictionGradient.withUnsafeBufferPointer { predictionGradient in
                        Dense.backward(
                            rows: rows, inputs: shape.hiddenSize, outputs: shape.outputSize,
                            x: hidden.baseAddress!, weight: parameters + shape.headWeightOffset,
                            outputGradient: predictionGradient.baseAddress!,
                            weightGradient: gradient + shape.headWeightOffset,
                            biasGradient: gradient + shape.headBiasOffset,
                            inputGradient: hiddenGradient.baseAddress!)
                    }
                    // ReLU passes the gradient only where the unit was active.
                    for index in 0..<hiddenCount where hidden[index] <= 0 {
                        hiddenGradient[index] = 0
                    }
                    Dense.backward(
                        rows: rows, inputs: shape.flatInputSize, outputs: shape.hiddenSize,
                        x: inputs, weight: parameters,
                        outputGradient: hiddenGradient.baseAddress!, weightGradient: gradient,
                        biasGradient: gradient + shape.hiddenBiasOffset, inputGradient: nil)
                }
            }
        }
    }
}
