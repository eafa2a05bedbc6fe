import Testing

@testable import Reporting

@Suite struct HTMLTableTests {
    private func sampleTable() -> HTMLTable {
        HTMLTable(
            columns: [HTMLTable.Column(TestData.hostile), .numeric("Return")],
            rows: [
                [.text(TestData.hostile), .number(-0.0123, format: .percent(decimals: 2))],
                ["SPY", .number(0.25, format: .percent())],
                [.markup("<span class=\"honest\">ok</span>"), .number(.nan)],
            ],
            caption: TestData.hostile)
    }

    @Test func headersCellsAndCaptionAreEscapedByDefault() throws {
        let markup = sampleTable().render().markup
        #expect(!markup.contains("<script"))
        #expect(markup.contains("&lt;script&gt;alert(&quot;x&quot;)"))
        let inspector = MarkupInspector(markup)
        #expect(inspector.isWellFormed)
        #expect(inspector.activeContent.isEmpty)
    }

    @Test func numericColumnsAreRightAlignedAndNegativesMarked() {
        let markup = sampleTable().render().markup
        #expect(markup.contains("<th scope=\"col\" class=\"num\">Return</th>"))
        #expect(markup.contains("<td class=\"num neg\">-1.23%</td>"))
        #expect(markup.contains("<td class=\"num\">25.0%</td>"))
        #expect(markup.contains("<td class=\"num\">\u{2013}</td>"))
    }

    @Test func markupCellsAreInsertedUnchanged() {
        #expect(sampleTable().render().markup.contains("<td><span class=\"honest\">ok</span></td>"))
    }

    @Test func tableSitsInAScrollingWrapper() {
        #expect(sampleTable().render().markup.hasPrefix("<div class=\"table-wrap\"><table>"))
    }
}
