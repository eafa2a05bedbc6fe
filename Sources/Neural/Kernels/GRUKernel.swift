/// Forward and backward time loops of the GRU (Cho et al., 2014) in PyTorch's formulation,
/// gate blocks `r, z, n`, with the reset gate applied after the hidden projection:
///
///     r = σ(W_ir x + b_ir + W_hr h + b_hr),   z = σ(W_iz x + b_iz + W_hz h + b_hz)
///     n = tanh(W_in x + b_in + r * (W_hn h + b_hn)),   h' = (1 - z) * n + z * h
///
/// Because of `r * (W_hn h + b_hn)` the input-side and hidden-side gradients of the `n` block
/// differ, so the backward pass writes both `gradients.gates` and `gradients.hiddenGates`.
/// When caching, `storage.gates` keeps the activated gates and `storage.cells` keeps
/// `W_hn h + b_hn` for each step.
enum GRUKernel {
    static func forward(_ pass: LayerPass) {
        let hidden = pass.hidden
        let width = pass.gateWidth
        let caching = pass.cachesForBackward

        for t in 0..<pass.timeSteps {
            // h_{t-1} W_hh^T without its bias, which the step adds.
            let projection = pass.stepScratch
            if t > 0 {
                pass.addRecurrentProjection(step: t, into: projection, beta: 0)
            } else {
                projection.update(repeating: 0, count: pass.rows * width)
            }
            let gates = pass.gateBlock(step: t)
            pass.projectInputs(step: t, into: gates)
            let step = ForwardStep(
                gates: gates,
                hiddenSide: projection, bias: pass.storage.combinedBias,
                newGateHiddenBias: pass.hiddenBias + 2 * hidden,
                previous: pass.previousOutputs(step: t),
                resetProjections: pass.step(pass.storage.cells, caching ? t : 0, width: hidden),
                outputs: pass.step(pass.storage.outputs, t, width: hidden), hidden: hidden,
                caching: caching)
            for row in 0..<pass.rows {
                step.activateGates(row: row)
                step.updateUnits(row: row, count: hidden)
            }
        }
    }

    /// One forward step: `[B, 3H]` input projections (no bias, activated in place) and
    /// hidden projections (no bias), `[B, H]` states.
    private struct ForwardStep: LaneStep {
        var gates: UnsafeMutablePointer<Float>
        var hiddenSide: UnsafePointer<Float>
        /// `b_ir + b_hr`, `b_iz + b_hz`, `b_in`.
        var bias: UnsafePointer<Float>
        var newGateHiddenBias: UnsafePointer<Float>
        var previous: UnsafePointer<Float>
        var resetProjections: UnsafeMutablePointer<Float>
        var outputs: UnsafeMutablePointer<Float>
        var hidden: Int
        /// Whether the backward pass will read this step's states.
        var caching: Bool

        /// `r, z = σ(·)` for row `row`: both sides' projections and biases summed.
        @inline(__always)
        func activateGates(row: Int) {
            let gate = gates + row * 3 * hidden
            let hiddenGate = hiddenSide + row * 3 * hidden
            forEachLane(2 * hidden) { unit in
                Activation.sigmoid(
                    Lanes.load(gate + unit) + Lanes.load(hiddenGate + unit)
                        + Lanes.load(bias + unit)
                ).store(gate + unit)
            } tail: { unit in
                gate[unit] = Activation.sigmoid(gate[unit] + hiddenGate[unit] + bias[unit])
            }
        }

        /// `n` and the new state for the lanes of units from `unit` on in row `row`.
        @inline(__always)
        func update<V: FloatLanes>(_: V.Type, row: Int, unit: Int) {
            let gate = gates + row * 3 * hidden + unit
            let hiddenGate = hiddenSide + row * 3 * hidden + unit
            let state = row * hidden + unit
            let reset = V.load(gate)
            let update = V.load(gate + hidden)
            let resetProjection =
                V.load(hiddenGate + 2 * hidden) + V.load(newGateHiddenBias + unit)
            let candidate = Activation.tanh(
                V.load(gate + 2 * hidden) + V.load(bias + 2 * hidden + unit)
                    + reset * resetProjection)
            let output =
                (V(repeating: 1) - update) * candidate + update * V.load(previous + state)
            output.store(outputs + state)
            if caching {
                candidate.store(gate + 2 * hidden)
                resetProjection.store(resetProjections + state)
            }
        }
    }

    /// Back-propagation through time; `gradients.outputs` holds d loss / d h_t from above.
    static func backward(_ pass: LayerPass, _ gradients: LayerGradients) {
        let hidden = pass.hidden
        let width = pass.gateWidth
        // The step leaves `z * dh` in `gradients.recurrent`; `dG_h W_hh` is added to it.
        pass.backpropagateThroughTime(gradients, recurrentBeta: 1) { t in
            BackwardStep(
                gates: pass.step(pass.storage.gates, t, width: width),
                inputSide: pass.gateGradientBlock(gradients.gates, step: t),
                hiddenSide: pass.gateGradientBlock(gradients.hiddenGates, step: t),
                previous: pass.previousOutputs(step: t),
                resetProjections: pass.step(pass.storage.cells, t, width: hidden),
                fromAbove: pass.step(gradients.outputs, t, width: hidden),
                recurrent: gradients.recurrent, hidden: hidden
            ).updateRows(pass.rows, units: hidden) { row in
                pass.prefetchSharedRow(row, step: t, gradients: gradients, cachedGates: true)
                pass.prefetchRow(row, step: t - 1, of: pass.storage.cells, width: hidden)
                pass.prefetchRow(row, step: t - 2, of: pass.storage.outputs, width: hidden)
            }
        }
    }

    /// One backward step: cached gates and states in, both sides' gate gradients out;
    /// `recurrent` holds d loss / d h_t on entry and `z * dh` on exit.
    private struct BackwardStep: LaneStep {
        var gates: UnsafePointer<Float>
        var inputSide: UnsafeMutablePointer<Float>
        var hiddenSide: UnsafeMutablePointer<Float>
        var previous: UnsafePointer<Float>
        var resetProjections: UnsafePointer<Float>
        var fromAbove: UnsafePointer<Float>
        var recurrent: UnsafeMutablePointer<Float>
        var hidden: Int

        @inline(__always)
        func update<V: FloatLanes>(_: V.Type, row: Int, unit: Int) {
            let gate = gates + row * 3 * hidden + unit
            let inputGradient = inputSide + row * 3 * hidden + unit
            let hiddenGradient = hiddenSide + row * 3 * hidden + unit
            let state = row * hidden + unit
            let one = V(repeating: 1)
            let reset = V.load(gate)
            let update = V.load(gate + hidden)
            let candidate = V.load(gate + 2 * hidden)
            let outputGradient = V.load(fromAbove + state) + V.load(recurrent + state)

            // Pre-activation gradients of n, z and r, in the order the chain needs.
            let candidateGradient = outputGradient * (one - update) * (one - candidate * candidate)
            let updateGradient =
                outputGradient * (V.load(previous + state) - candidate) * update * (one - update)
            let resetGradient =
                candidateGradient * V.load(resetProjections + state) * reset * (one - reset)

            resetGradient.store(inputGradient)
            updateGradient.store(inputGradient + hidden)
            candidateGradient.store(inputGradient + 2 * hidden)
            resetGradient.store(hiddenGradient)
            updateGradient.store(hiddenGradient + hidden)
            (candidateGradient * reset).store(hiddenGradient + 2 * hidden)
            (outputGradient * update).store(recurrent + state)
        }
    }
}
