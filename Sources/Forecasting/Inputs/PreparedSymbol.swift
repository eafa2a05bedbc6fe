import MarketData

/// One symbol's bars with its causal features and forward-looking labels.
public struct PreparedSymbol: Sendable {
    public let symbol: Symbol
    public let bars: [Bar]
    /// `[bars][features]`; NaN during warm-up.
    public let features: [[Double]]
    /// The label of each decision day, nil while bar t + horizon does not exist.
    public let labels: [Double?]
    /// `[bars][horizons]`: each decision day's label at every horizon of the target, in the
    /// order of `target.horizons`; nil while bar t + h does not exist.
    public let horizonLabels: [[Double?]]
    /// The index of each bar on the union calendar.
    public let calendarIndex: [Int]
    /// The first bar whose whole window has defined features.
    public let firstDecisionBar: Int

    public init(series: PriceSeries, settings: ForecastSettings, calendar: [TradingDate]) {
        let bars = series.bars
        let columns = settings.features.map { $0.values(for: bars) }
        self.symbol = series.symbol
        self.bars = bars
        self.features = bars.indices.map { t in columns.map { $0[t] } }
        let target = settings.target
        self.labels = bars.indices.map { target.label(at: $0, bars: bars) }
        self.horizonLabels = bars.indices.map { t in
            target.horizons.map { target.label(at: t, bars: bars, horizon: $0) }
        }
        var position = 0
        self.calendarIndex = bars.map { bar in
            while calendar[position] < bar.date { position += 1 }
            return position
        }
        let warmUp = settings.features.map(\.warmUpBars).max() ?? 0
        self.firstDecisionBar = warmUp + settings.windowLength - 1
    }

    /// The last bar dated on or before calendar day `day`, or nil when none is.
    public func lastBar(onOrBefore day: Int) -> Int? {
        var low = 0
        var high = calendarIndex.count
        while low < high {
            let middle = (low + high) / 2
            if calendarIndex[middle] <= day { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    /// The first bar dated on or after calendar day `day`, or `bars.count` when none is.
    public func firstBar(onOrAfter day: Int) -> Int {
        (lastBar(onOrBefore: day - 1).map { $0 + 1 }) ?? 0
    }
}
