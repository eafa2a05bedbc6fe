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
            // W_hh h_{t-1} without its bias, which the row loops add.
            let projection = pass.stepScratch
            if t > 0 {
                pass.addRecurrentProjection(step: t, into: projection, beta: 0)
            } else {
                projection.update(repeating: 0, count: pass.rows * width)
            }
            let previous = pass.previousOutputs(step: t)
            let resetProjections = pass.step(pass.storage.cells, t, width: hidden)
            let outputs = pass.step(pass.storage.outputs, t, width: hidden)

            for row in 0..<pass.rows {
                let offset = row * hidden
                updateState(
                    gate: gates + row * width, hiddenSide: projection + row * width,
                    hiddenBias: pass.hiddenBias, previous: previous + offset,
                    resetProjection: resetProjections + offset,
                    output: outputs + offset, hidden: hidden)
            }
        }
    }

    /// The gates and new state of one row, as separate simple loops so each vectorises.
    @inline(__always)
    private static func updateState(
        gate: UnsafeMutablePointer<Float>, hiddenSide: UnsafePointer<Float>,
        hiddenBias: UnsafePointer<Float>, previous: UnsafePointer<Float>,
        resetProjection: UnsafeMutablePointer<Float>,
        output: UnsafeMutablePointer<Float>, hidden: Int
    ) {
        for column in 0..<(2 * hidden) {
            gate[column] = Activation.sigmoid(
                gate[column] + hiddenSide[column] + hiddenBias[column])
        }
        let reset = UnsafePointer(gate)
        let update = UnsafePointer(gate + hidden)
        let candidate = gate + 2 * hidden
        let newGateProjection = hiddenSide + 2 * hidden
        let newGateBias = hiddenBias + 2 * hidden
        for unit in 0..<hidden {
            resetProjection[unit] = newGateProjection[unit] + newGateBias[unit]
        }
        for unit in 0..<hidden {
            candidate[unit] += reset[unit] * resetProjection[unit]
        }
        Activation.tanh(candidate, count: hidden)
        for unit in 0..<hidden {
            output[unit] = (1 - update[unit]) * candidate[unit] + update[unit] * previous[unit]
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
