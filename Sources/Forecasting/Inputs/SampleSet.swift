import MarketData

/// Windows of scaled features with their labels, ready for a forecaster.
///
/// `inputs` has shape `[count, window, features]`, row-major, the last row of each window
/// being its decision day. `targets` has shape `[count, horizons]`: one label per sample and
/// forecast horizon, in the order of `Target.horizons`. Labels are NaN where not yet
/// realised (test samples only).
public struct SampleSet: Sendable {
    public var inputs: [Float] = []
    public var targets: [Double] = []
    /// The random walk's forecast of each sample; the same at every horizon.
    public var naive: [Double] = []
    /// Which symbol and bar each sample was cut at.
    public var origins: [(symbol: Int, bar: Int)] = []
    public let windowLength: Int
    public let featureCount: Int
    /// Labels per sample: the number of horizons forecast at once.
    public let horizonCount: Int

    public init(windowLength: Int, featureCount: Int, horizonCount: Int = 1) {
        precondition(horizonCount >= 1, "a sample has at least one label")
        self.windowLength = windowLength
        self.featureCount = featureCount
        self.horizonCount = horizonCount
    }

    public var count: Int { naive.count }
    public var isEmpty: Bool { naive.isEmpty }

    /// The labels at horizon number `horizonIndex`, one per sample.
    public func targets(horizonIndex: Int) -> [Double] {
        precondition(horizonIndex < horizonCount, "no horizon \(horizonIndex)")
        return Swift.stride(from: horizonIndex, to: targets.count, by: horizonCount).map {
            targets[$0]
        }
    }

    /// Appends the window ending at decision bar `t` of `prepared`, scaled by `scaler`.
    public mutating func append(
        window t: Int, of prepared: PreparedSymbol, symbolIndex: Int, scaler: FeatureScaler,
        target: Target
    ) {
        for row in (t - windowLength + 1)...t {
            for feature in 0..<featureCount {
                let value = scaler.apply(prepared.features[row][feature], feature: feature)
                inputs.append(Float(value))
            }
        }
        precondition(
            prepared.horizonLabels[t].count == horizonCount, "one label per horizon")
        targets += prepared.horizonLabels[t].map { $0 ?? .nan }
        naive.append(target.naiveForecast(at: t, bars: prepared.bars))
        origins.append((symbolIndex, t))
    }
}
