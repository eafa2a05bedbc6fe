import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses markup as XML and records what it found, so tests can check well-formedness and look
/// for anything active (script elements, event-handler attributes, outside references).
final class MarkupInspector: NSObject, XMLParserDelegate {
    /// Every element in document order with its attributes.
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    private(set) var texts: [String] = []
    private(set) var parseError: Error?

    init(_ markup: String) {
        super.init()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = self
        if !parser.parse() {
            parseError = parser.parserError ?? CocoaError(.fileReadCorruptFile)
        }
    }

    var isWellFormed: Bool { parseError == nil }

    var elementNames: [String] { elements.map(\.name) }

    /// Elements or attributes that could run code or fetch something.
    var activeContent: [String] {
        let scripts = elementNames.filter { ["script", "iframe", "object", "embed"].contains($0) }
        let attributeNames = elements.flatMap(\.attributes.keys)
        let handlers = attributeNames.filter { $0.lowercased().hasPrefix("on") }
        let references = attributeNames.filter { ["href", "xlink:href", "src"].contains($0) }
        return scripts + handlers + references
    }

    func attributeValues(_ name: String, of element: String) -> [String] {
        elements.filter { $0.name == element }.compactMap { $0.attributes[name] }
    }

    /// The first element whose attribute `name` equals `value`.
    func element(where name: String, is value: String) -> [String: String]? {
        elements.first { $0.attributes[name] == value }?.attributes
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes attributeDict: [String: String]
    ) {
        elements.append((elementName, attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        texts.append(string)
    }
}

/// A small seeded generator (SplitMix64) so test data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE5_E9B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A standard normal draw (Box–Muller).
    mutating func nextGaussian() -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let v = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

enum TestData {
    static let hostile = "<script>alert(\"x\")</script> & 'q'"

    /// Weekdays from `startDay` on, `count` of them.
    static func weekdays(from startDay: Int, count: Int) -> [Int] {
        var days: [Int] = []
        var day = startDay
        while days.count < count {
            // Day 0 was a Thursday, so (day + 3) % 7 is 5 or 6 on weekends.
            if (day + 3) % 7 < 5 { days.append(day) }
            day += 1
        }
        return days
    }

    /// A geometric random walk starting at `start`, with daily volatility `volatility`.
    static func randomWalk(count: Int, start: Double, volatility: Double, seed: UInt64) -> [Double]
    {
        var generator = SeededGenerator(seed: seed)
        var level = start
        return (0..<count).map { _ in
            level *= exp(0.0003 + volatility * generator.nextGaussian())
            return level
        }
    }
}
