/// Forward and backward time loops of the LSTM (Hochreiter and Schmidhuber, 1997) in
/// PyTorch's formulation, gate blocks `i, f, g, o` in that order:
///
///     i = σ(·), f = σ(·), g = tanh(·), o = σ(·)   each of W_i x + b_i + W_h h + b_h
///     c' = f * c + i * g,   h' = o * tanh(c')
///
/// When caching, `LayerPass.storage.gates` keeps the activated gates, `cells` keeps `c_t` and
/// `cellTanh` keeps `tanh(c_t)`, which is all the backward pass needs.
enum LSTMKernel {
    static func forward(_ pass: LayerPass) {
        let hidden = pass.hidden
        let caching = pass.cachesForBackward

        for t in 0..<pass.timeSteps {
            let gates = pass.summedPreactivations(step: t)
            // Without caching only `c_{t-1}` and `c_t` are alive, so two blocks take turns.
            let cellBlock = caching ? t : t % 2
            let previousBlock = caching ? t - 1 : 1 - t % 2
            let step = ForwardStep(
                gates: gates, bias: pass.storage.combinedBias,
                previousCells: t == 0
                    ? pass.zeros
                    : UnsafePointer(pass.step(pass.storage.cells, previousBlock, width: hidden)),
                cells: pass.step(pass.storage.cells, cellBlock, width: hidden),
                cellTanh: pass.step(pass.storage.cellTanh, t, width: hidden),
                outputs: pass.step(pass.storage.outputs, t, width: hidden), hidden: hidden,
                caching: caching)
            for row in 0..<pass.rows {
                step.activateGates(row: row)
                step.updateUnits(row: row, count: hidden)
            }
        }
    }

    /// One forward step's `[B, 4H]` gates, which arrive as pre-activations without bias
    /// (input plus hidden projection) and are activated in place, and its `[B, H]` states.
    private struct ForwardStep: LaneStep {
        var gates: UnsafeMutablePointer<Float>
        var bias: UnsafePointer<Float>
        var previousCells: UnsafePointer<Float>
        var cells: UnsafeMutablePointer<Float>
        var cellTanh: UnsafeMutablePointer<Float>
        var outputs: UnsafeMutablePointer<Float>
        var hidden: Int
        /// Whether the backward pass will read this step's states.
        var caching: Bool

        /// `i, f = σ(·)`, `g = tanh(·)`, `o = σ(·)` for row `row`, biases added.
        @inline(__always)
        func activateGates(row: Int) {
            let gate = gates + row * 4 * hidden
            Activation.sigmoid(gate, adding: bias, count: 2 * hidden)
            Activation.tanh(gate + 2 * hidden, adding: bias + 2 * hidden, count: hidden)
            Activation.sigmoid(gate + 3 * hidden, adding: bias + 3 * hidden, count: hidden)
        }

        /// Cell and output for the lanes of units from `unit` on in row `row`.
        @inline(__always)
        func update<V: FloatLanes>(_: V.Type, row: Int, unit: Int) {
            let gate = gates + row * 4 * hidden + unit
            let state = row * hidden + unit
            let cell = (V.load(gate + hidden) * V.load(previousCells + state))
                .adding(V.load(gate), times: V.load(gate + 2 * hidden))
            let squashed = Activation.tanh(cell)
            cell.store(cells + state)
            (V.load(gate + 3 * hidden) * squashed).store(outputs + state)
            if caching {
                squashed.store(cellTanh + state)
            }
        }
    }

    /// Back-propagation through time; `gradients.outputs` holds d loss / d h_t from above.
    static func backward(_ pass: LayerPass, _ gradients: LayerGradients) {
        let hidden = pass.hidden
        let width = pass.gateWidth
        gradients.cell.update(repeating: 0, count: pass.rows * hidden)
        pass.backpropagateThroughTime(gradients, recurrentBeta: 0) { t in
            BackwardStep(
                gates: pass.step(pass.storage.gates, t, width: width),
                gateGradients: pass.gateGradientBlock(gradients.gates, step: t),
                previousCells: t == 0
                    ? pass.zeros
                    : UnsafePointer(pass.step(pass.storage.cells, t - 1, width: hidden)),
                cellTanh: pass.step(pass.storage.cellTanh, t, width: hidden),
                fromAbove: pass.step(gradients.outputs, t, width: hidden),
                recurrent: gradients.recurrent, cell: gradients.cell, hidden: hidden
            ).updateRows(pass.rows, units: hidden) { row in
                pass.prefetchSharedRow(row, step: t, gradients: gradients, cachedGates: true)
                pass.prefetchRow(row, step: t - 1, of: pass.storage.cellTanh, width: hidden)
                pass.prefetchRow(row, step: t - 2, of: pass.storage.cells, width: hidden)
            }
        }
    }

    /// One backward step: cached `[B, 4H]` gates and `[B, H]` states in, gate gradients out;
    /// `recurrent` arrives as d loss / d h_t from step t+1, `cell` carries d loss / d c.
    private struct BackwardStep: LaneStep {
        var gates: UnsafePointer<Float>
        var gateGradients: UnsafeMutablePointer<Float>
        var previousCells: UnsafePointer<Float>
        var cellTanh: UnsafePointer<Float>
        var fromAbove: UnsafePointer<Float>
        var recurrent: UnsafePointer<Float>
        var cell: UnsafeMutablePointer<Float>
        var hidden: Int

        @inline(__always)
        func update<V: FloatLanes>(_: V.Type, row: Int, unit: Int) {
            let gate = gates + row * 4 * hidden + unit
            let gateGradient = gateGradients + row * 4 * hidden + unit
            let state = row * hidden + unit
            let one = V(repeating: 1)
            let input = V.load(gate)
            let forget = V.load(gate + hidden)
            let candidate = V.load(gate + 2 * hidden)
            let output = V.load(gate + 3 * hidden)
            let squashed = V.load(cellTanh + state)
            let outputGradient = V.load(fromAbove + state) + V.load(recurrent + state)
            let cellGradient =
                outputGradient * output * (one - squashed * squashed) + V.load(cell + state)

            // Each gate's gradient times the derivative of its activation.
            (cellGradient * candidate * input * (one - input)).store(gateGradient)
            (cellGradient * V.load(previousCells + state) * forget * (one - forget))
                .store(gateGradient + hidden)
            (cellGradient * input * (one - candidate * candidate))
                .store(gateGradient + 2 * hidden)
            (outputGradient * squashed * output * (one - output))
                .store(gateGradient + 3 * hidden)
            (cellGradient * forget).store(cell + state)
        }
    }
}
