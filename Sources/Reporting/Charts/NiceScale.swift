import Foundation

/// Axis bounds and ticks at "nice" round numbers: 1, 2 or 5 times a power of ten.
///
/// People read 0, 20%, 40% faster than 0, 17.3%, 34.6%; the 1-2-5 sequence is the usual answer
/// (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990). The linear scale widens the
/// data range outwards to whole steps so the first and last ticks frame the data.
public struct NiceScale: Sendable, Equatable {
    /// The lower end of the axis; for a linear scale, the first tick.
    public let lower: Double
    /// The upper end of the axis; for a linear scale, the last tick.
    public let upper: Double
    /// The tick values, ascending.
    public let ticks: [Double]
    /// The distance between neighbouring ticks (linear), or the smallest such distance (log).
    public let step: Double
    /// Whether positions on the axis are proportional to the logarithm of the value.
    public let isLogarithmic: Bool

    /// A linear scale covering `minimum...maximum` with at most `targetCount + 1` ticks.
    ///
    /// A zero-width range is widened around its value so the axis still has two ticks.
    ///
    /// - Parameters:
    ///   - minimum: The smallest data value; must be finite.
    ///   - maximum: The largest data value; must be finite and at least `minimum`.
    ///   - targetCount: The desired number of intervals between ticks, at least 1.
    /// - Returns: A scale whose first tick is at or below `minimum` and last at or above `maximum`.
    public static func linear(minimum: Double, maximum: Double, targetCount: Int = 5) -> NiceScale {
        precondition(minimum.isFinite && maximum.isFinite, "NiceScale needs finite bounds")
        precondition(minimum <= maximum, "NiceScale needs minimum <= maximum")
        var low = minimum
        var high = maximum
        if high - low < max(abs(low), abs(high)) * 1e-12 || high == low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }

        let step = NiceStep(covering: (high - low) / Double(max(1, targetCount)))
        let first = (low / step.value + 1e-9).rounded(.down)
        let last = (high / step.value - 1e-9).rounded(.up)
        let ticks = stride(from: first, through: last, by: 1).map { step.multiple(Int($0)) }
        return NiceScale(
            lower: ticks[0], upper: ticks[ticks.count - 1], ticks: ticks, step: step.value,
            isLogarithmic: false)
    }

    /// A logarithmic scale over `minimum...maximum`, both positive, with ticks at 1, 2 and 5
    /// times powers of ten.
    ///
    /// The bounds stay at the data (a log axis has no natural zero to widen to). When more than
    /// about `targetCount` such ticks fit, only powers of ten are kept; when fewer than two fit,
    /// as on an equity curve that barely moved, the ticks come from the linear 1-2-5 rule.
    ///
    /// - Parameters:
    ///   - minimum: The smallest data value; must be positive and finite.
    ///   - maximum: The largest data value; must be finite and at least `minimum`.
    ///   - targetCount: The desired number of ticks.
    public static func logarithmic(minimum: Double, maximum: Double, targetCount: Int = 6)
        -> NiceScale
    {
        precondition(minimum > 0 && maximum.isFinite, "a log scale needs positive finite bounds")
        precondition(minimum <= maximum, "NiceScale needs minimum <= maximum")
        var low = minimum
        var high = maximum
        if high / low < 1.000_001 {
            low /= 1.1
            high *= 1.1
        }

        let firstDecade = Int(floor(log10(low)))
        let lastDecade = Int(ceil(log10(high)))
        let inRange = { (value: Double) in value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9) }
        var ticks: [Double] = []
        for decade in firstDecade...lastDecade {
            for mantissa in [1, 2, 5] {
                let value = NiceStep(mantissa: 1, exponent: decade).multiple(mantissa)
                if inRange(value) { ticks.append(value) }
            }
        }
        if ticks.count > targetCount + 1 {
            ticks = (firstDecade...lastDecade).map { NiceStep(mantissa: 1, exponent: $0).value }
                .filter(inRange)
        }
        if ticks.count < 2 {
            let linear = NiceScale.linear(minimum: low, maximum: high, targetCount: 4)
            ticks = linear.ticks.filter { $0 > 0 && inRange($0) }
            if ticks.count < 2 { ticks = [low, high] }
        }
        let gaps = zip(ticks.dropFirst(), ticks).map { $0 - $1 }
        return NiceScale(
            lower: low, upper: high, ticks: ticks, step: gaps.min() ?? high - low,
            isLogarithmic: true)
    }
}

/// A step of the form mantissa × 10^exponent with mantissa 1, 2 or 5.
struct NiceStep {
    let mantissa: Int
    let exponent: Int

    init(mantissa: Int, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// The smallest 1-2-5 step that is at least `roughStep`.
    init(covering roughStep: Double) {
        precondition(roughStep > 0 && roughStep.isFinite, "a tick step must be positive")
        var exponent = Int(floor(log10(roughStep)))
        let fraction = roughStep / pow(10, Double(exponent))
        let mantissa: Int
        switch fraction {
        case ...1.000_000_1: mantissa = 1
        case ...2.000_000_1: mantissa = 2
        case ...5.000_000_1: mantissa = 5
        default:
            mantissa = 1
            exponent += 1
        }
        self.init(mantissa: mantissa, exponent: exponent)
    }

    var value: Double { multiple(1) }

    /// `count` steps, computed so that decimal values come out as the nearest Double.
    ///
    /// Multiplying by 0.1 accumulates error (3 × 0.1 is 0.30000000000000004); dividing an exact
    /// integer by an exact power of ten rounds once, so labels and equality checks stay clean.
    func multiple(_ count: Int) -> Double {
        let units = Double(count * mantissa)
        if exponent >= 0 {
            return units * pow(10, Double(exponent))
        }
        return units / pow(10, Double(-exponent))
    }
}
