import Foundation
import Testing

@testable import Reporting

@Suite struct NiceScaleTests {
    /// Data ranges from tiny returns to large equity values, including negatives and zero width.
    static let ranges: [(Double, Double)] = [
        (0, 1), (0, 0.0734), (-0.3512, 0), (-0.0421, 0.0377), (97_000, 412_000),
        (0.95, 1.05), (1e-7, 3e-7), (-12.5, 830.1), (5, 5), (0, 0), (-2, -2),
        (100_000, 100_000.5), (1, 1_000_000), (-1e9, 3e9), (0.1, 0.7),
    ]

    @Test(arguments: ranges, [3, 5, 8])
    func linearTicksCoverTheDataAtOneTwoFiveSteps(range: (Double, Double), targetCount: Int) {
        let scale = NiceScale.linear(minimum: range.0, maximum: range.1, targetCount: targetCount)

        #expect(scale.lower <= range.0 && scale.upper >= range.1)
        #expect(scale.ticks.first == scale.lower && scale.ticks.last == scale.upper)
        #expect(scale.ticks.count >= 2 && scale.ticks.count <= targetCount + 2)

        let exponent = floor(log10(scale.step))
        let mantissa = (scale.step / pow(10, exponent)).rounded()
        #expect([1, 2, 5].contains(mantissa), "step \(scale.step)")
        for (lower, upper) in zip(scale.ticks, scale.ticks.dropFirst()) {
            #expect(abs((upper - lower) - scale.step) <= scale.step * 1e-9)
        }
        for tick in scale.ticks {
            let multiple = tick / scale.step
            #expect(abs(multiple - multiple.rounded()) < 1e-6, "tick \(tick) off the step grid")
        }
    }

    @Test(arguments: ranges, [3, 5, 8])
    func tickLabelsAreDistinct(range: (Double, Double), targetCount: Int) {
        let scale = NiceScale.linear(minimum: range.0, maximum: range.1, targetCount: targetCount)
        for format in [ValueFormat.number(), .percent(), .compact] {
            let labels = format.tickLabels(for: scale.ticks, step: scale.step)
            #expect(Set(labels).count == labels.count, "\(format): \(labels)")
        }
    }

    @Test func decimalTicksComeOutAsCleanNumbers() {
        let scale = NiceScale.linear(minimum: 0.1, maximum: 0.7, targetCount: 6)
        #expect(scale.ticks == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    }

    @Test func drawdownRangeGetsRoundPercentTicks() {
        let scale = NiceScale.linear(minimum: -0.3512, maximum: 0, targetCount: 4)
        #expect(scale.ticks == [-0.4, -0.3, -0.2, -0.1, 0])
        let labels = ValueFormat.percent().tickLabels(for: scale.ticks, step: scale.step)
        #expect(labels == ["-40%", "-30%", "-20%", "-10%", "0%"])
    }

    @Test func logTicksUseOneTwoFiveWithinTheData() {
        let scale = NiceScale.logarithmic(minimum: 80_000, maximum: 1_200_000, targetCount: 8)
        #expect(scale.ticks == [100_000, 200_000, 500_000, 1_000_000])
        #expect(scale.isLogarithmic)
    }

    @Test func logTicksKeepOnlyPowersOfTenOverManyDecades() {
        let scale = NiceScale.logarithmic(minimum: 1, maximum: 1e8, targetCount: 6)
        #expect(scale.ticks == [1, 10, 100, 1_000, 10_000, 100_000, 1e6, 1e7, 1e8])
    }

    @Test func logScaleOverANarrowRangeFallsBackToLinearTicks() {
        let scale = NiceScale.logarithmic(minimum: 101_000, maximum: 118_000)
        #expect(scale.ticks.count >= 2)
        #expect(scale.ticks.allSatisfy { $0 >= 101_000 && $0 <= 118_000 })
    }
}
