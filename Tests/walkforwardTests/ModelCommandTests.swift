import Foundation
import Testing

@Suite struct ModelCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("NeuralTests/Fixtures")

    @Test func modelWrittenByPyTorchPredictsTheSameFromTheCommandLine() throws {
        let data = try Data(
            contentsOf: Self.fixtures.appendingPathComponent("torch-gru-model.json"))
        let fixture = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let inputs = try #require(fixture["inputs"] as? [Double])
        let outputs = try #require(fixture["outputs"] as? [Double])
        let batch = try #require(fixture["batch"] as? Int)
        let model = Self.fixtures.appendingPathComponent("torch-gru-model.safetensors")
        let outputSize = outputs.count / batch
        let perWindow = inputs.count / batch

        let inputSize = try Self.metadataInteger("input_size", of: model)
        var text = ""
        for window in 0..<batch {
            let values = inputs[(window * perWindow)..<((window + 1) * perWindow)]
            for row in stride(from: values.startIndex, to: values.endIndex, by: inputSize) {
                text +=
                    values[row..<(row + inputSize)].map { "\($0)" }.joined(separator: ",") + "\n"
            }
            text += "\n"
        }
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write(text, to: "input.csv")

        let outcome = try CommandRunner(directory: workspace.root).run([
            "model", "run", model.path, "input.csv",
        ])

        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == batch)
        let printed = lines.flatMap { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(printed.count == batch * outputSize)
        for (value, expected) in zip(printed, outputs) {
            #expect(abs(value - expected) <= 1e-5 * max(1, abs(expected)))
        }
    }

    /// Reads an integer from a safetensors file's `__metadata__` (8-byte length, then JSON).
    static func metadataInteger(_ key: String, of url: URL) throws -> Int {
        let bytes = try Data(contentsOf: url)
        let length = bytes.prefix(8).enumerated().reduce(0) {
            $0 | Int($1.element) << (8 * $1.offset)
        }
        let header = try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<(8 + length)))
        let metadata = (header as? [String: Any])?["__metadata__"] as? [String: String]
        return try #require(metadata?[key].flatMap { Int($0) })
    }

    @Test func malformedInputNamesTheLine() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("1,2,3\n1,x,3\n", to: "input.csv")
        let model = Self.fixtures.appendingPathComponent("torch-gru-model.safetensors")
        let outcome = try CommandRunner(directory: workspace.root).run([
            "model", "run", model.path, "input.csv",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("input.csv:"))
    }
}
