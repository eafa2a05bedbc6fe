import Testing

@testable import Reporting

@Suite struct LineChartTests {
    private let days = TestData.weekdays(from: 16_000, count: 40)

    private func pathData(_ svg: String, series name: String) throws -> String {
        let path = try #require(MarkupInspector(svg).element(where: "data-series", is: name))
        return try #require(path["d"])
    }

    @Test func gapsSplitTheLineIntoSeparateSegments() throws {
        var values = (0..<40).map { Double($0) }
        values[10] = .nan
        values[20] = .nan
        values[21] = .nan
        values[30] = .nan
        values[32] = .nan
        let svg = LineChart(
            title: "Gaps", days: days, series: [.init(name: "s", values: values)]
        ).render()

        let data = try pathData(svg, series: "s")
        #expect(data.filter { $0 == "M" }.count == 5)
        // The lone value at index 31 becomes a zero-length subpath that shows as a dot.
        #expect(data.filter { $0 == "h" }.count == 1)
        #expect(!data.contains("nan") && !data.contains("NaN"))
    }

    @Test func longSeriesAreDownsampledBelowTheLimit() throws {
        let longDays = TestData.weekdays(from: 12_000, count: 5_200)
        let values = TestData.randomWalk(count: 5_200, start: 100, volatility: 0.015, seed: 5)
        let svg = LineChart(
            title: "Twenty years", days: longDays, series: [.init(name: "s", values: values)]
        ).render()

        let data = try pathData(svg, series: "s")
        let pointCount = data.filter { $0 == "M" || $0 == "L" }.count
        #expect(pointCount <= 2_000 && pointCount > 1_000)
        #expect(svg.utf8.count < 60_000)
    }

    @Test func logScaleTurnsNonPositiveValuesIntoGaps() throws {
        let values = (0..<40).map { $0 == 5 ? -1.0 : Double($0 + 1) }
        let svg = LineChart(
            title: "Log", days: days, series: [.init(name: "s", values: values)],
            usesLogScale: true
        ).render()
        let data = try pathData(svg, series: "s")
        #expect(data.filter { $0 == "M" }.count == 2)
        #expect(MarkupInspector(svg).isWellFormed)
    }

    @Test func zeroLineWidensTheAxisToIncludeZero() throws {
        let chart = LineChart(
            title: "Zero", days: days, series: [.init(name: "s", values: days.map { _ in 5 })],
            showsZeroLine: true)
        let range = try #require(chart.valueRange())
        #expect(range.minimum == 0 && range.maximum == 5)
    }

    @Test func markersOutsideTheDatesAreLeftOut() {
        let svg = LineChart(
            title: "Markers", days: days, series: [.init(name: "s", values: days.map(Double.init))],
            markers: [.init(day: days[5], label: "fold 1"), .init(day: 1, label: "fold 0")]
        ).render()
        #expect(svg.contains(">fold 1<"))
        #expect(!svg.contains(">fold 0<"))
    }

    @Test func crowdedMarkerLabelsDoNotOverlap() {
        let markers = (0..<40).map { LineChart.Marker(day: days[$0], label: "fold \($0)") }
        let svg = LineChart(
            title: "Markers", days: days, series: [.init(name: "s", values: days.map(Double.init))],
            markers: markers
        ).render()
        let labelCount = (0..<40).filter { svg.contains(">fold \($0)<") }.count
        #expect(labelCount > 3 && labelCount < 40)
    }

    @Test func absurdValuesBecomeGapsInsteadOfBreakingTheAxis() throws {
        var values = days.map { Double($0 % 7) }
        values[3] = 1e308
        values[4] = -1e308
        values[5] = .infinity
        let line = LineChart(title: "t", days: days, series: [.init(name: "s", values: values)])
        let area = AreaChart(title: "t", days: days, values: values)
        for svg in [line.render(), area.render()] {
            #expect(MarkupInspector(svg).isWellFormed)
        }
        let data = try pathData(line.render(), series: "s")
        #expect(data.filter { $0 == "M" }.count == 2)
    }

    @Test func seriesWithoutPlaceableValuesRendersAnEmptyChart() {
        let svg = LineChart(
            title: "Empty", days: days, series: [.init(name: "s", values: days.map { _ in .nan })]
        ).render()
        #expect(svg.contains("No data to show"))
        #expect(MarkupInspector(svg).isWellFormed)
    }
}
