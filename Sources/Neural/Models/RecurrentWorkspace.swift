/// Per-thread scratch memory for running one chunk of a mini-batch through a recurrent model.
///
/// Everything the time loop touches is carved once from one arena, so training and inference
/// allocate nothing per step or per batch. Sequences are stored time-major, `[time, rows, n]`
/// (row `t * rows + b`), so each step's block is one contiguous matrix for the GEMMs. `rows`
/// is the chunk's actual batch size, at most `capacity`; regions are sized for `capacity`.
///
/// Instances are never shared: each worker thread owns one for the length of a call, which
/// is why the unchecked `Sendable` conformance is sound.
final class RecurrentWorkspace: @unchecked Sendable {
    /// The cached tensors of one layer for the backward pass.
    struct LayerStorage {
        /// Input projections `[time, rows, G*H]`, which the step kernels overwrite with the
        /// activated gates when caching for the backward pass (the simple RNN keeps none);
        /// one step's block in an inference workspace.
        var gates: UnsafeMutablePointer<Float>
        /// Hidden states `h_t`, `[time, rows, H]`.
        var outputs: UnsafeMutablePointer<Float>
        /// LSTM: cell states `c_t`; GRU: `W_hn h_{t-1} + b_hn`; `[time, rows, H]`. Without
        /// caching (inference) the LSTM alternates between two steps' blocks and the GRU
        /// reuses one, which is all an inference workspace holds.
        var cells: UnsafeMutablePointer<Float>
        /// LSTM: `tanh(c_t)`, `[time, rows, H]`; not written without caching.
        var cellTanh: UnsafeMutablePointer<Float>
        /// Inverted-dropout multipliers applied to `outputs` before the next layer.
        var mask: UnsafeMutablePointer<Float>
        /// `outputs * mask`, the next layer's input when dropout is on.
        var dropped: UnsafeMutablePointer<Float>
        /// `weight_ih^T [I, G*H]` and `weight_hh^T [H, G*H]`, refreshed by every forward
        /// call: OpenBLAS multiplies small untransposed operands noticeably faster.
        var transposedInputWeights: UnsafeMutablePointer<Float>
        var transposedHiddenWeights: UnsafeMutablePointer<Float>
        /// `b_ih + b_hh` per gate column `[G*H]`; for the GRU's `n` block `b_in` alone.
        var combinedBias: UnsafeMutablePointer<Float>
    }

    let configuration: RecurrentConfiguration
    let layout: ParameterLayout
    let timeSteps: Int
    let capacity: Int
    /// Whether the backward pass can run; see `init`.
    let training: Bool

    /// Input chunk, time-major `[time, rows, inputSize]`.
    let sequenceInput: UnsafeMutablePointer<Float>
    let layers: [LayerStorage]
    /// Head input `[rows, H]` for the max-pool head.
    let pooled: UnsafeMutablePointer<Float>
    /// Time step that won the max, `[rows, H]`.
    let poolIndex: UnsafeMutablePointer<Int32>
    /// Model outputs `[rows, outputSize]`.
    let predictions: UnsafeMutablePointer<Float>
    /// d loss / d predictions, `[rows, outputSize]`.
    let predictionGradient: UnsafeMutablePointer<Float>
    /// d loss / d head input, `[rows, H]`.
    let featureGradient: UnsafeMutablePointer<Float>
    /// d loss / d gate pre-activations of one block of steps (`LayerPass.gateGradientRows`).
    let gateGradient: UnsafeMutablePointer<Float>
    /// GRU only: the hidden-side gate gradient (the `n` block differs by the factor `r`).
    let hiddenGateGradient: UnsafeMutablePointer<Float>
    /// d loss / d layer outputs, `[time, rows, H]`, from the head for the top layer; it and
    /// `inputGradient` take turns as one layer's input gradient and the next one's outputs.
    let outputGradient: UnsafeMutablePointer<Float>
    /// d loss / d layer inputs, `[time, rows, H]` (the bottom layer computes none).
    let inputGradient: UnsafeMutablePointer<Float>
    /// Gradient flowing back through `h_{t-1}`, `[rows, H]`.
    let recurrentGradient: UnsafeMutablePointer<Float>
    /// LSTM gradient flowing back through `c_{t-1}`, `[rows, H]`.
    let cellGradient: UnsafeMutablePointer<Float>
    /// GRU `h_{t-1} W_hh^T` (no bias) for one step, `[rows, G*H]`.
    let stepScratch: UnsafeMutablePointer<Float>
    /// One layer's weight gradients, transposed, while the backward pass sums them over
    /// its blocks of steps: `[max(inputSize, H) + H + 2, G*H]`.
    let transposedWeightGradient: UnsafeMutablePointer<Float>
    /// Always one, one entry per row a block of steps can hold, for column sums by a product.
    let ones: UnsafeMutablePointer<Float>
    /// Always zero: the initial hidden and cell state, `[rows, H]`.
    let zeros: UnsafeMutablePointer<Float>
    /// This thread's parameter gradient, in the layout of the flat parameters.
    let gradient: UnsafeMutablePointer<Float>

    private let arena: UnsafeMutableBufferPointer<Float>
    private let indexArena: UnsafeMutableBufferPointer<Int32>

    /// - Parameter training: whether the workspace keeps what the backward pass needs; an
    ///   inference workspace holds one step's gates and cell states per layer and no
    ///   gradients, a fraction of the memory, and runs only the forward-only pass.
    init(configuration: RecurrentConfiguration, timeSteps: Int, capacity: Int, training: Bool) {
        precondition(timeSteps >= 1 && capacity >= 1, "empty workspace")
        self.configuration = configuration
        self.layout = ParameterLayout(configuration)
        self.timeSteps = timeSteps
        self.capacity = capacity
        self.training = training

        guard
            let sizes = Self.regionSizes(
                configuration, timeSteps: timeSteps, capacity: capacity, training: training)
        else { preconditionFailure("workspace size overflows; check floatCount first") }
        let hidden = configuration.hiddenSize
        let onesCount = training ? max(LayerPass.blockRows, capacity) : 0
        arena = .allocate(capacity: sizes.reduce(0, +))
        arena.initialize(repeating: 0)
        indexArena = .allocate(capacity: capacity * hidden)
        indexArena.initialize(repeating: 0)
        poolIndex = indexArena.baseAddress!

        var cursor = arena.baseAddress!
        var sizeIterator = sizes.makeIterator()
        func take() -> UnsafeMutablePointer<Float> {
            let region = cursor
            cursor += sizeIterator.next()!
            return region
        }
        sequenceInput = take()
        pooled = take()
        predictions = take()
        predictionGradient = take()
        featureGradient = take()
        gateGradient = take()
        hiddenGateGradient = take()
        outputGradient = take()
        inputGradient = take()
        recurrentGradient = take()
        cellGradient = take()
        stepScratch = take()
        transposedWeightGradient = take()
        let ones = take()
        ones.update(repeating: 1, count: onesCount)
        self.ones = ones
        zeros = take()
        gradient = take()
        var layers: [LayerStorage] = []
        for _ in 0..<configuration.layers {
            layers.append(
                LayerStorage(
                    gates: take(), outputs: take(), cells: take(), cellTanh: take(),
                    mask: take(), dropped: take(), transposedInputWeights: take(),
                    transposedHiddenWeights: take(), combinedBias: take()))
        }
        self.layers = layers
    }

    /// The floats one workspace needs, or nil when the count exceeds `Int.max`; callers with
    /// sizes from people or files check it against memory before building one.
    static func floatCount(
        _ configuration: RecurrentConfiguration, timeSteps: Int, capacity: Int, training: Bool
    ) -> Int? {
        regionSizes(configuration, timeSteps: timeSteps, capacity: capacity, training: training)
            .flatMap(CheckedSize.sum(of:))
    }

    /// The arena's regions in the order `init` carves them; nil when one overflows. Regions
    /// that inference never touches are empty in an inference workspace.
    private static func regionSizes(
        _ configuration: RecurrentConfiguration, timeSteps: Int, capacity: Int, training: Bool
    ) -> [Int]? {
        let product = CheckedSize.product
        let hidden = configuration.hiddenSize
        let isGRU = configuration.cell == .gru
        let isLSTM = configuration.cell == .lstm
        let hasDropout = training && configuration.dropout > 0 && configuration.layers > 1
        guard let gateWidth = product(configuration.cell.gateCount, hidden),
            let sequence = product(timeSteps, capacity),
            let widest = CheckedSize.sum(max(configuration.inputSize, hidden), hidden, 2),
            let parameters = ParameterLayout.parameterCount(configuration)
        else { return nil }
        func trainingOnly(_ size: Int?) -> Int? { training ? size : 0 }
        let gateGradient = trainingOnly(
            product(
                LayerPass.gateGradientRows(timeSteps: timeSteps, capacity: capacity), gateWidth))
        let sequenceHidden = product(sequence, hidden)
        let stepHidden = product(capacity, hidden)

        var sizes: [Int?] = [
            product(sequence, configuration.inputSize), stepHidden,
            product(capacity, configuration.outputSize),
            trainingOnly(product(capacity, configuration.outputSize)), trainingOnly(stepHidden),
            gateGradient, isGRU ? gateGradient : 0, trainingOnly(sequenceHidden),
            trainingOnly(sequenceHidden), trainingOnly(stepHidden), trainingOnly(stepHidden),
            product(capacity, gateWidth), trainingOnly(product(widest, gateWidth)),
            trainingOnly(max(LayerPass.blockRows, capacity)), stepHidden,
            trainingOnly(parameters),
        ]
        // Without caching, the step kernels reuse one step's gates, the LSTM alternates two
        // steps' cells and the GRU keeps one step's `W_hn h + b_hn`.
        let gates = training ? product(sequence, gateWidth) : product(capacity, gateWidth)
        let cells = training ? sequenceHidden : product(isLSTM ? 2 : 1, capacity, hidden)
        for layer in 0..<configuration.layers {
            let inputSize = layer == 0 ? configuration.inputSize : hidden
            sizes += [
                gates, sequenceHidden, isLSTM || isGRU ? cells : 0,
                isLSTM ? trainingOnly(sequenceHidden) : 0,
                hasDropout ? sequenceHidden : 0, hasDropout ? sequenceHidden : 0,
                product(inputSize, gateWidth), product(hidden, gateWidth), gateWidth,
            ]
        }
        let checked = sizes.compactMap { $0 }
        return checked.count == sizes.count ? checked : nil
    }

    deinit {
        arena.deallocate()
        indexArena.deallocate()
    }
}
