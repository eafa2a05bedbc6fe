import Testing

@testable import MarketData

@Suite struct JSONParserTests {
    @Test func parsesValuesWithTheirLines() throws {
        let root = try JSONParser.parse(
            "{\n  \"a\": [1, 2.5e1],\n  \"b\": {\"c\": \"x\\u00e9\\n\"},\n"
                + "  \"d\": true,\n  \"e\": null\n}"
        )
        #expect(root["a"]?.line == 2)
        #expect(root["a"]?.array?.map(\.number) == [1, 25])
        #expect(root["b"]?["c"]?.string == "xé\n")
        #expect(root["b"]?.line == 3)
        #expect(root["d"]?.value == .bool(true))
        #expect(root["e"]?.value == .null)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1), ("{\n\"a\" 1}", 2), ("[1, 2", 1), ("{\"a\": 01}", 1), ("\"abc", 1),
        ("{\"a\": 1, \"a\": 2}", 1), ("tru", 1), ("{} x", 1),
    ])
    func rejectsMalformedDocumentsWithTheLine(_ text: String, _ line: Int) {
        #expect { try JSONParser.parse(text) } throws: { error in
            (error as? JSONParser.SyntaxError)?.line == line
        }
    }

    @Test func writerEscapesAndParsesBack() throws {
        let text = JSONWriter.render(
            .object([("name", .string("<b>\"q\"\n")), ("n", .number(.nan)), ("i", .integer(3))]))
        #expect(!text.contains("<b>"))
        let root = try JSONParser.parse(text)
        #expect(root["name"]?.string == "<b>\"q\"\n")
        #expect(root["n"]?.value == .null)
    }

    @Test func anObjectWithManyKeysParsesInLinearTime() throws {
        // 50,000 members, about 1 MB: searching the members for each key took minutes.
        let members = (0..<50_000).map { "\"key\($0)\": \($0)" }
        let text = "{" + members.joined(separator: ",\n") + ",\n\"key7\": 0}"
        let start = ContinuousClock.now
        #expect { try JSONParser.parse(text) } throws: { error in
            (error as? JSONParser.SyntaxError)?.line == 50_001
        }
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}
