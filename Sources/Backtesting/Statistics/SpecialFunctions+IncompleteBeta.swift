import Foundation

extension SpecialFunctions {
    /// The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
    ///
    /// Evaluated by the continued fraction of Abramowitz & Stegun 26.5.8 with the modified
    /// Lentz method (Lentz 1976; Thompson & Barnett 1986, J. Comput. Phys. 64), in the manner
    /// popularised by Press et al., *Numerical Recipes*, §6.4. The fraction converges quickly
    /// only for x < (a + 1) / (a + b + 2); beyond that the symmetry I_x(a, b) = 1 - I_{1-x}(b, a)
    /// moves the evaluation to the fast side.
    ///
    /// - Parameters:
    ///   - x: The upper limit of integration, in [0, 1].
    ///   - a: The first shape parameter, > 0.
    ///   - b: The second shape parameter, > 0.
    /// - Returns: I_x(a, b) in [0, 1], or NaN outside the domain.
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, x >= 0, x <= 1, a.isFinite, b.isFinite else { return .nan }
        return incompleteBeta(x: x, complement: 1 - x, a: a, b: b)
    }

    /// I_x(a, b) given both x and 1 - x, so callers that know 1 - x exactly can pass it.
    static func incompleteBeta(x: Double, complement y: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        if x > (a + 1) / (a + b + 2) {
            // After the swap x < (b + 1) / (a + b + 2), so this recursion happens at most once.
            return 1 - incompleteBeta(x: y, complement: x, a: b, b: a)
        }

        // The prefactor x^a (1-x)^b / (a B(a, b)) is formed in logs: both powers under- or
        // overflow for the large shape parameters that t tests with many observations use.
        let logBeta = logGamma(a) + logGamma(b) - logGamma(a + b)
        let logPrefactor = a * log(x) + b * log(y) - logBeta
        return exp(logPrefactor) * betaContinuedFraction(x: x, a: a, b: b) / a
    }

    /// The continued fraction 1 / (1 + d1 / (1 + d2 / (1 + …))) of A&S 26.5.8, by modified Lentz.
    ///
    /// Lentz's method evaluates the denominator g = 1 + d1 / (1 + d2 / …) front to back by
    /// carrying the ratios C_m = g_m / g_{m-1} and D_m = B_{m-1} / B_m of successive
    /// convergents instead of their numerators and denominators, which would overflow; a zero
    /// denominator is nudged to a tiny number, which the method tolerates by design.
    private static func betaContinuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let tolerance = 1e-16
        // The fraction needs O(√max(a, b)) terms on its fast side (Numerical Recipes §6.4),
        // a few hundred even for t tests on a million rows; the cap is only a backstop.
        let maximumTermPairs = 10_000

        var ratioC = 1.0
        var ratioD = 0.0
        var value = 1.0

        // Applies one partial numerator and returns the factor it changed the value by.
        func absorb(_ numerator: Double) -> Double {
            ratioD = 1 + numerator * ratioD
            if abs(ratioD) < tiny { ratioD = tiny }
            ratioC = 1 + numerator / ratioC
            if abs(ratioC) < tiny { ratioC = tiny }
            ratioD = 1 / ratioD
            let factor = ratioC * ratioD
            value *= factor
            return factor
        }

        // d1 = -(a + b) x / (a + 1) is the odd term with m = 0.
        _ = absorb(-(a + b) * x / (a + 1))
        for termIndex in 1...maximumTermPairs {
            let m = Double(termIndex)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            _ = absorb(even)
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            if abs(absorb(odd) - 1) < tolerance { break }
        }
        return 1 / value
    }
}
