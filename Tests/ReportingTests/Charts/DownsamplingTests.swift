import Testing

@testable import Reporting

@Suite struct DownsamplingTests {
    private let values = TestData.randomWalk(count: 10_000, start: 100, volatility: 0.02, seed: 11)
    private var positions: [Double] { values.indices.map(Double.init) }

    @Test(arguments: [1, 7, 100, 500])
    func everyBucketKeepsItsMinimumAndMaximum(bucketCount: Int) {
        let kept = Set(
            Downsampling.extremaPerBucket(x: positions, y: values, bucketCount: bucketCount))
        let scale = Double(bucketCount) / Double(values.count - 1)
        let buckets = Dictionary(grouping: values.indices) {
            min(bucketCount - 1, Int(Double($0) * scale))
        }
        for (_, members) in buckets {
            let lowest = members.min { values[$0] < values[$1] }!
            let highest = members.max { values[$0] < values[$1] }!
            #expect(kept.contains(lowest) && kept.contains(highest))
            #expect(kept.contains(members.min()!) && kept.contains(members.max()!))
        }
        #expect(kept.count <= 4 * bucketCount)
    }

    @Test func keptIndicesAreSortedAndUnique() {
        let kept = Downsampling.extremaPerBucket(x: positions, y: values, bucketCount: 300)
        #expect(zip(kept, kept.dropFirst()).allSatisfy { $0 < $1 })
        #expect(kept.first == 0 && kept.last == values.count - 1)
    }

    @Test func shortSeriesComeBackWhole() {
        let short = Array(values.prefix(400))
        let kept = Downsampling.extremaPerBucket(
            x: short.indices.map(Double.init), y: short, bucketCount: 100)
        #expect(kept == Array(short.indices))
    }

    @Test func gapsSurviveDownsampling() {
        var gappy = values
        for index in 5_000..<5_003 { gappy[index] = .nan }
        let kept = Downsampling.extremaPerBucket(x: positions, y: gappy, bucketCount: 50)
        #expect(kept.contains { gappy[$0].isNaN })
    }

    @Test func groupAveragesSplitEvenly() {
        let averages = Downsampling.groupAverages([1, 3, 5, 7, .nan, 11], count: 3)
        #expect(averages == [2, 6, 11])
    }
}
