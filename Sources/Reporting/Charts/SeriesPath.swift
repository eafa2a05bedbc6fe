/// Builds SVG path data for a series, breaking the line wherever a value is missing.
enum SeriesPath {
    /// Path data through the placeable points, one `M` subpath per run without gaps.
    ///
    /// A run of a single point becomes a zero-length subpath (`M x y h0`), which a round line cap
    /// draws as a dot, so an isolated value is still visible.
    ///
    /// - Parameters:
    ///   - indices: The points to draw, ascending (all points, or a downsampled subset).
    ///   - position: The viewBox position of a point, or nil where it cannot be placed (a gap).
    static func lines(indices: [Int], position: (Int) -> (x: Double, y: Double)?) -> String {
        var data = ""
        var runLength = 0
        for index in indices {
            guard let point = position(index) else {
                if runLength == 1 { data += "h0" }
                runLength = 0
                continue
            }
            data += runLength == 0 ? "M" : "L"
            data += "\(SVGWriter.number(point.x)) \(SVGWriter.number(point.y))"
            runLength += 1
        }
        if runLength == 1 { data += "h0" }
        return data
    }

    /// Path data drawing every placeable point as a dot (a zero-length subpath).
    static func dots(indices: [Int], position: (Int) -> (x: Double, y: Double)?) -> String {
        var data = ""
        for index in indices {
            guard let point = position(index) else { continue }
            data += "M\(SVGWriter.number(point.x)) \(SVGWriter.number(point.y))h0"
        }
        return data
    }
}
