/// A piece of markup that is known to be safe to insert into a report as is.
///
/// Build one with string interpolation: the literal parts are written by the programmer and are
/// trusted, while every interpolated `String` is escaped. Only interpolated `TrustedHTML` goes in
/// unchanged. That makes the safe path the short one:
///
/// ```swift
/// let heading: TrustedHTML = "<h2 title=\"\(strategyName)\">\(strategyName)</h2>"
/// ```
///
/// Markup produced elsewhere (for example an SVG chart's `render()` output) can be wrapped with
/// ``init(uncheckedMarkup:)``, whose name is meant to stand out in review.
public struct TrustedHTML: Hashable, Sendable, CustomStringConvertible {
    /// The markup, ready to be written into a document.
    public private(set) var markup: String

    /// Wraps markup without escaping it; use only for markup this program generated.
    ///
    /// - Parameter markup: Markup whose every untrusted part has already been escaped.
    public init(uncheckedMarkup markup: String) {
        self.markup = markup
    }

    /// Escapes untrusted text so it displays literally.
    ///
    /// - Parameter text: Untrusted text, for example a value read from a user's file.
    public init(escaping text: String) {
        self.markup = HTML.escape(text)
    }

    /// Empty markup.
    public init() {
        self.markup = ""
    }

    public var description: String { markup }

    /// Joins fragments with an optional trusted separator.
    ///
    /// - Parameters:
    ///   - fragments: The fragments in order.
    ///   - separator: Markup placed between neighbouring fragments.
    /// - Returns: One fragment holding all of them.
    public static func joined(
        _ fragments: some Sequence<TrustedHTML>, separator: TrustedHTML = TrustedHTML()
    ) -> TrustedHTML {
        TrustedHTML(uncheckedMarkup: fragments.map(\.markup).joined(separator: separator.markup))
    }

    /// Appends another fragment.
    public static func += (lhs: inout TrustedHTML, rhs: TrustedHTML) {
        lhs.markup += rhs.markup
    }

    /// Concatenates two fragments.
    public static func + (lhs: TrustedHTML, rhs: TrustedHTML) -> TrustedHTML {
        TrustedHTML(uncheckedMarkup: lhs.markup + rhs.markup)
    }
}

extension TrustedHTML: ExpressibleByStringInterpolation {
    /// Collects literal markup as is and escapes interpolated strings.
    public struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        /// Literal parts are source code, so they are trusted.
        public mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Interpolated text is untrusted and is escaped.
        public mutating func appendInterpolation(_ text: String) {
            markup += HTML.escape(text)
        }

        /// Interpolated integers cannot carry markup.
        public mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }

        /// Interpolated trusted fragments go in unchanged.
        public mutating func appendInterpolation(_ fragment: TrustedHTML) {
            markup += fragment.markup
        }
    }

    /// A literal is source code written by the programmer, so it is trusted as markup.
    public init(stringLiteral value: String) {
        self.markup = value
    }

    public init(stringInterpolation: StringInterpolation) {
        self.markup = stringInterpolation.markup
    }
}
