import Foundation

/// The rectangle, in viewBox units, where a chart draws its data.
struct PlotArea {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }
}

/// Maps data values to viewBox positions along one axis, linearly or by logarithm.
struct AxisMap {
    let lower: Double
    let upper: Double
    /// The position of `lower`; larger than `end` for a y axis, which grows downwards.
    let start: Double
    let end: Double
    let isLogarithmic: Bool

    init(lower: Double, upper: Double, start: Double, end: Double, isLogarithmic: Bool = false) {
        precondition(!isLogarithmic || lower > 0, "a log axis needs a positive lower bound")
        self.lower = lower
        self.upper = upper == lower ? lower + 1 : upper
        self.start = start
        self.end = end
        self.isLogarithmic = isLogarithmic
    }

    /// The position of `value`; values outside the bounds map outside the range.
    func callAsFunction(_ value: Double) -> Double {
        let fraction =
            isLogarithmic
            ? log(value / lower) / log(upper / lower)
            : (value - lower) / (upper - lower)
        return start + fraction * (end - start)
    }

    /// Whether `value` can be placed on this axis: plottable, and positive on a log axis.
    func canPlace(_ value: Double) -> Bool {
        Self.isPlottable(value) && (!isLogarithmic || value > 0)
    }

    /// Values beyond this magnitude are treated as gaps.
    ///
    /// A finite value such as 1e308 still breaks a chart: the span between it and its negative
    /// overflows to infinity and every position becomes NaN. No price, return or equity comes
    /// near this bound, so such a value is corrupt data and is better left out than drawn.
    static let largestPlottableMagnitude = 1e100

    static func isPlottable(_ value: Double) -> Bool {
        value.isFinite && abs(value) <= largestPlottableMagnitude
    }
}

/// Estimates rendered text width without a font engine.
///
/// Charts are laid out before any browser sees them, so widths are guessed from average glyph
/// widths of common sans-serif system fonts. The guess errs wide: a margin a few pixels too
/// generous looks fine, a clipped label does not.
enum TextMetrics {
    static func width(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "j", "l", ".", ",", ":", ";", "'", "|", "!", " ": ems += 0.3
            case "0"..."9", "-", "+", "%", "$": ems += 0.58
            case "M", "W", "m", "w", "@": ems += 0.9
            default: ems += character.isUppercase ? 0.7 : 0.56
            }
        }
        return ems * size
    }

    /// Shortens text to fit `maximumWidth`, ending it with an ellipsis when cut.
    static func truncated(_ text: String, size: Double, maximumWidth: Double) -> String {
        guard width(text, size: size) > maximumWidth else { return text }
        var kept = text
        while !kept.isEmpty, width(kept + "\u{2026}", size: size) > maximumWidth {
            kept.removeLast()
        }
        return kept + "\u{2026}"
    }
}
