import Foundation
import Testing

@testable import Backtesting

@Suite struct SharpeRatioInferenceTests {
    // Bailey & López de Prado (2014), "The deflated Sharpe ratio", section "A numerical
    // example": N = 100 trials, V = 1/2 (annualised), an annualised SR of 2.5 over
    // 1250 daily observations, skewness -3, kurtosis 10, with 250 days a year. The paper
    // reports SR* ≈ 0.1132 and DSR ≈ 0.9004; scripts/stats_reference.py gives the digits.
    @Test func deflatedSharpeRatioReproducesThePaperExample() {
        let benchmark = SharpeRatioInference.expectedMaximumSharpeRatio(
            trialCount: 100, sharpeRatioVariance: 0.5 / 250)
        #expect(isClose(benchmark, 0.1132, atol: 5e-5))
        #expect(isClose(benchmark, 0.11317200186513214, rtol: 1e-13))

        let deflated = SharpeRatioInference.deflatedSharpeRatio(
            sharpeRatio: 2.5 / 250.0.squareRoot(), observationCount: 1250, skewness: -3,
            kurtosis: 10, trialCount: 100, trialSharpeRatioVariance: 0.5 / 250)
        #expect(isClose(deflated, 0.9004, atol: 5e-5))
        #expect(isClose(deflated, 0.9003968344493903, rtol: 1e-13))
    }

    @Test func probabilisticSharpeRatioMatchesHandArithmetic() {
        // SR 0.1 over n = 101 normal returns (skew 0, kurtosis 3): the denominator is
        // √(1 + (3 - 1)/4 · 0.01) = √1.005, so z = 0.1 · √100 / √1.005.
        let psr = SharpeRatioInference.probabilisticSharpeRatio(
            sharpeRatio: 0.1, observationCount: 101, skewness: 0, kurtosis: 3)
        let z = 1 / 1.005.squareRoot()
        #expect(isClose(psr, 0.5 * erfc(-z / 2.0.squareRoot()), rtol: 1e-14))
    }

    // A fixed-seed t(4) return series; PSR and DSR from scipy (biased moments, as
    // documented) in scripts/stats_reference.py.
    static let returns = [
        -0.00012, 0.03462, 0.00623, -0.01979, -0.0158, 0.01196, 0.02003, -0.01792, -0.00678,
        0.01355, -0.03016, 0.01837, 0.00305, 0.01069, -0.00161, -0.01283, -0.0039, 0.00179,
        -0.0143, 0.02172, -0.01027, 0.01195, -0.00786, 0.00176, 0.00931, -0.00181, -0.03572,
        0.01571, -0.0107, 0.00032, -0.0103, 0.00017, 0.00676, -0.00617, 0.00321, 0.00063,
        0.0086, 0.01582, -0.00078, -0.02696, 0.00493, 0.00064, -0.00268, 0.00173, -0.0041,
        0.00557, -0.00414, 0.0249, -0.0003, 0.03428, -0.00889, -0.01694, 0.00229, 0.00513,
        -0.02325, 0.01923, -0.00368, 0.00095, -0.00818, -0.00904,
    ]

    @Test(arguments: [(0.0, 0.5033133798094345), (0.05, 0.35354775375632913)])
    func probabilisticSharpeRatioOfReturnsMatchesScipy(
        _ reference: (benchmark: Double, expected: Double)
    ) {
        let psr = SharpeRatioInference.probabilisticSharpeRatio(
            returns: Self.returns, benchmarkSharpeRatio: reference.benchmark)
        #expect(isClose(psr, reference.expected, rtol: 1e-11))
    }

    @Test func deflatedSharpeRatioOfReturnsMatchesScipy() {
        let dsr = SharpeRatioInference.deflatedSharpeRatio(
            returns: Self.returns, trialCount: 20, trialSharpeRatioVariance: 0.004)
        #expect(isClose(dsr, 0.18007629002691972, rtol: 1e-11))
    }

    @Test func oneTrialReducesTheDeflatedRatioToPSRAtZero() {
        let dsr = SharpeRatioInference.deflatedSharpeRatio(
            returns: Self.returns, trialCount: 1, trialSharpeRatioVariance: 0.004)
        #expect(dsr == SharpeRatioInference.probabilisticSharpeRatio(returns: Self.returns))
        #expect(
            SharpeRatioInference.expectedMaximumSharpeRatio(trialCount: 50, sharpeRatioVariance: 0)
                == 0)
    }

    @Test func undefinedInputsGiveNaN() {
        // 1 - 10 · 1 + (3 - 1)/4 · 1 < 0: no valid standard error.
        let skewed = SharpeRatioInference.probabilisticSharpeRatio(
            sharpeRatio: 1, observationCount: 100, skewness: 10, kurtosis: 3)
        #expect(skewed.isNaN)
        let short = SharpeRatioInference.probabilisticSharpeRatio(
            sharpeRatio: 0.1, observationCount: 1, skewness: 0, kurtosis: 3)
        #expect(short.isNaN)
        #expect(SharpeRatioInference.probabilisticSharpeRatio(returns: [0.01, 0.01, 0.01]).isNaN)
        #expect(SharpeRatioInference.probabilisticSharpeRatio(returns: []).isNaN)
    }
}
