/// How `Trainer.fit` trains: epochs, mini-batches, Adam, clipping, loss and early stopping.
public struct TrainingOptions: Sendable, Equatable {
    public var epochs: Int
    /// Windows per Adam step; the last batch of an epoch may be smaller.
    public var batchSize: Int
    public var learningRate: Float
    /// L2 penalty added to the gradient, as `torch.optim.Adam(weight_decay:)`.
    public var weightDecay: Float
    /// Rescales the whole gradient when its global L2 norm exceeds this value.
    public var gradientClipNorm: Float?
    public var loss: Loss
    /// Seeds shuffling and dropout; the same seed and thread count give the same model.
    public var seed: UInt64
    /// Worker threads; each takes a contiguous share of every mini-batch.
    public var threads: Int
    /// Stop after this many epochs without a better validation loss, then restore the best
    /// weights. Needs validation data; nil trains for all `epochs`.
    public var earlyStoppingPatience: Int?

    public init(
        epochs: Int = 30,
        batchSize: Int = 64,
        learningRate: Float = 1e-3,
        weightDecay: Float = 0,
        gradientClipNorm: Float? = nil,
        loss: Loss = .mse,
        seed: UInt64 = 0,
        threads: Int = 1,
        earlyStoppingPatience: Int? = nil
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.gradientClipNorm = gradientClipNorm
        self.loss = loss
        self.seed = seed
        self.threads = threads
        self.earlyStoppingPatience = earlyStoppingPatience
    }

    /// Checks every field so that values from a strategy file fail with a clear message.
    ///
    /// - Throws: `NeuralError.invalidValue` naming the first bad field.
    public func validate() throws(NeuralError) {
        func require(_ condition: Bool, _ key: String, _ value: Any, _ expected: String)
            throws(NeuralError)
        {
            guard condition else {
                throw .invalidValue(key: key, value: "\(value)", expected: expected)
            }
        }
        try require(epochs >= 1, "epochs", epochs, "a whole number >= 1")
        try require(batchSize >= 1, "batchSize", batchSize, "a whole number >= 1")
        try require(
            learningRate.isFinite && learningRate > 0, "learningRate", learningRate,
            "a positive number such as 0.001")
        try require(
            weightDecay.isFinite && weightDecay >= 0, "weightDecay", weightDecay,
            "a number >= 0")
        if let clip = gradientClipNorm {
            try require(clip.isFinite && clip > 0, "gradientClipNorm", clip, "a positive number")
        }
        if case .huber(let delta) = loss {
            try require(delta.isFinite && delta > 0, "huber delta", delta, "a positive number")
        }
        try require(threads >= 1, "threads", threads, "a whole number >= 1")
        if let patience = earlyStoppingPatience {
            try require(patience >= 1, "earlyStoppingPatience", patience, "a whole number >= 1")
        }
    }
}

/// The losses after one epoch, passed to the progress callback and returned by `fit`.
public struct EpochReport: Sendable, Equatable {
    /// One-based.
    public var epoch: Int
    /// Mean training loss over the epoch's windows, with dropout active.
    public var trainingLoss: Float
    /// Mean loss on the validation windows, if any were given.
    public var validationLoss: Float?

    public init(epoch: Int, trainingLoss: Float, validationLoss: Float?) {
        self.epoch = epoch
        self.trainingLoss = trainingLoss
        self.validationLoss = validationLoss
    }
}
