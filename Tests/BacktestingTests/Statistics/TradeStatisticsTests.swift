import Testing

@testable import Backtesting

@Suite struct TradeStatisticsTests {
    @Test func winsLossesAndBreakEvensAreCountedApart() {
        // Wins 120, 60 (gross 180); losses -40, -20 (gross 60); one break-even.
        // Win rate 2/5; profit factor 180/60 = 3; average win 90, loss -30; expectancy
        // (120 - 40 + 0 + 60 - 20) / 5 = 24.
        let trades = TradeStatistics(profits: [120, -40, 0, 60, -20])
        #expect(trades.tradeCount == 5 && trades.winCount == 2 && trades.lossCount == 2)
        #expect(trades.grossProfit == 180 && trades.grossLoss == 60)
        #expect(trades.winRate == 0.4)
        #expect(trades.profitFactor == 3)
        #expect(trades.averageWin == 90 && trades.averageLoss == -30)
        #expect(trades.expectancy == 24)
    }

    @Test func noLossesMakeTheProfitFactorInfinite() {
        let trades = TradeStatistics(profits: [10, 5])
        #expect(trades.profitFactor == .infinity)
        #expect(trades.winRate == 1)
        #expect(trades.averageLoss.isNaN)
    }

    @Test func onlyLossesMakeTheProfitFactorZero() {
        let trades = TradeStatistics(profits: [-10, -5])
        #expect(trades.profitFactor == 0)
        #expect(trades.winRate == 0)
        #expect(trades.averageWin.isNaN)
    }

    @Test func noTradesLeaveEveryRatioUndefined() {
        let trades = TradeStatistics(profits: [])
        #expect(trades.tradeCount == 0)
        #expect(trades.winRate.isNaN && trades.profitFactor.isNaN && trades.expectancy.isNaN)
        #expect(trades.averageWin.isNaN && trades.averageLoss.isNaN)
    }

    @Test func onlyBreakEvenTradesHaveNoProfitFactor() {
        let trades = TradeStatistics(profits: [0, 0])
        #expect(trades.profitFactor.isNaN)
        #expect(trades.winRate == 0 && trades.expectancy == 0)
    }
}
