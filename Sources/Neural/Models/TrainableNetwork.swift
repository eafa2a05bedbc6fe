/// What the trainer needs from a model: flat parameters and a way to build a batch engine.
protocol TrainableNetwork {
    var flatParameters: [Float] { get set }
    var outputSize: Int { get }
    /// Features per time step.
    var stepSize: Int { get }
    /// Whether the window length is fixed by the model (the MLP) and, if so, to what.
    var fixedTimeSteps: Int? { get }
    /// Whether training draws dropout masks.
    var usesDropout: Bool { get }

    /// - Parameter training: false for an engine that only predicts and may then keep
    ///   less memory; `lossAndGradient` needs a training engine.
    func makeEngine(timeSteps: Int, chunkCapacity: Int, threads: Int, training: Bool)
        -> any BatchEngine

    /// The floats `makeEngine` with these arguments would allocate, or nil on overflow.
    func engineFloatCount(timeSteps: Int, chunkCapacity: Int, threads: Int, training: Bool)
        -> Int?
}

/// Computes losses, gradients and predictions for whole mini-batches, reusing its memory.
protocol BatchEngine: AnyObject {
    /// The mean loss over `rows` windows; writes d(mean loss)/d(parameters) into `gradient`.
    ///
    /// - Parameters:
    ///   - inputs: `[rows, time, features]`.
    ///   - targets: `[rows, outputSize]`.
    func lossAndGradient(
        parameters: UnsafePointer<Float>, inputs: UnsafePointer<Float>,
        targets: UnsafePointer<Float>, rows: Int, loss: Loss, dropout: DropoutPlan?,
        gradient: UnsafeMutablePointer<Float>
    ) -> Double

    /// Writes `[rows, outputSize]` predictions for `[rows, time, features]` inputs.
    func predict(
        parameters: UnsafePointer<Float>, inputs: UnsafePointer<Float>, rows: Int,
        into outputs: UnsafeMutablePointer<Float>)
}

extension BatchEngine {
    /// Convenience over arrays for callers outside the hot path.
    func predict(parameters: [Float], inputs: [Float], rows: Int, outputSize: Int) -> [Float] {
        var outputs = [Float](repeating: 0, count: rows * outputSize)
        parameters.withUnsafeBufferPointer { parameterBuffer in
            inputs.withUnsafeBufferPointer { inputBuffer in
                outputs.withUnsafeMutableBufferPointer { outputBuffer in
                    predict(
                        parameters: parameterBuffer.baseAddress!,
                        inputs: inputBuffer.baseAddress!, rows: rows,
                        into: outputBuffer.baseAddress!)
                }
            }
        }
        return outputs
    }
}
