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
        #expect(Activation.tanh(Float.nan).isNaN)
        #expect(Activation.sigmoid(Float.nan).isNaN)
        #expect(Activation.exp(Float.nan).isNaN)
        var lanes = Lanes(repeating: 1)
        (lanes[0], lanes[2], lanes[3]) = (.nan, -.nan, 100)
        #expect(Activation.tanh(lanes)[0].isNaN && Activation.tanh(lanes)[2].isNaN)
        #expect(Activation.sigmoid(lanes)[0].isNaN && Activation.exp(lanes)[2].isNaN)
    }

    /// The kernels run vector lanes over a row and scalars over its tail; a unit must get the
    /// same bits either way.
    @Test func vectorLanesGiveTheScalarBits() {
        let width = Lanes.scalarCount
        for start in stride(from: 0, through: Self.samples.count - width, by: width) {
            let scalars = Array(Self.samples[start..<(start + width)])
            let lanes = Lanes(scalars)
            for lane in 0..<width {
                let x = scalars[lane]
                #expect(Activation.tanh(lanes)[lane].bitPattern == Activation.tanh(x).bitPattern)
                #expect(
                    Activation.sigmoid(lanes)[lane].bitPattern
                        == Activation.sigmoid(x).bitPattern)
            }
        }
    }

    /// Adam's vector square root (one instruction through `CIntrinsics`) is correctly
    /// rounded, as the scalar one is, from zero and subnormals to infinity.
    @Test func vectorSquareRootGivesTheScalarBits() {
        let values: [Float] =
            [0, .leastNonzeroMagnitude, 1e-38, 1e-30, 2e-7, 0.25, 1, 2, 3, 1e10, .infinity]
            + Self.samples.map(abs)
        let width = Lanes.scalarCount
        for start in stride(from: 0, through: values.count - width, by: width) {
            let scalars = Array(values[start..<(start + width)])
            let roots = Lanes(scalars).squareRoot()
            for lane in 0..<width {
                #expect(roots[lane].bitPattern == scalars[lane].squareRoot().bitPattern)
            }
        }
        #expect(Lanes(repeating: -1).squareRoot()[0].isNaN)
    }
}
