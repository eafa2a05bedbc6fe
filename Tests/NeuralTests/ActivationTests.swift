import Foundation
import Testing

@testable import Neural

@Suite struct ActivationTests {
    static let samples: [Float] =
        stride(from: -30, through: 30, by: 0.001).map { Float($0) }
        + [0, -0, 1e-7, -1e-7, 1e-3, 0.3124, 0.3126, 80, -80, 100, -100]

    @Test func fastExponentialStaysWithinAFewUlpsOfFoundation() {
        for x in Self.samples where abs(x) < 80 {
            let expected = Foundation.exp(Double(x))
            #expect(abs(Double(Activation.exp(x)) - expected) <= 4e-7 * expected, "x = \(x)")
        }
    }

    @Test func fastTanhAndSigmoidAreRelativelyAccurate() {
        for x in Self.samples {
            let tanhExpected = Foundation.tanh(Double(x))
            let sigmoidExpected = 1 / (1 + Foundation.exp(-Double(x)))
            #expect(
                abs(Double(Activation.tanh(x)) - tanhExpected) <= 5e-7 * abs(tanhExpected),
                "tanh at \(x)")
            #expect(
                abs(Double(Activation.sigmoid(x)) - sigmoidExpected)
                    <= 5e-7 * sigmoidExpected + 1e-30,
                "sigmoid at \(x)")
        }
    }

    @Test func notANumberPropagates() {
        #expect(Activation.tanh(.nan).isNaN)
        #expect(Activation.sigmoid(.nan).isNaN)
        #expect(Activation.exp(.nan).isNaN)
    }
}
