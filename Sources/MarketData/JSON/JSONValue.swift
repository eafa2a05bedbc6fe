/// A parsed JSON document that remembers the line each value started on.
///
/// Foundation's JSONSerialization loses positions and blurs booleans with numbers on Linux;
/// strategy files need both right to produce errors such as
/// `Strategies/x.json:12: key "window" is true, expected a whole number from 2 to 2000`.
package indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double, text: String)
    case string(String)
    case array([JSONNode])
    case object([(key: String, node: JSONNode)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a, _), .number(let b, _)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a.map(\.value) == b.map(\.value)
        case (.object(let a), .object(let b)):
            return a.map(\.key) == b.map(\.key) && a.map(\.node.value) == b.map(\.node.value)
        default: return false
        }
    }

    /// A short name of the value's kind for error messages.
    package var kindName: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(_, let text): return text
        case .string(let text): return "\"\(text)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON value with the 1-based line it starts on.
package struct JSONNode: Equatable, Sendable {
    package let value: JSONValue
    package let line: Int

    package init(_ value: JSONValue, line: Int) {
        self.value = value
        self.line = line
    }

    /// The member named `key` of an object, nil when absent or not an object.
    package subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.last { $0.key == key }?.node
    }

    package var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    package var number: Double? {
        if case .number(let number, _) = value { return number }
        return nil
    }

    package var array: [JSONNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    package var members: [(key: String, node: JSONNode)]? {
        if case .object(let members) = value { return members }
        return nil
    }
}
