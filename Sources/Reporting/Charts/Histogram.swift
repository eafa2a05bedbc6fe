import Foundation

/// A histogram from bin edges and counts, with an optional fitted normal curve on top.
///
/// Daily returns have fatter tails than a normal distribution; drawing the normal curve with the
/// same mean and standard deviation over the bars makes that visible at a glance. The curve is
/// scaled to counts: the expected count of a bin of width w is n · w · φ(x).
public struct Histogram: Sendable {
    /// A normal distribution to draw over the bars.
    public struct NormalCurve: Sendable {
        /// The mean, in the same units as the bin edges.
        public var mean: Double
        /// The standard deviation; must be positive.
        public var standardDeviation: Double

        /// Creates a normal curve.
        public init(mean: Double, standardDeviation: Double) {
            self.mean = mean
            self.standardDeviation = standardDeviation
        }
    }

    /// The title, shown at the top and announced to screen readers.
    public var title: String
    /// Bin boundaries, ascending; one more than there are bins.
    public var binEdges: [Double]
    /// The number of observations in each bin.
    public var counts: [Int]
    /// A normal curve to draw over the bars, or nil.
    public var normalOverlay: NormalCurve?
    /// How the x-axis labels (bin edges) are written.
    public var valueFormat: ValueFormat
    /// The legend name of the bars; escaped when rendered.
    public var barName = "Observed"
    /// The viewBox width; the element itself always scales to its container.
    public var width: Double = 960
    /// The viewBox height.
    public var height: Double = 320

    /// Creates a histogram.
    ///
    /// - Parameters:
    ///   - title: Chart title; escaped when rendered.
    ///   - binEdges: `counts.count + 1` finite boundaries, ascending.
    ///   - counts: Observations per bin, not negative.
    ///   - normalOverlay: A normal curve to draw over the bars.
    ///   - valueFormat: How the x-axis labels are written; percent by default, for returns.
    public init(
        title: String, binEdges: [Double], counts: [Int], normalOverlay: NormalCurve? = nil,
        valueFormat: ValueFormat = .percent()
    ) {
        precondition(
            binEdges.count == counts.count + 1 || (counts.isEmpty && binEdges.isEmpty),
            "a histogram needs one more bin edge than bins")
        precondition(zip(binEdges, binEdges.dropFirst()).allSatisfy { $0 < $1 })
        precondition(binEdges.allSatisfy(\.isFinite) && counts.allSatisfy { $0 >= 0 })
        precondition(normalOverlay.map { $0.standardDeviation > 0 } ?? true)
        self.title = title
        self.binEdges = binEdges
        self.counts = counts
        self.normalOverlay = normalOverlay
        self.valueFormat = valueFormat
    }

    /// Renders the chart as an `<svg>` element.
    public func render() -> String {
        var writer = SVGWriter()
        guard let low = binEdges.first, let high = binEdges.last, !counts.isEmpty else {
            writer.drawTitle(title, chartWidth: width)
            writer.drawNoDataMessage(width: width, height: height)
            return writer.document(width: width, height: height, title: title, summary: "No data.")
        }

        writer.drawTitle(title, chartWidth: width)
        var legendItems = [ChartLegend.Item(name: barName, color: ChartPalette.bar, swatch: .block)]
        if let normalOverlay {
            let name =
                "Normal (mean \(valueFormat.string(for: normalOverlay.mean)), sd "
                + "\(valueFormat.string(for: normalOverlay.standardDeviation)))"
            legendItems.append(
                .init(name: name, color: ChartPalette.overlay, swatch: .line(dashed: false)))
        }
        let legend = ChartLegend(items: legendItems, left: 12, maximumWidth: width - 24)
        legend.draw(into: &writer, top: 32)

        let curve = normalCurvePoints(low: low, high: high)
        let tallest = max(Double(counts.max() ?? 0), curve.map(\.count).max() ?? 0)
        let countScale = NiceScale.linear(minimum: 0, maximum: max(1, tallest), targetCount: 4)
        let countLabels = ValueFormat.compact.tickLabels(for: countScale.ticks, step: 1)
        let labelWidth = countLabels.map { TextMetrics.width($0, size: ChartPalette.labelSize) }
        let area = PlotArea(
            left: max(44, (labelWidth.max() ?? 0) + 20), top: 32 + legend.height + 14,
            right: width - 20, bottom: height - 34)
        let xScale = NiceScale.linear(minimum: low, maximum: high, targetCount: 8)
        let xMap = AxisMap(
            lower: xScale.lower, upper: xScale.upper, start: area.left, end: area.right)
        let yMap = AxisMap(
            lower: 0, upper: countScale.upper, start: area.bottom, end: area.top)

        writer.drawValueGrid(
            ticks: countScale.ticks, labels: countLabels, map: yMap, area: area)
        let xLabels = valueFormat.tickLabels(for: xScale.ticks, step: xScale.step)
        writer.drawBottomAxis(
            ticks: zip(xScale.ticks, xLabels).map { (xMap($0), $1) }, area: area,
            chartWidth: width)
        drawBars(xMap: xMap, yMap: yMap, into: &writer)
        if xScale.lower < 0, xScale.upper > 0 {
            writer.line(
                from: (xMap(0), area.top), to: (xMap(0), area.bottom),
                stroke: ChartPalette.zeroLine, dash: "3 3")
        }
        let curveData = SeriesPath.lines(indices: Array(curve.indices)) {
            (xMap(curve[$0].x), yMap(curve[$0].count))
        }
        writer.path(
            curveData,
            attributes: [
                ("fill", "none"), ("stroke", ChartPalette.overlay), ("stroke-width", "2"),
                ("stroke-linejoin", "round"),
            ])

        let total = counts.reduce(0, +)
        let summary =
            "Histogram of \(total) observations in \(counts.count) bins from "
            + "\(valueFormat.string(for: low)) to \(valueFormat.string(for: high))."
        return writer.document(width: width, height: height, title: title, summary: summary)
    }

    private func drawBars(xMap: AxisMap, yMap: AxisMap, into writer: inout SVGWriter) {
        writer.openGroup([("class", "bars"), ("fill", ChartPalette.bar), ("fill-opacity", "0.8")])
        for (bin, count) in counts.enumerated() where count > 0 {
            let left = xMap(binEdges[bin])
            let right = xMap(binEdges[bin + 1])
            // A hairline gap separates neighbouring bars, unless bars are too thin to spare it.
            let gap = right - left > 4 ? 1.0 : 0
            let top = yMap(Double(count))
            writer.element(
                "rect",
                [
                    ("x", SVGWriter.number(left + gap / 2)), ("y", SVGWriter.number(top)),
                    ("width", SVGWriter.number(max(0.5, right - left - gap))),
                    ("height", SVGWriter.number(yMap(0) - top)),
                ])
        }
        writer.closeGroup()
    }

    /// The normal curve as expected counts at 160 evenly spaced points across the bins.
    private func normalCurvePoints(low: Double, high: Double) -> [(x: Double, count: Double)] {
        guard let normal = normalOverlay else { return [] }
        let total = Double(counts.reduce(0, +))
        let meanBinWidth = (high - low) / Double(counts.count)
        let sampleCount = 160
        return (0...sampleCount).map { step in
            let x = low + (high - low) * Double(step) / Double(sampleCount)
            let z = (x - normal.mean) / normal.standardDeviation
            let density =
                exp(-0.5 * z * z) / (normal.standardDeviation * (2 * Double.pi).squareRoot())
            return (x, total * meanBinWidth * density)
        }
    }
}
