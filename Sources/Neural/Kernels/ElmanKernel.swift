/// Forward and backward time loops of Elman's simple recurrent network,
/// `h' = act(W_ih x + b_ih + W_hh h + b_hh)` with `act` = `tanh` or ReLU.
///
/// `storage.gates` keeps the pre-activations (without bias) only transiently: the derivative
/// of both activations can be computed from the output `h` alone.
enum ElmanKernel {
    static func forward(_ pass: LayerPass, nonlinearity: RecurrentNonlinearity) {
        let hidden = pass.hidden
        let bias = UnsafePointer(pass.storage.combinedBias)

        for t in 0..<pass.timeSteps {
            let gates = pass.summedPreactivations(step: t)
            let outputs = pass.step(pass.storage.outputs, t, width: hidden)
            for row in 0..<pass.rows {
                let preactivation = UnsafePointer(gates + row * hidden)
                let output = outputs + row * hidden
                switch nonlinearity {
                case .tanh:
                    forEachLane(hidden) { unit in
                        Activation.tanh(Lanes.load(preactivation + unit) + Lanes.load(bias + unit))
                            .store(output + unit)
                    } tail: { unit in
                        output[unit] = Activation.tanh(preactivation[unit] + bias[unit])
                    }
                case .relu:
                    for unit in 0..<hidden {
                        output[unit] = Swift.max(preactivation[unit] + bias[unit], 0)
                    }
                }
            }
        }
    }

    /// Back-propagation through time; `gradients.outputs` holds d loss / d h_t from above.
    static func backward(
        _ pass: LayerPass, _ gradients: LayerGradients, nonlinearity: RecurrentNonlinearity
    ) {
        let hidden = pass.hidden
        pass.backpropagateThroughTime(gradients, recurrentBeta: 0) { t in
            let outputs = pass.step(pass.storage.outputs, t, width: hidden)
            let gateGradients = pass.gateGradientBlock(gradients.gates, step: t)
            let fromAbove = pass.step(gradients.outputs, t, width: hidden)
            for row in 0..<pass.rows {
                pass.prefetchSharedRow(row, step: t, gradients: gradients, cachedGates: false)
                pass.prefetchRow(row, step: t - 1, of: pass.storage.outputs, width: hidden)
                let units = (row * hidden)..<((row + 1) * hidden)
                switch nonlinearity {
                case .tanh:
                    for index in units {
                        let output = outputs[index]
                        gateGradients[index] =
                            (fromAbove[index] + gradients.recurrent[index])
                            * (1 - output * output)
                    }
                case .relu:
                    // ReLU's derivative at 0 is taken as 0, as PyTorch does.
                    for index in units {
                        let total = fromAbove[index] + gradients.recurrent[index]
                        gateGradients[index] = outputs[index] > 0 ? total : 0
                    }
                }
            }
        }
    }
}
