import Testing

@testable import Reporting

@Suite struct HTMLEscapingTests {
    @Test func escapeReplacesEveryMarkupCharacter() {
        #expect(
            HTML.escape(TestData.hostile)
                == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;")
    }

    @Test func escapeLeavesOrdinaryTextAlone() {
        #expect(HTML.escape("SPY 2005–2024, Zürich ✓") == "SPY 2005–2024, Zürich ✓")
    }

    @Test func escapeReplacesCharactersXMLForbids() {
        #expect(HTML.escape("a\u{0}b\u{1B}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
        #expect(HTML.escape("\u{FFFE}") == "\u{FFFD}")
    }

    @Test func interpolatedStringsAreEscapedAndLiteralsAreNot() {
        let name = TestData.hostile
        let fragment: TrustedHTML = "<p class=\"name\" title=\"\(name)\">\(name)</p>"
        #expect(fragment.markup.hasPrefix("<p class=\"name\" title=\"&lt;script&gt;"))
        #expect(!fragment.markup.contains("<script"))
        #expect(MarkupInspector(fragment.markup).isWellFormed)
    }

    @Test func interpolatedTrustedFragmentsAreKept() {
        let badge: TrustedHTML = "<span class=\"honest\">audited</span>"
        let line: TrustedHTML = "<p>\(badge) \(3)</p>"
        #expect(line.markup == "<p><span class=\"honest\">audited</span> 3</p>")
    }

    @Test func fragmentsJoinWithATrustedSeparator() {
        let parts: [TrustedHTML] = ["<b>a</b>", TrustedHTML(escaping: "<i>")]
        #expect(TrustedHTML.joined(parts, separator: "<br/>").markup == "<b>a</b><br/>&lt;i&gt;")
    }
}
