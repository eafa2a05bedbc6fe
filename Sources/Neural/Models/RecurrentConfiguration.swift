/// The shape of a recurrent forecaster: stacked cells, then a linear head.
///
/// Inputs are `[batch, time, inputSize]`; the head maps `[batch, hiddenSize]` to
/// `[batch, outputSize]`, one column per forecast horizon.
public struct RecurrentConfiguration: Sendable, Equatable {
    public var cell: RecurrentCell
    /// Number of stacked recurrent layers, at least 1.
    public var layers: Int
    public var hiddenSize: Int
    /// Features per time step.
    public var inputSize: Int
    /// Values forecast per window.
    public var outputSize: Int
    public var head: SequenceHead
    /// Probability of zeroing a unit between layers while training (not after the top layer).
    public var dropout: Float
    /// Used by the simple RNN only.
    public var nonlinearity: RecurrentNonlinearity

    public init(
        cell: RecurrentCell,
        layers: Int = 1,
        hiddenSize: Int,
        inputSize: Int,
        outputSize: Int = 1,
        head: SequenceHead = .last,
        dropout: Float = 0,
        nonlinearity: RecurrentNonlinearity = .tanh
    ) {
        self.cell = cell
        self.layers = layers
        self.hiddenSize = hiddenSize
        self.inputSize = inputSize
        self.outputSize = outputSize
        self.head = head
        self.dropout = dropout
        self.nonlinearity = nonlinearity
    }

    /// Checks every field, so that values read from a strategy file fail with a message.
    ///
    /// - Throws: `NeuralError.invalidValue` naming the first bad field.
    public func validate() throws(NeuralError) {
        try Self.requirePositive("layers", layers)
        try Self.requirePositive("hiddenSize", hiddenSize)
        try Self.requirePositive("inputSize", inputSize)
        try Self.requirePositive("outputSize", outputSize)
        guard dropout >= 0, dropout < 1 else {
            throw .invalidValue(
                key: "dropout", value: "\(dropout)", expected: "a probability in [0, 1)")
        }
    }

    /// Whether `validate()` would pass.
    var isValid: Bool {
        (try? validate()) != nil
    }

    private static func requirePositive(_ key: String, _ value: Int) throws(NeuralError) {
        guard value >= 1 else {
            throw .invalidValue(key: key, value: "\(value)", expected: "a whole number >= 1")
        }
    }
}
