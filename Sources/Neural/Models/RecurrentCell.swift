/// The recurrent cell a layer is built from, with PyTorch's gate layout.
///
/// - `rnn`: Elman's simple recurrent network, `h' = act(W_ih x + b_ih + W_hh h + b_hh)`.
/// - `lstm`: Hochreiter and Schmidhuber's long short-term memory; gate rows `i, f, g, o`.
/// - `gru`: Cho et al.'s gated recurrent unit; gate rows `r, z, n`, with the reset gate
///   applied to `W_hn h + b_hn` as PyTorch does.
public enum RecurrentCell: String, Sendable, CaseIterable {
    case rnn
    case lstm
    case gru

    /// How many blocks of `hidden` rows the weight matrices stack.
    public var gateCount: Int {
        switch self {
        case .rnn: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }
}

/// How the top layer's outputs `[batch, time, hidden]` become one vector per window.
public enum SequenceHead: String, Sendable, CaseIterable {
    /// Many-to-one: the output at the last time step.
    case last
    /// The maximum over all time steps, unit by unit.
    case maxpool
}

/// The activation of the simple recurrent cell.
public enum RecurrentNonlinearity: String, Sendable, CaseIterable {
    case tanh
    case relu
}
