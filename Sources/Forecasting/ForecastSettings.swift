/// The forecasting half of a strategy: what to predict, from what, with which model and
/// which walk-forward schedule. The strategy loader fills it from `Strategies/*.json`.
public struct ForecastSettings: Sendable, Equatable {
    public var features: [Feature]
    public var target: Target
    public var windowLength: Int
    public var stride: Int
    public var model: ModelSettings
    public var walkForward: WalkForwardSettings
    public var scaler: FeatureScaler.Kind
    public var deliberateLeaks: Set<DeliberateLeak>

    public init(
        features: [Feature] = [.logReturn], target: Target = Target(), windowLength: Int = 60,
        stride: Int = 1, model: ModelSettings = ModelSettings(),
        walkForward: WalkForwardSettings = WalkForwardSettings(),
        scaler: FeatureScaler.Kind = .standard, deliberateLeaks: Set<DeliberateLeak> = []
    ) {
        self.features = features
        self.target = target
        self.windowLength = windowLength
        self.stride = stride
        self.model = model
        self.walkForward = walkForward
        self.scaler = scaler
        self.deliberateLeaks = deliberateLeaks
    }

    /// Bars between a training label and the first test input: `window + horizon - 1`
    /// unless set explicitly, and zero under the `no-purge` leak.
    ///
    /// With several horizons the longest one counts: every label a sample is trained on,
    /// not just the trading horizon's, must be dated before the first test input.
    public var purgeDays: Int {
        if deliberateLeaks.contains(.noPurge) { return 0 }
        return walkForward.purgeDays ?? windowLength + target.maximumHorizon - 1
    }

    /// Extra days dropped after the purge; zero under the `no-purge` leak.
    public var embargoDays: Int {
        deliberateLeaks.contains(.noPurge) ? 0 : walkForward.embargoDays
    }

    public var isLeaky: Bool { !deliberateLeaks.isEmpty }
}

/// The classic mistakes, switched on only on purpose for teaching.
public enum DeliberateLeak: String, Hashable, Sendable, CaseIterable, Comparable {
    /// The scaler sees every row, test rows included.
    case fitScalerOnAllData = "fit-scaler-on-all-data"
    /// Training labels may overlap the test inputs.
    case noPurge = "no-purge"
    /// Back-adjusted close levels are allowed as inputs.
    case adjustedLevels = "adjusted-levels"

    public static func < (lhs: DeliberateLeak, rhs: DeliberateLeak) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// The model of a strategy.
public struct ModelSettings: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case naive, drift, ridge, rnn, lstm, gru, mlp

        public var isNeural: Bool {
            switch self {
            case .naive, .drift, .ridge: return false
            case .rnn, .lstm, .gru, .mlp: return true
            }
        }
    }

    public enum Head: String, Sendable, Equatable, CaseIterable { case last, maxpool }
    public enum LossKind: String, Sendable, Equatable, CaseIterable { case mse, mae, huber }

    public var kind: Kind = .ridge
    public var layers = 1
    public var hiddenSize = 32
    public var head: Head = .last
    public var epochs = 10
    public var batchSize = 64
    public var learningRate = 0.001
    public var seed: UInt64 = 7
    public var dropout = 0.0
    public var weightDecay = 0.0
    public var clipNorm: Double? = 1.0
    public var loss: LossKind = .mse
    public var patience: Int? = nil
    /// L2 penalty of the ridge forecaster, on standardised inputs.
    public var ridgeAlpha = 1.0

    public init() {}
}

/// The walk-forward schedule, in trading days.
public struct WalkForwardSettings: Sendable, Equatable {
    public enum Scheme: String, Sendable, Equatable, CaseIterable { case expanding, rolling }

    public var scheme: Scheme = .expanding
    /// Training decision days of the first fold (every fold's, when rolling).
    public var trainDays = 1000
    public var testDays = 250
    public var stepDays = 250
    /// nil means `window + horizon - 1`, with the longest of several horizons.
    public var purgeDays: Int? = nil
    public var embargoDays = 0
    /// Days cut from the end of each training span for early stopping.
    public var validationDays = 0

    public init() {}
}
