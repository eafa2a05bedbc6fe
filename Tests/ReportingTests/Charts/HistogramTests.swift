import Foundation
import Testing

@testable import Reporting

@Suite struct HistogramTests {
    private let edges = (-5...5).map { Double($0) / 100 }
    private let counts = [1, 3, 12, 40, 90, 85, 38, 14, 4, 2]

    @Test func drawsOneBarPerNonEmptyBin() {
        var counts = counts
        counts[0] = 0
        let svg = Histogram(title: "Returns", binEdges: edges, counts: counts).render()
        let inspector = MarkupInspector(svg)
        #expect(inspector.isWellFormed)
        let bars = inspector.elements.filter { $0.name == "rect" && $0.attributes["fill"] == nil }
        #expect(bars.count == 9)
    }

    @Test func normalOverlayAddsACurveAndALegendEntry() {
        let histogram = Histogram(
            title: "Returns", binEdges: edges, counts: counts,
            normalOverlay: .init(mean: 0.001, standardDeviation: 0.012))
        let svg = histogram.render()
        #expect(svg.contains("Normal (mean 0.1%, sd 1.2%)"))
        let curve = MarkupInspector(svg).elements.first {
            $0.name == "path" && $0.attributes["stroke"] == ChartPalette.overlay
        }
        #expect(curve?.attributes["d"]?.filter { $0 == "L" }.count == 160)
    }

    @Test func barHeightsAreProportionalToCounts() throws {
        let svg = Histogram(title: "Returns", binEdges: [0, 1, 2], counts: [10, 20]).render()
        let heights = try MarkupInspector(svg).elements
            .filter { $0.name == "rect" && $0.attributes["fill"] == nil }
            .map { try #require(Double($0.attributes["height"] ?? "")) }
        #expect(heights.count == 2)
        #expect(abs(heights[1] / heights[0] - 2) < 0.02)
    }
}
