import MarketData

/// Windows of scaled features with their labels, ready for a forecaster.
///
/// `inputs` has shape `[count, window, features]`, row-major, the last row of each window
/// being its decision day. Labels are NaN where not yet realised (test samples only).
public struct SampleSet: Sendable {
    public var inputs: [Float] = []
    public var targets: [Double] = []
    public var naive: [Double] = []
    /// Which symbol and bar each sample was cut at.
    public var origins: [(symbol: Int, bar: Int)] = []
    public let windowLength: Int
    public let featureCount: Int

    public init(windowLength: Int, featureCount: Int) {
        self.windowLength = windowLength
        self.featureCount = featureCount
    }

    public var count: Int { targets.count }
    public var isEmpty: Bool { targets.isEmpty }

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
        targets.append(prepared.labels[t] ?? .nan)
        naive.append(target.naiveForecast(at: t, bars: prepared.bars))
        origins.append((symbolIndex, t))
    }
}
