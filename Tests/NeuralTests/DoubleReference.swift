import Foundation

@testable import Neural

/// A deliberately plain `Double` implementation of the forward pass and the losses, used to
/// check the `Float` kernels' analytic gradients by central differences.
///
/// It shares nothing with the production kernels but the parameter layout, so a mistake in
/// a kernel cannot hide in here as well.
struct DoubleReference {
    let configuration: RecurrentConfiguration
    let layout: ParameterLayout

    init(_ configuration: RecurrentConfiguration) {
        self.configuration = configuration
        layout = ParameterLayout(configuration)
    }

    /// Outputs `[batch, outputSize]` for inputs `[batch, time, inputSize]`.
    ///
    /// - Parameter dropoutMasks: when given, `dropoutMasks[layer]` (`[batch, time, hidden]`,
    ///   already scaled by `1 / (1 - p)`) multiplies that layer's outputs before the next
    ///   layer reads them, for every layer but the last.
    func forward(
        _ parameters: [Double], inputs: [Double], batch: Int, dropoutMasks: [[Double]]? = nil
    ) -> [Double] {
        let timeSteps = inputs.count / (batch * configuration.inputSize)
        let hidden = configuration.hiddenSize
        var outputs: [Double] = []
        for sample in 0..<batch {
            var sequence = (0..<timeSteps).map { t in
                let start = (sample * timeSteps + t) * configuration.inputSize
                return Array(inputs[start..<(start + configuration.inputSize)])
            }
            for (index, layer) in layout.layers.enumerated() {
                sequence = run(layer, parameters, sequence)
                if let dropoutMasks, index + 1 < layout.layers.count {
                    let mask = dropoutMasks[index]
                    for t in 0..<timeSteps {
                        let start = (sample * timeSteps + t) * hidden
                        sequence[t] = (0..<hidden).map { sequence[t][$0] * mask[start + $0] }
                    }
                }
            }
            let features: [Double]
            switch configuration.head {
            case .last: features = sequence[timeSteps - 1]
            case .maxpool:
                features = (0..<hidden).map { unit in sequence.map { $0[unit] }.max()! }
            }
            for output in 0..<configuration.outputSize {
                var value = parameters[layout.headBias + output]
                for unit in 0..<hidden {
                    value += parameters[layout.headWeight + output * hidden + unit] * features[unit]
                }
                outputs.append(value)
            }
        }
        return outputs
    }

    /// Mean loss, matching PyTorch's definitions.
    static func loss(_ loss: Loss, outputs: [Double], targets: [Double]) -> Double {
        let terms = zip(outputs, targets).map { output, target -> Double in
            let error = output - target
            switch loss {
            case .mse: return error * error
            case .mae: return abs(error)
            case .huber(let delta):
                let delta = Double(delta)
                return abs(error) < delta ? 0.5 * error * error : delta * (abs(error) - 0.5 * delta)
            }
        }
        return terms.reduce(0, +) / Double(terms.count)
    }

    private func run(
        _ layer: ParameterLayout.Layer, _ parameters: [Double], _ sequence: [[Double]]
    ) -> [[Double]] {
        let hidden = configuration.hiddenSize
        let gateRows = configuration.cell.gateCount * hidden

        // Row `row` of W x + b for a weight matrix stored at `offset`.
        func affine(_ offset: Int, _ bias: Int, _ vector: [Double], _ row: Int) -> Double {
            var sum = parameters[bias + row]
            for column in vector.indices {
                sum += parameters[offset + row * vector.count + column] * vector[column]
            }
            return sum
        }
        func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

        var state = [Double](repeating: 0, count: hidden)
        var cell = [Double](repeating: 0, count: hidden)
        var outputs: [[Double]] = []
        for input in sequence {
            let fromInput = (0..<gateRows).map {
                affine(layer.inputWeights, layer.inputBias, input, $0)
            }
            let fromState = (0..<gateRows).map {
                affine(layer.hiddenWeights, layer.hiddenBias, state, $0)
            }
            switch configuration.cell {
            case .rnn:
                state = (0..<hidden).map { unit in
                    let total = fromInput[unit] + fromState[unit]
                    return configuration.nonlinearity == .tanh ? tanh(total) : max(total, 0)
                }
            case .lstm:
                for unit in 0..<hidden {
                    let gate = { (block: Int) in
                        fromInput[block * hidden + unit] + fromState[block * hidden + unit]
                    }
                    cell[unit] = sigmoid(gate(1)) * cell[unit] + sigmoid(gate(0)) * tanh(gate(2))
                    state[unit] = sigmoid(gate(3)) * tanh(cell[unit])
                }
            case .gru:
                state = (0..<hidden).map { unit in
                    let reset = sigmoid(fromInput[unit] + fromState[unit])
                    let update = sigmoid(fromInput[hidden + unit] + fromState[hidden + unit])
                    let candidate = tanh(
                        fromInput[2 * hidden + unit] + reset * fromState[2 * hidden + unit])
                    return (1 - update) * candidate + update * state[unit]
                }
            }
            outputs.append(state)
        }
        return outputs
    }
}
