/// The pointers and sizes one recurrent layer's forward and backward kernels work on.
///
/// Letters in shapes: `T` time steps, `B` rows of the chunk, `I` layer input size,
/// `H` hidden size, `G` gate count. All sequences are time-major, `[T, B, n]`.
/// The steps every cell shares (input projection, weight gradients) live here; the
/// per-step recurrences live in `LSTMKernel`, `GRUKernel` and `ElmanKernel`.
struct LayerPass {
    var rows: Int
    var timeSteps: Int
    var inputSize: Int
    var hidden: Int
    var gateCount: Int
    /// Whether the forward pass keeps what the backward pass reads; inference does not.
    var cachesForBackward: Bool

    /// Layer input `[T, B, I]`.
    var input: UnsafePointer<Float>
    var storage: RecurrentWorkspace.LayerStorage
    var stepScratch: UnsafeMutablePointer<Float>
    var zeros: UnsafePointer<Float>

    /// `weight_ih [G*H, I]`, `weight_hh [G*H, H]`, `bias_ih [G*H]`, `bias_hh [G*H]`.
    var inputWeights: UnsafePointer<Float>
    var hiddenWeights: UnsafePointer<Float>
    var inputBias: UnsafePointer<Float>
    var hiddenBias: UnsafePointer<Float>

    var gateWidth: Int { gateCount * hidden }

    /// Start of step `t`'s `[B, n]` block in a time-major sequence of width `n`.
    @inline(__always)
    func step<Pointer: Strideable>(_ base: Pointer, _ t: Int, width: Int) -> Pointer
    where Pointer.Stride == Int {
        base.advanced(by: t * rows * width)
    }

    /// When caching, fills `gates[T*B, G*H]` with `input W_ih^T`, all time steps in one
    /// GEMM; inference projects step by step instead. The biases
    /// are added by the step kernels, which read them from cache, rather than in a separate
    /// pass over this large buffer.
    func projectInputs() {
        guard cachesForBackward else { return }
        Matmul.multiply(
            m: timeSteps * rows, n: gateWidth, k: inputSize,
            .init(pointer: input, rowStride: inputSize),
            .init(pointer: storage.transposedInputWeights, rowStride: gateWidth),
            beta: 0, into: storage.gates, rowStride: gateWidth)
    }

    /// Where step `t`'s gates live: their own block when caching for the backward pass,
    /// otherwise one block that every step reuses while it is still in cache.
    @inline(__always)
    func gateBlock(step t: Int) -> UnsafeMutablePointer<Float> {
        cachesForBackward ? step(storage.gates, t, width: gateWidth) : storage.gates
    }

    /// Without caching, `destination[B, G*H] = x_t W_ih^T` for step `t` alone; with caching,
    /// nothing, as `projectInputs()` has filled every step at once. Per step, inference
    /// never writes and rereads the `[T, B, G*H]` projection through memory, and the
    /// product is small enough for OpenBLAS's small-matrix kernel.
    func projectInputIfNotCached(step t: Int, into destination: UnsafeMutablePointer<Float>) {
        guard !cachesForBackward else { return }
        Matmul.multiply(
            m: rows, n: gateWidth, k: inputSize,
            .init(pointer: step(input, t, width: inputSize), rowStride: inputSize),
            .init(pointer: storage.transposedInputWeights, rowStride: gateWidth),
            beta: 0, into: destination, rowStride: gateWidth)
    }

    /// Copies `weight_ih` and `weight_hh` into the transposed forms the forward GEMMs use,
    /// and sums the biases the step kernels add.
    func prepareWeights(cell: RecurrentCell) {
        let width = gateWidth
        for row in 0..<width {
            for column in 0..<inputSize {
                storage.transposedInputWeights[column * width + row] =
                    inputWeights[row * inputSize + column]
            }
            for column in 0..<hidden {
                storage.transposedHiddenWeights[column * width + row] =
                    hiddenWeights[row * hidden + column]
            }
        }

        // The GRU's `n` block keeps its input bias alone: `b_hn` sits inside `r * (...)`.
        let summedCount = cell == .gru ? 2 * hidden : width
        for column in 0..<width {
            storage.combinedBias[column] =
                column < summedCount ? inputBias[column] + hiddenBias[column] : inputBias[column]
        }
    }

    /// `destination[B, G*H] = h_{t-1} W_hh^T + beta * destination` for step `t >= 1`.
    func addRecurrentProjection(
        step t: Int, into destination: UnsafeMutablePointer<Float>, beta: Float = 1
    ) {
        Matmul.multiply(
            m: rows, n: gateWidth, k: hidden,
            .init(pointer: step(storage.outputs, t - 1, width: hidden), rowStride: hidden),
            .init(pointer: storage.transposedHiddenWeights, rowStride: gateWidth),
            beta: beta, into: destination, rowStride: gateWidth)
    }

    /// Cells whose input and hidden products are summed (LSTM, simple RNN): step `t`'s gate
    /// block filled with `x_t W_ih^T + h_{t-1} W_hh^T`, biases left to the step kernel.
    /// `projectInputs()` must have run first.
    func summedPreactivations(step t: Int) -> UnsafeMutablePointer<Float> {
        let gates = gateBlock(step: t)
        projectInputIfNotCached(step: t, into: gates)
        if t > 0 {
            addRecurrentProjection(step: t, into: gates)
        }
        return gates
    }

    /// Back-propagation through time, shared by every cell: `backwardStep(t)` runs from the
    /// last step to the first, turning d loss / d h_t in `gradients.recurrent` (zero before
    /// the last step) into step t's gate gradients; the hidden-side ones then go back to
    /// `h_{t-1}` as `gradients.recurrent = dG_h W_hh + recurrentBeta * gradients.recurrent`,
    /// and the weight gradients are formed over all steps at the end.
    ///
    /// - Parameter recurrentBeta: 1 when the step leaves a direct path of its own in
    ///   `gradients.recurrent` (the GRU's `z * dh`), 0 otherwise.
    func backpropagateThroughTime(
        _ gradients: LayerGradients, recurrentBeta: Float, backwardStep: (Int) -> Void
    ) {
        gradients.recurrent.update(repeating: 0, count: rows * hidden)
        for t in stride(from: timeSteps - 1, through: 0, by: -1) {
            backwardStep(t)
            if t > 0 {
                backpropagateToPreviousStep(
                    step(gradients.hiddenGates, t, width: gateWidth), into: gradients.recurrent,
                    beta: recurrentBeta)
            }
        }
        accumulateWeightGradients(gradients)
    }

    /// `recurrent[B, H] = gateGradients[B, G*H] W_hh + beta * recurrent`: the gradient that
    /// step t's gates send back to `h_{t-1}`, the backward twin of `addRecurrentProjection`.
    func backpropagateToPreviousStep(
        _ gateGradients: UnsafePointer<Float>, into recurrent: UnsafeMutablePointer<Float>,
        beta: Float
    ) {
        Matmul.multiply(
            m: rows, n: hidden, k: gateWidth,
            .init(pointer: gateGradients, rowStride: gateWidth),
            .init(pointer: hiddenWeights, rowStride: hidden),
            beta: beta, into: recurrent, rowStride: hidden)
    }

    /// `h_{t-1}` for step `t`, zero before the first step.
    @inline(__always)
    func previousOutputs(step t: Int) -> UnsafePointer<Float> {
        t == 0 ? zeros : UnsafePointer(step(storage.outputs, t - 1, width: hidden))
    }
}

/// Where one layer's backward pass reads gradients from and accumulates them into.
struct LayerGradients {
    /// d loss / d outputs `[T, B, H]` arriving from above (head or next layer).
    var outputs: UnsafeMutablePointer<Float>
    /// Input-side gate pre-activation gradients `[T, B, G*H]`.
    var gates: UnsafeMutablePointer<Float>
    /// Hidden-side gate gradients; the same buffer as `gates` except for the GRU.
    var hiddenGates: UnsafeMutablePointer<Float>
    /// d loss / d layer input `[T, B, I]`, or nil for the bottom layer.
    var input: UnsafeMutablePointer<Float>?
    var recurrent: UnsafeMutablePointer<Float>
    var cell: UnsafeMutablePointer<Float>
    /// Scratch `[T, B, I + H + 1]` for the rows `[x_t, h_{t-1}, 1]`, and `[G*H, I + H + 1]`
    /// for their product with the gate gradients; used when `hiddenGates == gates`.
    var stackedOperand: UnsafeMutablePointer<Float>
    var stackedProduct: UnsafeMutablePointer<Float>

    /// Accumulators in the flat gradient, same shapes as the weights.
    var inputWeights: UnsafeMutablePointer<Float>
    var hiddenWeights: UnsafeMutablePointer<Float>
    var inputBias: UnsafeMutablePointer<Float>
    var hiddenBias: UnsafeMutablePointer<Float>
}

extension LayerPass {
    /// Turns the per-step gate gradients into weight, bias and input gradients, each as
    /// one GEMM over all time steps rather than one per step.
    func accumulateWeightGradients(_ gradients: LayerGradients) {
        if gradients.hiddenGates == gradients.gates {
            accumulateStackedWeightGradients(gradients)
        } else {
            accumulateSeparateWeightGradients(gradients)
        }

        // dx = dG W_ih, consumed by the layer below.
        if let inputGradient = gradients.input {
            Matmul.multiply(
                m: timeSteps * rows, n: inputSize, k: gateWidth,
                .init(pointer: gradients.gates, rowStride: gateWidth),
                .init(pointer: inputWeights, rowStride: inputSize),
                beta: 0, into: inputGradient, rowStride: inputSize)
        }
    }

    /// `[dW_ih, dW_hh, db] += dG^T [x_t, h_{t-1}, 1]` as one GEMM, for cells whose input
    /// and hidden sides share one gate gradient (LSTM, simple RNN).
    ///
    /// The transposed `dG` is the large operand and has few output columns to serve, so
    /// OpenBLAS spends much of a weight-gradient GEMM packing it; stacking the right-hand
    /// sides packs it once instead of twice, and the ones column yields the bias gradient
    /// without a separate pass. `h_{-1} = 0` makes step 0 contribute nothing to `dW_hh`.
    private func accumulateStackedWeightGradients(_ gradients: LayerGradients) {
        let width = gateWidth
        let stackedWidth = inputSize + hidden + 1
        let operand = gradients.stackedOperand
        for t in 0..<timeSteps {
            for row in 0..<rows {
                let sequenceRow = t * rows + row
                let target = operand + sequenceRow * stackedWidth
                target.update(from: input + sequenceRow * inputSize, count: inputSize)
                if t == 0 {
                    (target + inputSize).update(repeating: 0, count: hidden)
                } else {
                    (target + inputSize).update(
                        from: storage.outputs + (sequenceRow - rows) * hidden, count: hidden)
                }
                target[inputSize + hidden] = 1
            }
        }

        let product = gradients.stackedProduct
        Matmul.multiply(
            m: width, n: stackedWidth, k: timeSteps * rows,
            .init(pointer: gradients.gates, rowStride: width, transposed: true),
            .init(pointer: operand, rowStride: stackedWidth),
            beta: 0, into: product, rowStride: stackedWidth)

        for gateRow in 0..<width {
            let source = product + gateRow * stackedWidth
            let inputRow = gradients.inputWeights + gateRow * inputSize
            for column in 0..<inputSize {
                inputRow[column] += source[column]
            }
            let hiddenRow = gradients.hiddenWeights + gateRow * hidden
            for column in 0..<hidden {
                hiddenRow[column] += source[inputSize + column]
            }
            gradients.inputBias[gateRow] += source[inputSize + hidden]
            gradients.hiddenBias[gateRow] += source[inputSize + hidden]
        }
    }

    /// The GRU's input and hidden sides have different gate gradients: two GEMMs.
    private func accumulateSeparateWeightGradients(_ gradients: LayerGradients) {
        let width = gateWidth
        let sequenceRows = timeSteps * rows

        // dW_ih += dG^T x over all steps.
        Matmul.multiply(
            m: width, n: inputSize, k: sequenceRows,
            .init(pointer: gradients.gates, rowStride: width, transposed: true),
            .init(pointer: input, rowStride: inputSize),
            beta: 1, into: gradients.inputWeights, rowStride: inputSize)

        // dW_hh += dG_h[t]^T h_{t-1}; step 0 saw a zero state and contributes nothing.
        Matmul.multiply(
            m: width, n: hidden, k: (timeSteps - 1) * rows,
            .init(
                pointer: step(gradients.hiddenGates, 1, width: width), rowStride: width,
                transposed: true),
            .init(pointer: storage.outputs, rowStride: hidden),
            beta: 1, into: gradients.hiddenWeights, rowStride: hidden)

        addColumnSums(of: gradients.gates, rowCount: sequenceRows, into: gradients.inputBias)
        addColumnSums(
            of: gradients.hiddenGates, rowCount: sequenceRows, into: gradients.hiddenBias)
    }

    private func addColumnSums(
        of matrix: UnsafePointer<Float>, rowCount: Int, into sums: UnsafeMutablePointer<Float>
    ) {
        let width = gateWidth
        for row in 0..<rowCount {
            let source = matrix + row * width
            for column in 0..<width {
                sums[column] += source[column]
            }
        }
    }
}
