/// Accumulates SVG elements and wraps them in an accessible, self-contained `<svg>` document.
///
/// Every text and attribute value goes through ``HTML/escape(_:)``; callers pass plain strings.
/// Coordinates are written with one decimal, which is a tenth of a pixel at the default size:
/// finer output only makes a long series heavier.
struct SVGWriter {
    /// The font stack for all chart text; system fonts only, nothing is downloaded.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"

    enum Anchor: String {
        case start, middle, end
    }

    private(set) var content = ""

    /// Appends an element with escaped attribute values and optional escaped text.
    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        content += "<\(name)"
        for (key, value) in attributes {
            content += " \(key)=\"\(HTML.escape(value))\""
        }
        if let text {
            content += ">\(HTML.escape(text))</\(name)>\n"
        } else {
            content += "/>\n"
        }
    }

    /// Opens a group; every `openGroup` needs a matching ``closeGroup()``.
    mutating func openGroup(_ attributes: [(String, String)]) {
        content += "<g"
        for (key, value) in attributes {
            content += " \(key)=\"\(HTML.escape(value))\""
        }
        content += ">\n"
    }

    mutating func closeGroup() {
        content += "</g>\n"
    }

    mutating func line(
        from start: (x: Double, y: Double), to end: (x: Double, y: Double), stroke: String,
        width: Double = 1, dash: String? = nil
    ) {
        var attributes = [
            ("x1", Self.number(start.x)), ("y1", Self.number(start.y)),
            ("x2", Self.number(end.x)), ("y2", Self.number(end.y)),
            ("stroke", stroke), ("stroke-width", Self.number(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("line", attributes)
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String,
        extra: [(String, String)] = []
    ) {
        element(
            "rect",
            [
                ("x", Self.number(x)), ("y", Self.number(y)),
                ("width", Self.number(max(0, width))), ("height", Self.number(max(0, height))),
                ("fill", fill),
            ] + extra)
    }

    mutating func text(
        _ text: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
        fill: String = ChartPalette.axisText, weight: String? = nil, rotation: Double? = nil
    ) {
        var attributes = [
            ("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size)),
            ("fill", fill),
        ]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if let weight { attributes.append(("font-weight", weight)) }
        if let rotation {
            let center = "\(Self.number(x)) \(Self.number(y))"
            attributes.append(("transform", "rotate(\(Self.number(rotation)) \(center))"))
        }
        element("text", attributes, text: text)
    }

    mutating func path(_ data: String, attributes: [(String, String)]) {
        guard !data.isEmpty else { return }
        element("path", [("d", data)] + attributes)
    }

    /// The finished `<svg>` element.
    ///
    /// `width="100%"` without a height lets the browser scale the chart to its container while
    /// keeping the viewBox's aspect ratio, so one chart serves a phone and a desktop.
    ///
    /// - Parameters:
    ///   - size: The viewBox size in user units.
    ///   - title: The chart's title; becomes the `<title>` child that screen readers announce.
    ///   - summary: A sentence describing the data, for `aria-label` and `<desc>`.
    func document(width: Double, height: Double, title: String, summary: String) -> String {
        let label = summary.isEmpty ? title : "\(title). \(summary)"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.number(width)) \
            \(Self.number(height))" width="100%" role="img" aria-label="\(HTML.escape(label))" \
            font-family="\(HTML.escape(Self.fontFamily))">
            <title>\(HTML.escape(title))</title>
            <desc>\(HTML.escape(summary))</desc>
            \(content)</svg>
            """
    }

    /// Writes a coordinate with at most one decimal and no trailing `.0`.
    ///
    /// Hand-rolled rather than `String(format:)` because a long series writes tens of thousands
    /// of coordinates; non-finite input would corrupt the path, so it is a programmer error.
    static func number(_ value: Double) -> String {
        precondition(value.isFinite, "SVG coordinates must be finite")
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        let fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(fraction)"
    }
}
