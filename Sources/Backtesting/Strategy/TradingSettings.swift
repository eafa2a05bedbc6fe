/// The trading half of a strategy: how forecasts become positions and what trading costs.
public struct TradingSettings: Sendable, Equatable {
    public enum Rule: String, Sendable, Equatable, CaseIterable {
        /// Long when the expected return exceeds the threshold, otherwise flat.
        case longFlat = "long-flat"
        /// Long above the threshold, short below minus the threshold, flat between.
        case longShort = "long-short"
    }

    /// When a forecast made after the close of day t is filled (leakage rule 5).
    public enum Execution: String, Sendable, Equatable, CaseIterable {
        case nextOpen = "next-open"
        case nextClose = "next-close"
    }

    public enum Sizing: String, Sendable, Equatable, CaseIterable {
        /// Each symbol gets `fraction / symbols` of equity.
        case fixedFraction = "fixed-fraction"
        /// Each symbol is scaled so its recent volatility hits `targetVolatility`.
        case volatilityTarget = "volatility-target"
    }

    public enum Benchmark: String, Sendable, Equatable, CaseIterable {
        case buyAndHold = "buy-and-hold"
        case none
    }

    public var rule: Rule = .longFlat
    /// In expected log return over the horizon.
    public var threshold = 0.0
    public var commissionBasisPoints = 0.0
    public var slippageBasisPoints = 0.0
    /// Charged per fill when the basis-point commission would be lower.
    public var minimumCommission = 0.0
    public var execution: Execution = .nextOpen
    public var benchmark: Benchmark = .buyAndHold
    public var capital = 100_000.0
    public var sizing: Sizing = .fixedFraction
    /// Gross exposure of all positions together under fixed-fraction sizing.
    public var fraction = 1.0
    /// Annualised, for volatility-target sizing.
    public var targetVolatility = 0.15
    /// Look-back of the realised volatility used by volatility-target sizing.
    public var volatilityLookbackDays = 20
    /// The cap on one symbol's weight under volatility-target sizing.
    public var maximumWeight = 1.0
    /// Trades smaller than this fraction of equity are skipped to avoid churn.
    public var rebalanceTolerance = 0.0

    public init() {}
}
