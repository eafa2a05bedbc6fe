/// A one-line terminal chart made of the eight block characters ▁▂▃▄▅▆▇█.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Draws `values` as block characters, the lowest value as ▁ and the highest as █.
    ///
    /// A series longer than `width` is averaged in consecutive groups down to `width`
    /// characters; averaging keeps the overall shape, though a single extreme day is softened. A
    /// shorter series is not stretched: one character per value. NaN (or a group of only NaN)
    /// draws as a space, and a flat series as a row of ▄.
    ///
    /// - Parameters:
    ///   - values: The series; NaN is a gap.
    ///   - width: The most characters to use; 0 or less gives an empty string.
    /// - Returns: At most `width` characters.
    public static func render(_ values: [Double], width: Int) -> String {
        guard width > 0 else { return "" }
        let points = Downsampling.groupAverages(values, count: width)
        let finite = points.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            return String(repeating: " ", count: points.count)
        }

        // Halved, so that values near ±Double.greatestFiniteMagnitude (a corrupt equity.csv)
        // cannot overflow the span to infinity and the level to NaN.
        let span = high / 2 - low / 2
        return String(
            points.map { value -> Character in
                guard value.isFinite else { return " " }
                guard span > 0 else { return blocks[3] }
                let fraction = (value / 2 - low / 2) / span
                let level = Int((fraction * Double(blocks.count - 1)).rounded())
                return blocks[min(blocks.count - 1, max(0, level))]
            })
    }
}
