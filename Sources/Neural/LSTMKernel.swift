/// Forward and backward time loops of the LSTM (Hochreiter and Schmidhuber, 1997) in
/// PyTorch's formulation, gate blocks `i, f, g, o` in that order:
///
///     i = σ(·), f = σ(·), g = tanh(·), o = σ(·)   each of W_i x + b_i + W_h h + b_h
///     c' = f * c + i * g,   h' = o * tanh(c')
///
/// `LayerPass.storage.gates` keeps the activated gates, `cells` keeps `c_t` and `cellTanh`
/// keeps `tanh(c_t)`, which is all the backward pass needs.
enum LSTMKernel {
    static func forward(_ pass: LayerPass) {
        let hidden = pass.hidden
        let width = pass.gateWidth
        pass.projectInputs(includeHiddenBias: true)

        for t in 0..<pass.timeSteps {
            let gates = pass.step(pass.storage.gates, t, width: width)
            if t > 0 {
                pass.addRecurrentProjection(step: t, into: gates)
            }
            let previousCells =
                t == 0 ? pass.zeros : pass.step(pass.storage.cells, t - 1, width: hidden)
            let cells = pass.step(pass.storage.cells, t, width: hidden)
            let cellTanh = pass.step(pass.storage.cellTanh, t, width: hidden)
            let outputs = pass.step(pass.storage.outputs, t, width: hidden)

            for row in 0..<pass.rows {
                let gate = gates + row * width
                Activation.sigmoid(gate, count: 2 * hidden)
                Activation.tanh(gate + 2 * hidden, count: hidden)
                Activation.sigmoid(gate + 3 * hidden, count: hidden)
                let offset = row * hidden
                updateCell(
                    gate: gate, previous: previousCells + offset, cell: cells + offset,
                    cellTanh: cellTanh + offset, output: outputs + offset, hidden: hidden)
            }
        }
    }

    /// `c' = f * c + i * g`, `h' = o * tanh(c')` for one row; three simple loops rather than
    /// one fused loop, because the vectoriser gives up on the fused one.
    @inline(__always)
    private static func updateCell(
        gate: UnsafePointer<Float>, previous: UnsafePointer<Float>,
        cell: UnsafeMutablePointer<Float>, cellTanh: UnsafeMutablePointer<Float>,
        output: UnsafeMutablePointer<Float>, hidden: Int
    ) {
        let input = gate
        let forget = gate + hidden
        let candidate = gate + 2 * hidden
        let outputGate = gate + 3 * hidden
        for unit in 0..<hidden {
            cell[unit] = forget[unit] * previous[unit] + input[unit] * candidate[unit]
        }
        cellTanh.update(from: cell, count: hidden)
        Activation.tanh(cellTanh, count: hidden)
        for unit in 0..<hidden {
            output[unit] = outputGate[unit] * cellTanh[unit]
        }
    }

    /// Back-propagation through time; `gradients.outputs` holds d loss / d h_t from above.
    static func backward(_ pass: LayerPass, _ gradients: LayerGradients) {
        let hidden = pass.hidden
        let width = pass.gateWidth
        let stateCount = pass.rows * hidden
        gradients.recurrent.update(repeating: 0, count: stateCount)
        gradients.cell.update(repeating: 0, count: stateCount)

        for t in stride(from: pass.timeSteps - 1, through: 0, by: -1) {
            let gates = pass.step(pass.storage.gates, t, width: width)
            let gateGradients = pass.step(gradients.gates, t, width: width)
            let previousCells =
                t == 0 ? pass.zeros : pass.step(pass.storage.cells, t - 1, width: hidden)
            let cellTanh = pass.step(pass.storage.cellTanh, t, width: hidden)
            let fromAbove = pass.step(gradients.outputs, t, width: hidden)

            for row in 0..<pass.rows {
                let gate = gates + row * width
                let gateGradient = gateGradients + row * width
                let offset = row * hidden
                for unit in 0..<hidden {
                    let input = gate[unit]
                    let forget = gate[hidden + unit]
                    let candidate = gate[2 * hidden + unit]
                    let output = gate[3 * hidden + unit]
                    let squashed = cellTanh[offset + unit]
                    let outputGradient =
                        fromAbove[offset + unit]
                        + gradients.recurrent[offset + unit]
                    let cellGradient =
                        outputGradient * output * (1 - squashed * squashed)
                        + gradients.cell[offset + unit]

                    // Each gate's gradient times the derivative of its activation.
                    gateGradient[unit] = cellGradient * candidate * input * (1 - input)
                    gateGradient[hidden + unit] =
                        cellGradient * previousCells[offset + unit] * forget * (1 - forget)
                    gateGradient[2 * hidden + unit] =
                        cellGradient * input * (1 - candidate * candidate)
                    gateGradient[3 * hidden + unit] =
                        outputGradient * squashed * output * (1 - output)
                    gradients.cell[offset + unit] = cellGradient * forget
                }
            }

            // d h_{t-1} = dG_t W_hh, read by the next (earlier) step.
            if t > 0 {
                Matmul.multiply(
                    m: pass.rows, n: hidden, k: width,
                    .init(pointer: gateGradients, rowStride: width),
                    .init(pointer: pass.hiddenWeights, rowStride: hidden),
                    beta: 0, into: gradients.recurrent, rowStride: hidden)
            }
        }
        pass.accumulateWeightGradients(gradients)
    }
}
