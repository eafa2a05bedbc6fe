import Foundation

/// Special functions behind the probabilities and p-values in this folder, in Double precision.
///
/// Each function is small and names the paper its approximation comes from, so a p-value in a
/// report can be traced to a formula. Arguments outside a function's domain give NaN rather
/// than trapping: these run on data, and an undefined statistic is written `nan`.
public enum SpecialFunctions {
    /// The standard normal cumulative distribution function Φ(x).
    ///
    /// Evaluated as `erfc(-x / √2) / 2` rather than through `erf`: for negative x, `1 + erf`
    /// cancels to zero long before Φ underflows (Φ(-10) ≈ 7.6e-24), while `erfc` keeps full
    /// relative precision in the lower tail.
    public static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x * halfSquareRootOfTwo)
    }

    /// The natural logarithm of |Γ(x)|.
    ///
    /// A thin wrapper over the C library's `lgamma_r`, accurate to a few ulps for positive
    /// arguments. The reentrant form matters: plain `lgamma` stores the sign of Γ in the
    /// global `signgam`, a data race once statistics are computed on several threads.
    public static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// The cumulative distribution function of Student's t distribution.
    ///
    /// Uses the identity P(|T| > |t|) = I_x(ν/2, 1/2) with x = ν / (ν + t²), where I is the
    /// regularised incomplete beta function (Abramowitz & Stegun 26.7.1 and 26.5.27).
    ///
    /// - Parameters:
    ///   - t: The point at which to evaluate the distribution function.
    ///   - degreesOfFreedom: ν > 0; need not be an integer.
    /// - Returns: P(T ≤ t), or NaN when `degreesOfFreedom` is not positive or `t` is NaN.
    public static func studentTCDF(_ t: Double, degreesOfFreedom: Double) -> Double {
        let tail = studentTTwoSidedTail(t, degreesOfFreedom: degreesOfFreedom)
        return t > 0 ? 1 - 0.5 * tail : 0.5 * tail
    }

    /// P(|T| ≥ |t|) for Student's t with ν degrees of freedom: a two-sided p-value.
    ///
    /// Computed directly rather than as `2 * (1 - cdf)` so that small p-values keep their
    /// relative precision instead of cancelling against 1.
    static func studentTTwoSidedTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        let squared = t * t
        guard squared.isFinite else { return 0 }

        // x and 1 - x are both formed as ratios so neither suffers from cancellation.
        let denominator = nu + squared
        return incompleteBeta(
            x: nu / denominator, complement: squared / denominator, a: nu / 2, b: 0.5)
    }

    /// 1/√2, written out so Φ multiplies instead of divides by a rounded √2.
    static let halfSquareRootOfTwo = 0.707_106_781_186_547_524_4
}
