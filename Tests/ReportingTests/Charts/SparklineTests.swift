import Testing

@testable import Reporting

@Suite struct SparklineTests {
    @Test(arguments: [1, 5, 40, 80])
    func longSeriesFillExactlyTheWidth(width: Int) {
        let values = TestData.randomWalk(count: 1_000, start: 1, volatility: 0.02, seed: 9)
        #expect(Sparkline.render(values, width: width).count == width)
    }

    @Test func shortSeriesAreNotStretched() {
        #expect(Sparkline.render([1, 2, 3], width: 40).count == 3)
    }

    @Test func extremesUseTheLowestAndHighestBlocks() {
        #expect(Sparkline.render([3, 1, 2, 8, 5], width: 5) == "▃▁▂█▅")
        let line = Sparkline.render([0, 7, 1, 2, 3, 4, 5, 6], width: 8)
        #expect(line == "▁█▂▃▄▅▆▇")
    }

    @Test func gapsAndFlatSeriesHaveClearShapes() {
        #expect(Sparkline.render([1, .nan, 3], width: 3) == "▁ █")
        #expect(Sparkline.render([2, 2, 2], width: 3) == "▄▄▄")
        #expect(Sparkline.render([.nan, .nan], width: 3) == "  ")
        #expect(Sparkline.render([], width: 3) == "")
        #expect(Sparkline.render([1, 2], width: 0) == "")
    }

    @Test func averagingKeepsAStepInTheRightPlace() {
        let step = [Double](repeating: 0, count: 50) + [Double](repeating: 1, count: 50)
        #expect(Sparkline.render(step, width: 10) == "▁▁▁▁▁█████")
    }

    @Test func valuesSpanningMoreThanTheLargestDoubleStillDraw() {
        // A corrupt equity.csv can hold both; their difference overflows to infinity.
        #expect(Sparkline.render([-1e308, 0, 1e308], width: 3) == "▁▅█")
    }
}
