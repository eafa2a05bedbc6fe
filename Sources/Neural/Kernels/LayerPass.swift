import CIntrinsics

/// The pointers and sizes one recurrent layer's forward and backward kernels work on.
///
/// Letters in shapes: `T` time steps, `B` rows of the chunk, `I` layer input size,
/// `H` hidden size, `G` gate count. All sequences are time-major, `[T, B, n]`.
/// What every cell shares lives here: the input and recurrent products, the backward time
/// loop over blocks of steps, the weight and input gradients, and the prefetching; the
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

    /// Time steps per block of the products that span several steps: the training forward
    /// pass projects the inputs of one block at a time, and the backward pass turns one
    /// block's gate gradients into weight and input gradients while they are still in
    /// cache. About `blockRows` rows per block keeps each product, split by `Matmul`,
    /// within OpenBLAS's small-matrix kernel, which runs these shapes faster than its
    /// packing kernel runs the products over all steps at once.
    static func blockSteps(rows: Int) -> Int { max(1, blockRows / rows) }

    /// The rows a block of steps aims at; a block never has more, unless one step does.
    static let blockRows = 128

    var blockSteps: Int { Self.blockSteps(rows: rows) }

    /// Rows of the gate-gradient buffers: one block of steps, `[blockSteps, B, G*H]`, as
    /// each block's gradients are used up before the backward loop leaves it.
    static func gateGradientRows(timeSteps: Int, capacity: Int) -> Int {
        min(timeSteps * capacity, max(blockRows, capacity))
    }

    /// Step `t`'s `[B, G*H]` block in a gate-gradient buffer, which holds the steps of one
    /// block in time order.
    @inline(__always)
    func gateGradientBlock(_ base: UnsafeMutablePointer<Float>, step t: Int)
        -> UnsafeMutablePointer<Float>
    {
        step(base, t % blockSteps, width: gateWidth)
    }

    /// Projects the layer input `x W_ih^T` into `gates`, which must be step `t`'s gate
    /// block. When caching, this happens at the first step of each block for the whole
    /// block (the following steps' blocks come next in memory); otherwise for step `t`
    /// alone, into the one block that every step reuses. The biases are added by the step
    /// kernels, which read them from cache, rather than in a separate pass over the gates.
    func projectInputs(step t: Int, into gates: UnsafeMutablePointer<Float>) {
        let steps: Int
        if cachesForBackward {
            guard t % blockSteps == 0 else { return }
            steps = min(blockSteps, timeSteps - t)
        } else {
            steps = 1
        }
        Matmul.multiply(
            m: steps * rows, n: gateWidth, k: inputSize,
            .init(pointer: step(input, t, width: inputSize), rowStride: inputSize),
            .init(pointer: storage.transposedInputWeights, rowStride: gateWidth),
            beta: 0, into: gates, rowStride: gateWidth)
    }

    /// Where step `t`'s gates live: their own block when caching for the backward pass,
    /// otherwise one block that every step reuses while it is still in cache.
    @inline(__always)
    func gateBlock(step t: Int) -> UnsafeMutablePointer<Float> {
        cachesForBackward ? step(storage.gates, t, width: gateWidth) : storage.gates
    }

    /// Copies `weight_ih` and `weight_hh` into the transposed forms the forward GEMMs use,
    /// and sums the biases the step kernels add.
    func prepareWeights(cell: RecurrentCell) {
        let width = gateWidth
        Self.transpose(
            rows: width, columns: inputSize, inputWeights,
            into: storage.transposedInputWeights)
        Self.transpose(
            rows: width, columns: hidden, hiddenWeights, into: storage.transposedHiddenWeights)

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
    func summedPreactivations(step t: Int) -> UnsafeMutablePointer<Float> {
        let gates = gateBlock(step: t)
        projectInputs(step: t, into: gates)
        if t > 0 {
            addRecurrentProjection(step: t, into: gates)
        }
        return gates
    }

    /// Back-propagation through time, shared by every cell: `backwardStep(t)` runs from the
    /// last step to the first, turning d loss / d h_t in `gradients.recurrent` (zero before
    /// the last step) into step t's gate gradients; the hidden-side ones then go back to
    /// `h_{t-1}` as `gradients.recurrent = dG_h W_hh + recurrentBeta * gradients.recurrent`.
    /// Each finished block of steps adds its weight gradients and writes its input gradient.
    ///
    /// - Parameter recurrentBeta: 1 when the step leaves a direct path of its own in
    ///   `gradients.recurrent` (the GRU's `z * dh`), 0 otherwise.
    func backpropagateThroughTime(
        _ gradients: LayerGradients, recurrentBeta: Float, backwardStep: (Int) -> Void
    ) {
        gradients.recurrent.update(repeating: 0, count: rows * hidden)
        gradients.transposedWeightGradient.update(
            repeating: 0, count: (inputSize + hidden + 2) * gateWidth)
        var blockEnd = timeSteps
        for t in stride(from: timeSteps - 1, through: 0, by: -1) {
            backwardStep(t)
            if t % blockSteps == 0 {
                accumulateBlockGradients(gradients, steps: t..<blockEnd)
                blockEnd = t
            }
            if t > 0 {
                backpropagateToPreviousStep(
                    gateGradientBlock(gradients.hiddenGates, step: t), into: gradients.recurrent,
                    beta: recurrentBeta)
            }
        }
        addTransposedWeightGradient(gradients)
    }

    /// Asks the caches for row `row` of step `t`'s block in a time-major sequence of width
    /// `width`, if there is such a step. The backward loop runs from the last step down and
    /// reads each step's cached tensors once, long after the forward pass wrote them; the
    /// hardware prefetchers do not run ahead across steps, so the cells request what step
    /// `t - 1` will read, row by row, while step `t` is being computed.
    @inline(__always)
    func prefetchRow(_ row: Int, step t: Int, of sequence: UnsafePointer<Float>, width: Int) {
        guard t >= 0 else { return }
        let start = sequence + (t * rows + row) * width
        var offset = 0
        while offset < width {
            walkforward_prefetch(start + offset)
            offset += 16
        }
    }

    /// Prefetches row `row` of what every cell's backward step `t - 1` reads, the gradient
    /// from above and (for cells that cache them) the activated gates, and of what the
    /// weight-gradient products of the next block will read (`x_s` and `h_{s-1}`,
    /// `s = t - blockSteps`). Each cell calls it from its backward step `t`, besides
    /// prefetching its own cached states.
    @inline(__always)
    func prefetchSharedRow(
        _ row: Int, step t: Int, gradients: LayerGradients, cachedGates: Bool
    ) {
        prefetchRow(row, step: t - 1, of: gradients.outputs, width: hidden)
        if cachedGates {
            prefetchRow(row, step: t - 1, of: storage.gates, width: gateWidth)
        }
        let ahead = t - blockSteps
        prefetchRow(row, step: ahead, of: input, width: inputSize)
        prefetchRow(row, step: ahead - 1, of: storage.outputs, width: hidden)
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
    /// Input-side gate pre-activation gradients of one block of steps, `[blockSteps, B, G*H]`
    /// (see `LayerPass.gateGradientBlock`).
    var gates: UnsafeMutablePointer<Float>
    /// Hidden-side gate gradients; the same buffer as `gates` except for the GRU.
    var hiddenGates: UnsafeMutablePointer<Float>
    /// d loss / d layer input `[T, B, I]`, or nil for the bottom layer.
    var input: UnsafeMutablePointer<Float>?
    var recurrent: UnsafeMutablePointer<Float>
    var cell: UnsafeMutablePointer<Float>
    /// The layer's weight gradients summed over its blocks of steps, transposed:
    /// `[I + H + 2, G*H]`, rows `dW_ih^T`, `dW_hh^T`, `db_ih`, `db_hh`.
    var transposedWeightGradient: UnsafeMutablePointer<Float>
    /// At least `blockSteps * B` ones, for the bias gradients' column sums.
    var ones: UnsafePointer<Float>

    /// Accumulators in the flat gradient, same shapes as the weights.
    var inputWeights: UnsafeMutablePointer<Float>
    var hiddenWeights: UnsafeMutablePointer<Float>
    var inputBias: UnsafeMutablePointer<Float>
    var hiddenBias: UnsafeMutablePointer<Float>
}

extension LayerPass {
    /// Adds the weight gradients of the time steps `steps`, a block just finished by the
    /// backward loop, into `gradients.transposedWeightGradient`, and writes their input
    /// gradient `dx = dG W_ih` for the layer below:
    ///
    ///     dW_ih^T += x^T dG,   dW_hh^T += h_{t-1}^T dG_h,   db_ih += 1^T dG,   db_hh += 1^T dG_h
    ///
    /// The products are formed transposed so that the time-major sequences serve as the
    /// left operand where they are, with no copy; `h_{-1} = 0`, so step 0 adds nothing to
    /// `dW_hh`. Cells with one gate gradient for both sides (LSTM, simple RNN) compute one
    /// bias sum and add it to both biases.
    private func accumulateBlockGradients(_ gradients: LayerGradients, steps: Range<Int>) {
        let width = gateWidth
        let product = gradients.transposedWeightGradient
        let sequenceRows = steps.count * rows
        let gates = UnsafePointer(gateGradientBlock(gradients.gates, step: steps.lowerBound))
        Matmul.multiply(
            m: inputSize, n: width, k: sequenceRows,
            .init(
                pointer: step(input, steps.lowerBound, width: inputSize), rowStride: inputSize,
                transposed: true),
            .init(pointer: gates, rowStride: width),
            beta: 1, into: product, rowStride: width)

        let firstRecurrentStep = max(steps.lowerBound, 1)
        if firstRecurrentStep < steps.upperBound {
            Matmul.multiply(
                m: hidden, n: width, k: (steps.upperBound - firstRecurrentStep) * rows,
                .init(
                    pointer: step(storage.outputs, firstRecurrentStep - 1, width: hidden),
                    rowStride: hidden, transposed: true),
                .init(
                    pointer: gateGradientBlock(gradients.hiddenGates, step: firstRecurrentStep),
                    rowStride: width),
                beta: 1, into: product + inputSize * width, rowStride: width)
        }

        let biasRow = product + (inputSize + hidden) * width
        addColumnSums(of: gates, rowCount: sequenceRows, ones: gradients.ones, into: biasRow)
        if gradients.hiddenGates != gradients.gates {
            addColumnSums(
                of: gateGradientBlock(gradients.hiddenGates, step: steps.lowerBound),
                rowCount: sequenceRows, ones: gradients.ones, into: biasRow + width)
        }

        if let inputGradient = gradients.input {
            Matmul.multiply(
                m: sequenceRows, n: inputSize, k: width,
                .init(pointer: gates, rowStride: width),
                .init(pointer: inputWeights, rowStride: inputSize),
                beta: 0, into: step(inputGradient, steps.lowerBound, width: inputSize),
                rowStride: inputSize)
        }
    }

    /// `sums[G*H] += 1^T matrix[rowCount, G*H]`, as a product with a row of ones.
    private func addColumnSums(
        of matrix: UnsafePointer<Float>, rowCount: Int, ones: UnsafePointer<Float>,
        into sums: UnsafeMutablePointer<Float>
    ) {
        Matmul.multiply(
            m: 1, n: gateWidth, k: rowCount,
            .init(pointer: ones, rowStride: rowCount),
            .init(pointer: matrix, rowStride: gateWidth),
            beta: 1, into: sums, rowStride: gateWidth)
    }

    /// Adds the transposed sums of every block into the gradient accumulators.
    private func addTransposedWeightGradient(_ gradients: LayerGradients) {
        let width = gateWidth
        let product = UnsafePointer(gradients.transposedWeightGradient)
        Self.transpose(
            rows: inputSize, columns: width, product, into: gradients.inputWeights,
            adding: true)
        Self.transpose(
            rows: hidden, columns: width, product + inputSize * width,
            into: gradients.hiddenWeights, adding: true)
        let inputBias = product + (inputSize + hidden) * width
        let hiddenBias = gradients.hiddenGates == gradients.gates ? inputBias : inputBias + width
        for gateRow in 0..<width {
            gradients.inputBias[gateRow] += inputBias[gateRow]
            gradients.hiddenBias[gateRow] += hiddenBias[gateRow]
        }
    }

    /// `destination[columns, rows]` set to, or with `adding` increased by, the transpose of
    /// the row-major `source[rows, columns]`. It works through 16 x 16 blocks, so that the
    /// 16 cache lines a block reads and the 16 it writes stay in cache while it runs
    /// (element by element, each write of a long column touched a new line); the offsets
    /// wrap rather than trap, as they are bounded by the matrices' sizes.
    static func transpose(
        rows: Int, columns: Int, _ source: UnsafePointer<Float>,
        into destination: UnsafeMutablePointer<Float>, adding: Bool = false
    ) {
        let block = 16
        for firstRow in stride(from: 0, to: rows, by: block) {
            let rowEnd = min(firstRow + block, rows)
            for firstColumn in stride(from: 0, to: columns, by: block) {
                let columnEnd = min(firstColumn + block, columns)
                for row in firstRow..<rowEnd {
                    let sourceRow = source + row &* columns
                    for column in firstColumn..<columnEnd {
                        let target = destination + (column &* rows &+ row)
                        target.pointee =
                            adding
                            ? target.pointee + sourceRow[column] : sourceRow[column]
                    }
                }
            }
        }
    }
}
