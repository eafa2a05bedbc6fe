import Testing

@testable import Reporting

@Suite struct ValueFormatTests {
    @Test func percentsUseFractions() {
        #expect(ValueFormat.percent(decimals: 1).string(for: 0.1234) == "12.3%")
        #expect(ValueFormat.percent(decimals: 2, signed: true).string(for: 0.05) == "+5.00%")
        #expect(ValueFormat.percent(decimals: 1, signed: true).string(for: -0.00001) == "0.0%")
        #expect(ValueFormat.percent(decimals: 0).string(for: -0.35) == "-35%")
    }

    @Test(arguments: [
        (950.0, "950"), (12_499, "12.5k"), (1_234_567, "1.23M"), (999_950, "1M"),
        (-3_400_000_000, "-3.4B"), (0.12345, "0.123"), (0, "0"), (1.5e12, "1.5T"),
        (100_000, "100k"),
    ])
    func compactUsesSuffixesAndThreeSignificantDigits(value: Double, expected: String) {
        #expect(ValueFormat.compact.string(for: value) == expected)
    }

    @Test func fixedNumbersGroupThousandsAndAvoidNegativeZero() {
        #expect(ValueFormat.number().string(for: 1_234_567.891) == "1,234,567.89")
        #expect(ValueFormat.number(decimals: 0).string(for: -1000) == "-1,000")
        #expect(ValueFormat.number(decimals: 2).string(for: 999.999) == "1,000.00")
        #expect(ValueFormat.number(decimals: 1).string(for: -0.01) == "0.0")
    }

    @Test func nonFiniteValuesHaveReadableForms() {
        #expect(ValueFormat.number().string(for: .nan) == "\u{2013}")
        #expect(ValueFormat.percent().string(for: .infinity) == "\u{221E}")
        #expect(ValueFormat.compact.string(for: -.infinity) == "-\u{221E}")
    }

    @Test func tickDecimalsFollowTheStep() {
        #expect(
            ValueFormat.number().tickLabels(for: [0, 0.05, 0.1], step: 0.05) == [
                "0.00", "0.05", "0.10",
            ])
        #expect(
            ValueFormat.percent().tickLabels(for: [0, 0.005], step: 0.005) == ["0.0%", "0.5%"])
        #expect(
            ValueFormat.number().tickLabels(for: [0, 20_000], step: 20_000) == ["0", "20,000"])
        #expect(ValueFormat.percent().tickLabels(for: [-0.03, 0], step: 0.01) == ["-3%", "0%"])
        #expect(ValueFormat.number().tickLabels(for: [0, 0.1], step: 0.1) == ["0.0", "0.1"])
        #expect(
            ValueFormat.number().tickLabels(for: [0, 0.001], step: 0.001) == ["0.000", "0.001"])
    }
}
