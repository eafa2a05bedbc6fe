/// Number and cell formatting shared by every CSV a run writes.
public enum CSVFormat {
    /// The shortest text that reads back to exactly `value` (17 significant digits at most,
    /// never fewer than the value needs); `nan`, `inf` and `-inf` for the non-finite.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == 0 { return "0" }
        return "\(value)"
    }

    /// An optional number: empty when absent.
    public static func number(_ value: Double?) -> String {
        value.map(number) ?? ""
    }

    /// A text cell, quoted when it holds a comma, a quote or a line break (RFC 4180).
    public static func text(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Rows joined with commas, LF line ends and a final newline.
    public static func table(header: [String], rows: [[String]]) -> String {
        var output = header.joined(separator: ",") + "\n"
        for row in rows { output += row.joined(separator: ",") + "\n" }
        return output
    }
}
