import Testing

@testable import Reporting

@Suite struct HeatmapTests {
    private func rgb(_ css: String) -> (red: Int, green: Int, blue: Int) {
        let digits = Array(css.dropFirst())
        func byte(_ offset: Int) -> Int { Int(String(digits[offset..<offset + 2]), radix: 16)! }
        return (byte(0), byte(2), byte(4))
    }

    @Test(arguments: [-0.3, -0.05, -0.001, 0.001, 0.05, 0.3])
    func colourFollowsTheSign(value: Double) {
        let color = rgb(Heatmap.cellColor(value, limit: 0.3).css)
        if value < 0 {
            #expect(color.red > color.green, "loss \(value) should be red")
        } else {
            #expect(color.green > color.red, "gain \(value) should be green")
        }
    }

    @Test func colourDeepensWithMagnitudeAndZeroIsNeutral() {
        let zero = rgb(Heatmap.cellColor(0, limit: 0.1).css)
        #expect(zero.red == zero.green && zero.green == zero.blue)
        let small = rgb(Heatmap.cellColor(-0.01, limit: 0.1).css)
        let large = rgb(Heatmap.cellColor(-0.08, limit: 0.1).css)
        #expect(large.green < small.green)
    }

    @Test func textOnDarkCellsIsWhite() {
        #expect(Heatmap.cellColor(-0.1, limit: 0.1).text == "#ffffff")
        #expect(Heatmap.cellColor(0.1, limit: 0.1).text == "#ffffff")
        #expect(Heatmap.cellColor(0.001, limit: 0.1).text == "#111827")
    }

    @Test func monthlyReturnsHaveTwelveMonthsAndAYearColumn() {
        let months = (1...12).map { Double($0) / 1_000 - 0.006 }
        let heatmap = Heatmap.monthlyReturns(
            years: [2020, 2021], monthlyReturns: [months, months.map { _ in .nan }],
            yearlyReturns: [0.012, .nan])
        #expect(heatmap.columnLabels.count == 13 && heatmap.columnLabels.last == "Year")
        let svg = heatmap.render()
        let inspector = MarkupInspector(svg)
        #expect(inspector.isWellFormed)
        #expect(svg.contains(">-0.5%<") && svg.contains(">0.6%<") && svg.contains(">1.2%<"))
        // A year with no data still shows its 13 cells, as empty outlines.
        let emptyCells = inspector.elements.filter { $0.attributes["fill"] == "none" }
        #expect(emptyCells.count == 13)
    }

    @Test func summaryColumnsUseTheirOwnColourScale() {
        let heatmap = Heatmap(
            title: "t", rowLabels: ["2020"], columnLabels: ["Jan", "Year"], values: [[0.02, 0.4]],
            summaryColumnCount: 1)
        let fills = MarkupInspector(heatmap.render()).elements.filter { $0.name == "rect" }
            .compactMap { $0.attributes["fill"] }
        // Each value is the largest of its own scale, so both get the strongest green.
        #expect(fills.count == 2 && fills[0] == fills[1])
    }
}
