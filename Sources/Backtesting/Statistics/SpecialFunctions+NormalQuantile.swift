import Foundation

extension SpecialFunctions {
    /// The inverse of the standard normal distribution function, Φ⁻¹(p).
    ///
    /// Starts from P. J. Acklam's rational approximation (2003; relative error below 1.15e-9)
    /// and applies one step of Halley's method on Φ(x) - p, which roughly cubes the error and
    /// brings the result to within a few ulps of the true quantile.
    ///
    /// - Parameter p: A probability.
    /// - Returns: x with Φ(x) = p; -∞ at 0, +∞ at 1, NaN outside [0, 1].
    public static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }

        // Work in the lower half and reflect. For p ≥ 1/2, 1 - p is exact (Sterbenz), and
        // the lower tail is where Φ(x) - p can be formed with relative precision.
        if p > 0.5 { return -normalQuantile(1 - p) }

        let start = acklamApproximation(p)

        // Halley's step for f(x) = Φ(x) - p, with f'(x) = φ(x) and f''(x) = -x φ(x):
        // x ← x - u / (1 + x u / 2), where u = f / f'.
        let residual = normalCDF(start) - p
        let step = residual * squareRootOfTwoPi * exp(0.5 * start * start)
        guard step.isFinite else { return start }
        return start - step / (1 + 0.5 * start * step)
    }

    /// Acklam's rational approximation to Φ⁻¹(p) for 0 < p ≤ 1/2, before refinement.
    ///
    /// Two regions: a rational function of (p - 1/2)² around the centre and of √(-2 ln p) in
    /// the tail, which straightens the quantile's logarithmic growth.
    static func acklamApproximation(_ p: Double) -> Double {
        if p < acklamTailBoundary {
            let q = (-2 * log(p)).squareRoot()
            return polynomial(acklamTailNumerator, q)
                / (polynomial(acklamTailDenominator, q) * q + 1)
        }
        let q = p - 0.5
        let r = q * q
        return polynomial(acklamCentralNumerator, r) * q
            / (polynomial(acklamCentralDenominator, r) * r + 1)
    }

    /// Horner evaluation with coefficients from the highest power down.
    private static func polynomial(_ coefficients: [Double], _ x: Double) -> Double {
        coefficients.reduce(0) { $0 * x + $1 }
    }

    private static let squareRootOfTwoPi = 2.506_628_274_631_000_5

    private static let acklamTailBoundary = 0.024_25

    private static let acklamCentralNumerator = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ]

    private static let acklamCentralDenominator = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01,
    ]

    private static let acklamTailNumerator = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ]

    private static let acklamTailDenominator = [
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00,
    ]
}
