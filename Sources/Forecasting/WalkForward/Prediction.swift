import MarketData

/// One forecast made after the close of its decision day.
public struct Prediction: Sendable, Equatable {
    /// The decision day: the last day whose bars the forecast used.
    public let date: TradingDate
    public let symbol: Symbol
    public let fold: Int
    public let predicted: Double
    /// The realised target, nil while bar date + horizon does not exist.
    public let actual: Double?
    /// The random walk's forecast for the same day.
    public let naive: Double
    /// The forecast as an expected log return over the horizon, for trading rules.
    public let expectedLogReturn: Double

    public init(
        date: TradingDate, symbol: Symbol, fold: Int, predicted: Double, actual: Double?,
        naive: Double, expectedLogReturn: Double
    ) {
        self.date = date
        self.symbol = symbol
        self.fold = fold
        self.predicted = predicted
        self.actual = actual
        self.naive = naive
        self.expectedLogReturn = expectedLogReturn
    }
}

/// One forecast at one of the target's horizons, made after the close of its decision day.
///
/// The trading horizon's forecasts are also `Prediction`s; these add the other horizons of
/// a strategy that forecasts several at once.
public struct HorizonForecast: Sendable, Equatable {
    /// The decision day: the last day whose bars the forecast used.
    public let date: TradingDate
    public let symbol: Symbol
    public let fold: Int
    /// The forecast covers (date, date + horizon], in trading days of the symbol.
    public let horizon: Int
    public let predicted: Double
    /// The realised target, nil while bar date + horizon does not exist.
    public let actual: Double?
    /// The random walk's forecast for the same day.
    public let naive: Double

    public init(
        date: TradingDate, symbol: Symbol, fold: Int, horizon: Int, predicted: Double,
        actual: Double?, naive: Double
    ) {
        self.date = date
        self.symbol = symbol
        self.fold = fold
        self.horizon = horizon
        self.predicted = predicted
        self.actual = actual
        self.naive = naive
    }
}

/// What one fold fitted and when.
public struct FoldOutcome: Sendable {
    public let plan: FoldPlan
    public let trainingDates: ClosedRange<TradingDate>
    public let validationDates: ClosedRange<TradingDate>?
    public let testDates: ClosedRange<TradingDate>
    public let trainingSampleCount: Int
    public let validationSampleCount: Int
    public let testSampleCount: Int
    public let scaler: FeatureScaler
    public let forecaster: any Forecaster
    public let predictions: [Prediction]
    /// Every horizon's forecasts, the trading horizon's included, by sample then horizon.
    public let horizonForecasts: [HorizonForecast]
    public let seconds: Double
    /// Mean |label - naive| over the training samples: the scale of MASE.
    public let trainingNaiveMeanAbsoluteError: Double

    public var cutoffDate: TradingDate { testDates.lowerBound }
}

/// Every fold of a run and their forecasts, ordered by date then symbol.
public struct WalkForwardResult: Sendable {
    public let calendar: [TradingDate]
    public let folds: [FoldOutcome]
    /// The trading horizon's forecasts, by date then symbol.
    public let predictions: [Prediction]
    /// The forecasts at every horizon of the target, by date, symbol, then horizon.
    public let horizonForecasts: [HorizonForecast]
    /// The target's horizons, ascending; one unless the strategy asks for several.
    public let horizons: [Int]
}
