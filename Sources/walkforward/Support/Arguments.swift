/// A command line split into positional arguments and `--name value` options.
///
/// Every option a command accepts is declared up front, so a misspelt option is a usage
/// error naming it, never silently ignored.
struct Arguments {
    let command: String
    private(set) var positional: [String] = []
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    /// Parses `words` for `command`, knowing which options take a value and which are flags.
    init(_ words: [String], command: String, valueOptions: [String], flagOptions: [String] = [])
        throws
    {
        self.command = command
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else {
                positional.append(word)
                continue
            }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if flagOptions.contains(name) {
                guard inlineValue == nil else {
                    throw UsageError(command: command, message: "--\(name) takes no value")
                }
                flags.insert(name)
            } else if valueOptions.contains(name) {
                if let inlineValue {
                    values[name] = inlineValue
                } else {
                    guard index < words.count else {
                        throw UsageError(command: command, message: "--\(name) needs a value")
                    }
                    values[name] = words[index]
                    index += 1
                }
            } else {
                let known = (valueOptions + flagOptions).map { "--\($0)" }.joined(separator: ", ")
                throw UsageError(
                    command: command,
                    message: "unknown option --\(name)" + (known.isEmpty ? "" : "; known: \(known)")
                )
            }
        }
    }

    func value(_ name: String) -> String? { values[name] }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An integer option within `range`, or `fallback` when absent.
    func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(
                command: command,
                message: "--\(name) is '\(text)', expected a whole number from \(range.lowerBound) "
                    + "to \(range.upperBound)")
        }
        return number
    }

    /// Exactly `count` positional arguments, named in the error when missing.
    func requirePositional(_ names: [String]) throws -> [String] {
        guard positional.count == names.count else {
            let expected = names.map { $0.uppercased() }.joined(separator: " ")
            throw UsageError(
                command: command,
                message: positional.count < names.count
                    ? "missing \(expected)" : "unexpected argument '\(positional[names.count])'")
        }
        return positional
    }
}

/// A command line that does not fit the command; exits 64 with the usage text.
struct UsageError: Error, CustomStringConvertible {
    let command: String
    let message: String

    var description: String {
        "walkforward \(command): \(message)\nRun `walkforward \(command) --help` for usage."
    }
}

/// A failure of a well-formed command; exits 1 with its message.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
}
