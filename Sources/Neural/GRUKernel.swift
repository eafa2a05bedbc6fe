/// Forward and backward time loops of the GRU (Cho et al., 2014) in PyTorch's formulation,
/// gate blocks `r, z, n`, with the reset gate applied after the hidden projection:
///
///     r = σ(W_ir x + b_ir + W_hr h + b_hr),   z = σ(W_iz x + b_iz + W_hz h + b_hz)
///     n = tanh(W_in x + b_in + r * (W_hn h + b_hn)),   h' = (1 - z) * n + z * h
///
/// Because of `r * (W_hn h + b_hn)` the input-side and hidden-side gradients of the `n` block
/// differ, so the backward pass writes both `gradients.gates` and `gradients.hiddenGates`.
/// `storage.cells` keeps `W_hn h + b_hn` for each step.
enum GRUKernel {
    static func forward(_ pass: LayerPass) {
        let hidden = pass.hidden
        let width = pass.gateWidth
        pass.projectInputs(includeHiddenBias: false)

        for t in 0..<pass.timeSteps {
            let gates = pass.step(pass.storage.gates, t, width: width)
            let projection = pass.stepScratch
            for row in 0..<pass.rows {
                (projection + row * width).update(from: pass.hiddenBias, count: width)
            }
            if t > 0 {
                pass.addRecurrentProjection(step: t, into: projection)
            }
            let previous = pass.previousOutputs(step: t)
            let resetProjections = pass.step(pass.storage.cells, t, width: hidden)
            let outputs = pass.step(pass.storage.outputs, t, width: hidden)

            for row in 0..<pass.rows {
                let gate = gates + row * width
                let hiddenSide = projection + row * width
                for column in 0..<(2 * hidden) {
                    gate[column] = Activation.sigmoid(gate[column] + hiddenSide[column])
                }
                let offset = row * hidden
                for unit in 0..<hidden {
                    let newGateProjection = hiddenSide[2 * hidden + unit]
                    let candidate = Activation.tanh(
                        gate[2 * hidden + unit] + gate[unit] * newGateProjection)
                    let update = gate[hidden + unit]
                    gate[2 * hidden + unit] = candidate
                    resetProjections[offset + unit] = newGateProjection
                    outputs[offset + unit] =
                        (1 - update) * candidate
                        + update * previous[offset + unit]
                }
            }
        }
    }

    /// Back-propagation through time; `gradients.outputs` holds d loss / d h_t from above.
    static func backward(_ pass: LayerPass, _ gradients: LayerGradients) {
        let hidden = pass.hidden
        let width = pass.gateWidth
        gradients.recurrent.update(repeating: 0, count: pass.rows * hidden)

        for t in stride(from: pass.timeSteps - 1, through: 0, by: -1) {
            let gates = pass.step(pass.storage.gates, t, width: width)
            let inputSide = pass.step(gradients.gates, t, width: width)
            let hiddenSide = pass.step(gradients.hiddenGates, t, width: width)
            let previous = pass.previousOutputs(step: t)
            let resetProjections = pass.step(pass.storage.cells, t, width: hidden)
            let fromAbove = pass.step(gradients.outputs, t, width: hidden)

            for row in 0..<pass.rows {
                let gate = gates + row * width
                let inputGradient = inputSide + row * width
                let hiddenGradient = hiddenSide + row * width
                let offset = row * hidden
                for unit in 0..<hidden {
                    let reset = gate[unit]
                    let update = gate[hidden + unit]
                    let candidate = gate[2 * hidden + unit]
                    let outputGradient =
                        fromAbove[offset + unit]
                        + gradients.recurrent[offset + unit]

                    // Pre-activation gradients of n, z and r, in the order the chain needs.
                    let candidateGradient =
                        outputGradient * (1 - update) * (1 - candidate * candidate)
                    let updateGradient =
                        outputGradient * (previous[offset + unit] - candidate)
                        * update * (1 - update)
                    let resetGradient =
                        candidateGradient * resetProjections[offset + unit]
                        * reset * (1 - reset)

                    inputGradient[unit] = resetGradient
                    inputGradient[hidden + unit] = updateGradient
                    inputGradient[2 * hidden + unit] = candidateGradient
                    hiddenGradient[unit] = resetGradient
                    hiddenGradient[hidden + unit] = updateGradient
                    hiddenGradient[2 * hidden + unit] = candidateGradient * reset
                    gradients.recurrent[offset + unit] = outputGradient * update
                }
            }

            // d h_{t-1} = z * dh (kept above) + dG_h W_hh.
            if t > 0 {
                Matmul.multiply(
                    m: pass.rows, n: hidden, k: width,
                    .init(pointer: hiddenSide, rowStride: width),
                    .init(pointer: pass.hiddenWeights, rowStride: hidden),
                    beta: 1, into: gradients.recurrent, rowStride: hidden)
            }
        }
        pass.accumulateWeightGradients(gradients)
    }
}
