/// Win and loss statistics over closed trades, from each trade's profit after costs.
///
/// A trade is one round trip of one symbol. A win has profit > 0 and a loss profit < 0; a
/// trade that exactly breaks even is neither, but it counts in `tradeCount`, `winRate` and
/// `expectancy`. With no trades every ratio is NaN.
public struct TradeStatistics: Sendable {
    /// The number of trades.
    public let tradeCount: Int

    /// The number of trades with profit > 0.
    public let winCount: Int

    /// The number of trades with profit < 0.
    public let lossCount: Int

    /// The sum of the winning trades' profits (≥ 0).
    public let grossProfit: Double

    /// The sum of the losing trades' losses, as a positive amount (≥ 0).
    public let grossLoss: Double

    /// winCount / tradeCount.
    public let winRate: Double

    /// grossProfit / grossLoss: +∞ with profits and no losses, NaN with neither.
    public let profitFactor: Double

    /// The mean profit of the winning trades; NaN without wins.
    public let averageWin: Double

    /// The mean profit of the losing trades, a negative amount; NaN without losses.
    public let averageLoss: Double

    /// The mean profit per trade, in the same currency as the profits.
    public let expectancy: Double

    /// Computes the statistics.
    ///
    /// - Parameter profits: Each trade's profit after costs, in currency.
    public init(profits: [Double]) {
        let wins = profits.filter { $0 > 0 }
        let losses = profits.filter { $0 < 0 }
        tradeCount = profits.count
        winCount = wins.count
        lossCount = losses.count
        grossProfit = DescriptiveStatistics.sum(wins)
        // 0 - sum rather than -sum: negating an empty sum gives -0, and a positive profit
        // over -0 would be -∞.
        grossLoss = 0 - DescriptiveStatistics.sum(losses)
        winRate = profits.isEmpty ? .nan : Double(wins.count) / Double(profits.count)

        // 0 / 0 (no trades, or only break-even ones) is NaN, and a positive amount over zero
        // losses is +∞ by IEEE division, which is exactly the stated contract.
        profitFactor = grossProfit / grossLoss
        averageWin = DescriptiveStatistics.mean(wins)
        averageLoss = DescriptiveStatistics.mean(losses)
        expectancy = DescriptiveStatistics.mean(profits)
    }
}
