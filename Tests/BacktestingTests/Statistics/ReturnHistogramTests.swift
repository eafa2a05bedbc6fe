import Testing

@testable import Backtesting

@Suite struct ReturnHistogramTests {
    @Test func theLastBinIncludesItsRightEdge() {
        // Width (4 - 0) / 4 = 1: bins [0,1) [1,2) [2,3) [3,4], so 3 and 4 share the last.
        let histogram = ReturnHistogram(values: [0, 1, 2, 3, 4], binCount: 4)
        #expect(histogram.binEdges == [0, 1, 2, 3, 4])
        #expect(histogram.counts == [1, 1, 1, 2])
    }

    @Test func equalValuesGetAUnitWideRange() {
        // numpy widens a zero range to value ± 0.5; 5 falls in the upper half-open bin.
        let histogram = ReturnHistogram(values: [5, 5], binCount: 2)
        #expect(histogram.binEdges == [4.5, 5, 5.5])
        #expect(histogram.counts == [0, 2])
    }

    @Test func nonFiniteValuesAreSkippedAndNothingGivesNoBins() {
        let histogram = ReturnHistogram(values: [.nan, 0.01, .infinity, -0.01], binCount: 2)
        #expect(histogram.counts.reduce(0, +) == 2)
        let empty = ReturnHistogram(values: [], binCount: 3)
        #expect(empty.binEdges.isEmpty && empty.counts.isEmpty)
    }

    @Test(arguments: [3, 7, 10, 33])
    func everyValueLandsInsideItsBinsEdges(binCount: Int) {
        let values = (0..<200).map { Double($0) * 0.001 - 0.07 }
        let histogram = ReturnHistogram(values: values, binCount: binCount)
        #expect(histogram.counts.reduce(0, +) == values.count)
        var expected = [Int](repeating: 0, count: binCount)
        for value in values {
            let bin =
                histogram.binEdges.lastIndex { $0 <= value }.map { min($0, binCount - 1) } ?? 0
            expected[bin] += 1
        }
        #expect(histogram.counts == expected)
    }

    @Test func freedmanDiaconisWidthFollowsTheInterquartileRange() {
        // Values 1 … 8: quartiles 2.75 and 6.25 (numpy's linear rule), IQR 3.5, width
        // 2 × 3.5 / ∛8 = 3.5, so the range 7 needs 2 bins.
        let histogram = ReturnHistogram.freedmanDiaconis(values: (1...8).map(Double.init))
        #expect(histogram.counts == [4, 4])
        #expect(histogram.binEdges == [1, 4.5, 8])
    }

    @Test func freedmanDiaconisFallsBackToSturgesAndRespectsTheCap() {
        // Seven zeros and a one: IQR 0, so ⌈log2 8⌉ + 1 = 4 bins.
        let flat = ReturnHistogram.freedmanDiaconis(values: [0, 0, 0, 0, 0, 0, 0, 1])
        #expect(flat.counts == [7, 0, 0, 1])
        let capped = ReturnHistogram.freedmanDiaconis(
            values: (0..<1000).map { Double($0) }, maximumBinCount: 5)
        #expect(capped.counts.count == 5)
        let outlier = ReturnHistogram.freedmanDiaconis(values: [0, 1e-300, 2e-300, 3e-300, 1e300])
        #expect(outlier.counts.count == 100)
    }
}
