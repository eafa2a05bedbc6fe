import Testing

@testable import Reporting

/// Every chart, fed hostile text everywhere text can go, must stay inert, well-formed SVG.
@Suite struct ChartMarkupTests {
    static let hostile = TestData.hostile
    static let days = TestData.weekdays(from: 12_000, count: 300)
    static let equity = TestData.randomWalk(count: 300, start: 100_000, volatility: 0.01, seed: 3)

    static let charts: [(name: String, svg: String)] = [
        (
            "line",
            LineChart(
                title: hostile, days: days,
                series: [
                    .init(name: hostile, values: equity),
                    .init(name: "b", values: equity.map { $0 * 0.9 }, style: .dashed),
                ],
                markers: [.init(day: days[150], label: hostile)], valueFormat: .compact,
                usesLogScale: true
            ).render()
        ),
        (
            "area",
            AreaChart(
                title: hostile, days: days, values: equity.map { $0 / 110_000 - 1 },
                seriesName: hostile, markers: [.init(day: days[10], label: hostile)]
            ).render()
        ),
        (
            "forecast",
            ForecastOverlayChart(
                title: hostile, days: days, forecast: equity, actual: equity.reversed(),
                style: .points
            ).render()
        ),
        (
            "heatmap",
            Heatmap(
                title: hostile, rowLabels: [hostile, "2021"], columnLabels: [hostile, "Year"],
                values: [[0.01, .nan], [-0.02, 0.3]], summaryColumnCount: 1
            ).render()
        ),
        (
            "histogram",
            {
                var histogram = Histogram(
                    title: hostile, binEdges: [-0.02, -0.01, 0, 0.01, 0.02],
                    counts: [3, 10, 12, 4],
                    normalOverlay: .init(mean: 0, standardDeviation: 0.01))
                histogram.barName = hostile
                return histogram.render()
            }()
        ),
        (
            "single day",
            LineChart(
                title: hostile, days: [days[0]], series: [.init(name: hostile, values: [1])],
                markers: [.init(day: days[0], label: hostile)], showsZeroLine: true
            ).render()
        ),
        ("empty line", LineChart(title: hostile, days: [], series: []).render()),
        ("empty area", AreaChart(title: hostile, days: [], values: []).render()),
        ("empty histogram", Histogram(title: hostile, binEdges: [], counts: []).render()),
    ]

    @Test(arguments: charts.map(\.name))
    func chartIsWellFormedXML(name: String) throws {
        let svg = try #require(Self.charts.first { $0.name == name }?.svg)
        let inspector = MarkupInspector(svg)
        #expect(inspector.isWellFormed, "\(String(describing: inspector.parseError))")
    }

    @Test(arguments: charts.map(\.name))
    func hostileTextStaysInert(name: String) throws {
        let svg = try #require(Self.charts.first { $0.name == name }?.svg)
        #expect(!svg.lowercased().contains("<script"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(MarkupInspector(svg).activeContent.isEmpty)
    }

    @Test(arguments: charts.map(\.name))
    func chartIsAnAccessibleResponsiveImage(name: String) throws {
        let svg = try #require(Self.charts.first { $0.name == name }?.svg)
        let inspector = MarkupInspector(svg)
        #expect(inspector.elementNames.first == "svg")
        #expect(inspector.elementNames.dropFirst().first == "title")
        #expect(inspector.attributeValues("role", of: "svg") == ["img"])
        #expect(inspector.attributeValues("width", of: "svg") == ["100%"])
        #expect(inspector.attributeValues("viewBox", of: "svg").first?.hasPrefix("0 0 ") == true)
        let label = try #require(inspector.attributeValues("aria-label", of: "svg").first)
        #expect(label.hasPrefix(Self.hostile))
        #expect(
            inspector.attributeValues("font-family", of: "svg").first?.hasPrefix("system-ui")
                == true)
    }

    @Test(arguments: charts.map(\.name))
    func chartAsksForNothingOutside(name: String) throws {
        let svg = try #require(Self.charts.first { $0.name == name }?.svg)
        let withoutNamespace = svg.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        #expect(!withoutNamespace.contains("http:") && !withoutNamespace.contains("https:"))
        #expect(!svg.contains("url("))
    }
}
