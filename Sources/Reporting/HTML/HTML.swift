/// Escaping for text that goes into an HTML or SVG document.
///
/// Reports show strings that came from user files: strategy names, ticker symbols, fold labels.
/// Every such string passes through ``escape(_:)`` before it reaches markup; ``TrustedHTML`` and
/// ``HTMLTable`` do that by default so a caller has to opt out explicitly.
public enum HTML {
    /// Escapes text for use as element content or as a quoted attribute value.
    ///
    /// Replaces `&`, `<`, `>`, `"` and `'` with entities, so the result is safe both between tags
    /// and inside single- or double-quoted attributes. Characters that XML 1.0 forbids outright
    /// (most C0 controls, U+FFFE, U+FFFF) become U+FFFD: inline SVG is parsed as XML by some
    /// tools, and one stray control byte from a data file would make the whole report unreadable.
    ///
    /// - Parameter text: Untrusted text.
    /// - Returns: The text with markup characters replaced by entities.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default:
                if isAllowedInXML(scalar) {
                    escaped.unicodeScalars.append(scalar)
                } else {
                    escaped += "\u{FFFD}"
                }
            }
        }
        return escaped
    }

    /// Whether XML 1.0 permits the scalar in a document (the `Char` production of the spec).
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
