/// Where each named tensor lives in a model's flat parameter vector.
///
/// The order is PyTorch's `state_dict` order for `rnn = nn.RNN/LSTM/GRU(...)` followed by
/// `head = nn.Linear(hidden, output)`: per layer `k` the tensors `weight_ih_lk [G*H, I_k]`,
/// `weight_hh_lk [G*H, H]`, `bias_ih_lk [G*H]`, `bias_hh_lk [G*H]`, then `head.weight [O, H]`
/// and `head.bias [O]`. `G` is the cell's gate count, `H` the hidden size, `I_0` the input
/// size and `I_k = H` above the first layer.
struct ParameterLayout: Sendable, Equatable {
    /// One named tensor.
    struct Tensor: Sendable, Equatable {
        var name: String
        var shape: [Int]
        var offset: Int
        var count: Int { shape.reduce(1, *) }
    }

    /// Offsets of one recurrent layer's four tensors.
    struct Layer: Sendable, Equatable {
        var inputSize: Int
        var inputWeights: Int
        var hiddenWeights: Int
        var inputBias: Int
        var hiddenBias: Int
    }

    let tensors: [Tensor]
    let layers: [Layer]
    let headWeight: Int
    let headBias: Int
    let totalCount: Int

    init(_ configuration: RecurrentConfiguration) {
        let hidden = configuration.hiddenSize
        let gateRows = configuration.cell.gateCount * hidden
        var tensors: [Tensor] = []
        var layers: [Layer] = []
        var offset = 0

        func append(_ name: String, _ shape: [Int]) -> Int {
            let tensor = Tensor(name: name, shape: shape, offset: offset)
            tensors.append(tensor)
            offset += tensor.count
            return tensor.offset
        }

        for index in 0..<configuration.layers {
            let inputSize = index == 0 ? configuration.inputSize : hidden
            let inputWeights = append("rnn.weight_ih_l\(index)", [gateRows, inputSize])
            let hiddenWeights = append("rnn.weight_hh_l\(index)", [gateRows, hidden])
            let inputBias = append("rnn.bias_ih_l\(index)", [gateRows])
            let hiddenBias = append("rnn.bias_hh_l\(index)", [gateRows])
            layers.append(
                Layer(
                    inputSize: inputSize, inputWeights: inputWeights,
                    hiddenWeights: hiddenWeights, inputBias: inputBias, hiddenBias: hiddenBias))
        }
        headWeight = append("head.weight", [configuration.outputSize, hidden])
        headBias = append("head.bias", [configuration.outputSize])
        self.tensors = tensors
        self.layers = layers
        totalCount = offset
    }

    /// The number of parameters `configuration` has, or nil when it exceeds `Int.max`.
    ///
    /// A model file declares its architecture in metadata; this is checked against the
    /// file's size before a layout with one entry per layer, or a parameter buffer, is
    /// built from numbers that may be hostile.
    static func parameterCount(_ configuration: RecurrentConfiguration) -> Int? {
        let hidden = configuration.hiddenSize
        let product = CheckedSize.product
        let sum: (Int...) -> Int? = CheckedSize.sum
        guard let gateRows = product(configuration.cell.gateCount, hidden),
            let firstColumns = sum(configuration.inputSize, hidden, 2),
            let upperColumns = sum(hidden, hidden, 2),
            let first = product(gateRows, firstColumns),
            let upper = product(configuration.layers - 1, gateRows, upperColumns),
            let headColumns = sum(hidden, 1),
            let head = product(configuration.outputSize, headColumns)
        else { return nil }
        return sum(first, upper, head)
    }
}
