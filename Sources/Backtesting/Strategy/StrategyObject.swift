import MarketData

/// Reads one JSON object of a strategy file, checking types, ranges and unknown keys.
///
/// Keys are named by their path (`model.learningRate`) in every error, with the line the
/// offending value is on, so a typo points straight at itself.
struct StrategyObject {
    let path: String
    let prefix: String
    let node: JSONNode
    private let members: [(key: String, node: JSONNode)]

    init(path: String, prefix: String, node: JSONNode) throws {
        guard let members = node.members else {
            throw StrategyError(
                path: path, line: node.line, key: prefix.isEmpty ? nil : prefix,
                message: "is \(node.value.kindName), expected an object")
        }
        self.path = path
        self.prefix = prefix
        self.node = node
        self.members = members
    }

    func keyPath(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    func error(_ key: String, _ message: String, line: Int? = nil) -> StrategyError {
        StrategyError(
            path: path, line: line ?? node[key]?.line ?? node.line, key: keyPath(key),
            message: message)
    }

    /// Refuses any key not in `known`, suggesting the closest known one.
    func rejectUnknownKeys(_ known: [String]) throws {
        for (key, value) in members where !known.contains(key) {
            let suggestion = known.min { editDistance($0, key) < editDistance($1, key) }
            let hint =
                suggestion.map { editDistance($0, key) <= 3 ? " (did you mean \"\($0)\"?)" : "" }
                ?? ""
            throw StrategyError(
                path: path, line: value.line, key: keyPath(key),
                message: "is not a known key\(hint); allowed: \(known.joined(separator: ", "))")
        }
    }

    func has(_ key: String) -> Bool { node[key] != nil }

    func isNull(_ key: String) -> Bool { node[key]?.value == .null }

    func object(_ key: String) throws -> StrategyObject? {
        guard let child = node[key], child.value != .null else { return nil }
        return try StrategyObject(path: path, prefix: keyPath(key), node: child)
    }

    func string(_ key: String, default fallback: String? = nil) throws -> String? {
        guard let child = node[key], child.value != .null else { return fallback }
        guard let text = child.string else {
            throw error(key, "is \(child.value.kindName), expected a string")
        }
        return text
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T) throws -> T
    where T.RawValue == String {
        guard let text = try string(key) else { return fallback }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw error(key, "is \"\(text)\", expected one of \(allowed)")
        }
        return value
    }

    func number(_ key: String, default fallback: Double, range: ClosedRange<Double>) throws
        -> Double
    {
        guard let child = node[key], child.value != .null else { return fallback }
        guard let value = child.number else {
            throw error(
                key,
                "is \(child.value.kindName), expected a number from \(range.lowerBound) "
                    + "to \(range.upperBound)"
            )
        }
        guard range.contains(value) else {
            throw error(
                key,
                "is \(value), expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func integer(_ key: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let child = node[key], child.value != .null else { return fallback }
        let expected = "expected a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard let value = child.number else {
            throw error(key, "is \(child.value.kindName), \(expected)")
        }
        guard value == value.rounded(), let whole = Int(exactly: value), range.contains(whole)
        else {
            throw error(key, "is \(child.value.kindName), \(expected)")
        }
        return whole
    }

    /// The whole numbers of an array, each with its line; nil when the key is absent.
    func integerArray(_ key: String, range: ClosedRange<Int>) throws -> [(Int, Int)]? {
        guard let child = node[key], child.value != .null else { return nil }
        let expected =
            "expected an array of whole numbers from \(range.lowerBound) to \(range.upperBound)"
        guard let items = child.array else {
            throw error(key, "is \(child.value.kindName), \(expected)")
        }
        return try items.map { item in
            guard let value = item.number, value == value.rounded(),
                let whole = Int(exactly: value), range.contains(whole)
            else {
                throw error(key, "holds \(item.value.kindName), \(expected)", line: item.line)
            }
            return (whole, item.line)
        }
    }

    func stringArray(_ key: String) throws -> [(String, Int)]? {
        guard let child = node[key], child.value != .null else { return nil }
        guard let items = child.array else {
            throw error(key, "is \(child.value.kindName), expected an array of strings")
        }
        return try items.map { item in
            guard let text = item.string else {
                throw error(
                    key, "holds \(item.value.kindName), expected strings only", line: item.line)
            }
            return (text, item.line)
        }
    }
}

/// Levenshtein distance, for "did you mean" hints on misspelt keys.
func editDistance(_ first: String, _ second: String) -> Int {
    let a = Array(first.lowercased())
    let b = Array(second.lowercased())
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    // One row of the dynamic-programming table at a time.
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        previous = current
    }
    return previous[b.count]
}
