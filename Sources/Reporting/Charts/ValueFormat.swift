import Foundation

/// How a number is written on an axis, in a chart cell or in a table.
///
/// Output is locale-independent (`.` decimal point, `,` thousands separator) so a report reads
/// the same on every machine. NaN is written as an en dash and infinities as `∞`/`-∞`.
public enum ValueFormat: Sendable, Hashable {
    /// A plain number with thousands separators; `decimals` nil means automatic (2 in tables,
    /// just enough to tell axis ticks apart).
    case number(decimals: Int? = nil)
    /// A fraction shown as a percent (0.123 is `12.3%`); `signed` adds `+` to positive values.
    case percent(decimals: Int? = nil, signed: Bool = false)
    /// A short form with a suffix: `950`, `12.5k`, `1.2M`, `3.4B`, `1.5T`.
    case compact

    /// Writes one value on its own, as in a table cell.
    ///
    /// - Parameter value: The value; fractions for `.percent`.
    /// - Returns: The text, for example `12.34%`.
    public func string(for value: Double) -> String {
        switch self {
        case .number(let decimals):
            return Self.fixed(value, decimals: decimals ?? 2)
        case .percent(let decimals, let signed):
            return Self.percent(value, decimals: decimals ?? 1, signed: signed)
        case .compact:
            return Self.compact(value)
        }
    }

    /// Writes axis tick labels with a shared number of decimals, picked from the tick step.
    ///
    /// Ticks 0, 0.05, 0.1 need two decimals; with one they would read 0, 0.1, 0.1.
    ///
    /// - Parameters:
    ///   - ticks: Tick values in order.
    ///   - step: The distance between neighbouring ticks.
    /// - Returns: One label per tick.
    func tickLabels(for ticks: [Double], step: Double) -> [String] {
        switch self {
        case .number(let decimals):
            let places = decimals ?? Self.decimalsToResolve(step)
            return ticks.map { Self.fixed($0, decimals: places) }
        case .percent(let decimals, let signed):
            let places = decimals ?? Self.decimalsToResolve(step * 100)
            return ticks.map { Self.percent($0, decimals: places, signed: signed) }
        case .compact:
            // Three significant digits cannot tell 100,000.1 from 100,000.2; such a narrow axis
            // falls back to plain numbers with enough decimals.
            let labels = ticks.map(Self.compact)
            guard Set(labels).count == labels.count else {
                return ValueFormat.number().tickLabels(for: ticks, step: step)
            }
            return labels
        }
    }

    /// The fewest decimal places that show a multiple of `step` exactly (for 1-2-5 steps).
    static func decimalsToResolve(_ step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        // log10 of an exact power of ten can land a hair above the integer (log10(0.1) may be
        // -0.99999...); the nudge down keeps a step of 1 at 0 places and 0.1 at 1 place.
        return max(0, Int((-log10(step) - 1e-9).rounded(.up)))
    }

    /// Writes `value` with a fixed number of decimals and thousands separators.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if let special = nonFinite(value) { return special }
        let places = max(0, min(decimals, 12))
        var text = String(format: "%.\(places)f", value)
        if Double(text) == 0 { text = String(format: "%.\(places)f", 0.0) }
        return groupThousands(text)
    }

    /// Writes a fraction as a percent: `percent(0.1234, decimals: 1)` is `12.3%`.
    public static func percent(_ fraction: Double, decimals: Int, signed: Bool = false) -> String {
        if let special = nonFinite(fraction) { return special }
        let text = fixed(fraction * 100, decimals: decimals)
        let isPositive = !text.hasPrefix("-") && Double(text.filter { $0 != "," }) != 0
        return (signed && isPositive ? "+" : "") + text + "%"
    }

    /// Writes a number in a short form with a k/M/B/T suffix and at most 3 significant digits.
    public static func compact(_ value: Double) -> String {
        if let special = nonFinite(value) { return special }
        let magnitude = abs(value)
        let suffixes: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        // The 0.9995 threshold moves 999,950 up to "1M"; in "k" it would round to "1000k".
        for (unit, suffix) in suffixes where magnitude >= unit * 0.9995 {
            return trimmed(value / unit, significant: 3) + suffix
        }
        return trimmed(value, significant: 3)
    }

    /// Rounds to `significant` digits and drops trailing zeros: 1.20 -> "1.2", 12.0 -> "12".
    private static func trimmed(_ value: Double, significant: Int) -> String {
        guard value != 0 else { return "0" }
        let integerDigits = Int(floor(log10(abs(value)))) + 1
        let places = max(0, significant - integerDigits)
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    private static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "\u{2013}" }
        if value.isInfinite { return value > 0 ? "\u{221E}" : "-\u{221E}" }
        return nil
    }

    /// Inserts `,` every three digits of the integer part: "-1234567.8" -> "-1,234,567.8".
    private static func groupThousands(_ text: String) -> String {
        let isNegative = text.hasPrefix("-")
        let unsigned = isNegative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = Array(parts[0])
        guard integerPart.count >= 4 else { return text }
        var grouped = ""
        for (offset, digit) in integerPart.enumerated() {
            if offset > 0, (integerPart.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (isNegative ? "-" : "") + grouped + fraction
    }
}
