/// Runs a recurrent model over mini-batches on several threads.
///
/// Each thread owns a `RecurrentWorkspace`, including its own gradient accumulator; the
/// accumulators are added together in thread order afterwards, so the sum is the same on
/// every run with the same thread count.
final class RecurrentEngine: BatchEngine {
    let configuration: RecurrentConfiguration
    let timeSteps: Int
    private let workspaces: [RecurrentWorkspace]
    private let chunkLosses: UnsafeMutableBufferPointer<Double>

    /// - Parameter training: false for an engine that only predicts, whose workspaces keep
    ///   no backward-pass caches (see `RecurrentWorkspace.init`).
    init(
        configuration: RecurrentConfiguration, timeSteps: Int, chunkCapacity: Int, threads: Int,
        training: Bool
    ) {
        self.configuration = configuration
        self.timeSteps = timeSteps
        workspaces = (0..<max(threads, 1)).map { _ in
            RecurrentWorkspace(
                configuration: configuration, timeSteps: timeSteps, capacity: chunkCapacity,
                training: training)
        }
        chunkLosses = .allocate(capacity: workspaces.count)
        chunkLosses.initialize(repeating: 0)
    }

    deinit {
        chunkLosses.deallocate()
    }

    func lossAndGradient(
        parameters: UnsafePointer<Float>, inputs: UnsafePointer<Float>,
        targets: UnsafePointer<Float>, rows: Int, loss: Loss, dropout: DropoutPlan?,
        gradient: UnsafeMutablePointer<Float>
    ) -> Double {
        precondition(workspaces[0].training, "an inference engine has no gradients")
        let chunks = ChunkedBatch(rows: rows, threads: workspaces.count)
        let sampleLength = timeSteps * configuration.inputSize
        let outputs = configuration.outputSize
        let scale = 1 / Float(rows * outputs)
        let parameterCount = workspaces[0].layout.totalCount
        let useDropout = dropout != nil && configuration.dropout > 0 && configuration.layers > 1
        let workspaces = workspaces
        let chunkLosses = chunkLosses

        chunks.run { index, range in
            let workspace = workspaces[index]
            precondition(range.count <= workspace.capacity, "batch larger than the engine")
            workspace.gradient.update(repeating: 0, count: parameterCount)
            var plan = dropout
            plan?.firstPosition = range.lowerBound
            workspace.forward(
                parameters: parameters, inputs: inputs + range.lowerBound * sampleLength,
                rows: range.count, dropout: useDropout ? plan : nil)
            chunkLosses[index] = Loss.evaluate(
                loss, predictions: workspace.predictions,
                targets: targets + range.lowerBound * outputs, count: range.count * outputs,
                scale: scale, gradient: workspace.predictionGradient)
            workspace.backward(parameters: parameters, rows: range.count, usedDropout: useDropout)
        }

        // Fixed-order reduction keeps the result independent of thread timing.
        gradient.update(from: workspaces[0].gradient, count: parameterCount)
        var total = chunkLosses[0]
        for index in 1..<chunks.chunkCount {
            let partial = workspaces[index].gradient
            for element in 0..<parameterCount {
                gradient[element] += partial[element]
            }
            total += chunkLosses[index]
        }
        return total / Double(rows * outputs)
    }

    func predict(
        parameters: UnsafePointer<Float>, inputs: UnsafePointer<Float>, rows: Int,
        into outputs: UnsafeMutablePointer<Float>
    ) {
        let chunks = ChunkedBatch(rows: rows, threads: workspaces.count)
        let sampleLength = timeSteps * configuration.inputSize
        let outputSize = configuration.outputSize
        let workspaces = workspaces

        // Each thread walks its share of the windows in blocks the workspace can hold.
        chunks.run { index, range in
            let workspace = workspaces[index]
            var start = range.lowerBound
            while start < range.upperBound {
                let count = min(workspace.capacity, range.upperBound - start)
                workspace.forward(
                    parameters: parameters, inputs: inputs + start * sampleLength, rows: count,
                    dropout: nil, cachesForBackward: false)
                (outputs + start * outputSize)
                    .update(from: workspace.predictions, count: count * outputSize)
                start += count
            }
        }
    }
}
