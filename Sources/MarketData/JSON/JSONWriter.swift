/// Writes JSON text with stable key order, for files people diff (run.json, provenance).
package enum JSONWriter {
    /// A value to write; objects keep their given key order.
    package indirect enum Value: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case integer(Int)
        case string(String)
        case array([Value])
        case object([(String, Value)])
    }

    /// Pretty-printed text with two-space indentation and a final newline.
    package static func render(_ value: Value) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        return output + "\n"
    }

    package static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    private static func write(_ value: Value, indent: Int, into output: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let number): output += String(number)
        case .number(let number):
            // JSON has no NaN or infinity; such values are written as null.
            output += number.isFinite ? "\(number)" : "null"
        case .string(let text): output += quote(text)
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (position, item) in items.enumerated() {
                output += pad
                write(item, indent: indent + 2, into: &output)
                output += position == items.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (position, (key, item)) in members.enumerated() {
                output += pad + quote(key) + ": "
                write(item, indent: indent + 2, into: &output)
                output += position == members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }
}
