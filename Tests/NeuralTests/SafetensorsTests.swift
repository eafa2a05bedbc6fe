import Foundation
import Testing

@testable import Neural

@Suite struct SafetensorsTests {
    static let configuration = RecurrentConfiguration(
        cell: .lstm, layers: 2, hiddenSize: 5, inputSize: 3, outputSize: 2, head: .maxpool)

    @Test func writtenModelReadsBackBitForBitWithMetadata() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.safetensors")
        let model = RecurrentModel(configuration: Self.configuration, seed: 4)
        try Safetensors.write(
            model, extraMetadata: ["scaler_mean": "[1.5,2]", "cell": "gru"], to: url)

        let (loaded, metadata) = try Safetensors.read(from: url)
        #expect(loaded.configuration == model.configuration)
        #expect(loaded.flatParameters == model.flatParameters)
        #expect(metadata["scaler_mean"] == "[1.5,2]")
        #expect(metadata["cell"] == "lstm")
        #expect(metadata["head"] == "maxpool")
        #expect(metadata["hidden"] == "5")

        let bytes = try Data(contentsOf: url)
        let headerLength = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.1) << (8 * $1.0) }
        #expect(headerLength % 8 == 0)
        #expect(bytes.count == 8 + headerLength + 4 * model.parameterCount)
    }

    @Test func pyTorchWrittenModelLoadsAndPredictsTheSame() throws {
        let url = fixturesDirectory.appendingPathComponent("torch-gru-model.safetensors")
        let (model, metadata) = try Safetensors.read(from: url)
        #expect(model.configuration.cell == .gru)
        #expect(model.configuration.layers == 2)
        #expect(metadata["scaler_std"] == "[1,2,3]")

        let data = try Data(
            contentsOf: fixturesDirectory.appendingPathComponent("torch-gru-model.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let inputs = TorchRecord.floats(json["inputs"])
        let expected = TorchRecord.floats(json["outputs"])
        let predictions = model.predict(inputs, batchSize: json["batch"] as? Int ?? 0, threads: 2)
        #expect(
            isClose(predictions, expected, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(predictions, expected))")
    }

    /// Writes a file for `python3 scripts/torch_fixtures.py --check-swift FILE` when
    /// `NEURAL_SWIFT_EXPORT` names a directory; the inputs and Swift's predictions travel in
    /// the metadata so PyTorch can compare without other files.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NEURAL_SWIFT_EXPORT"] != nil))
    func exportsModelsForThePyTorchRoundTripCheck() throws {
        let directory = URL(
            fileURLWithPath: ProcessInfo.processInfo.environment["NEURAL_SWIFT_EXPORT"] ?? "")
        for cell in RecurrentCell.allCases {
            for head in SequenceHead.allCases {
                var configuration = Self.configuration
                configuration.cell = cell
                configuration.head = head
                configuration.nonlinearity = cell == .rnn && head == .maxpool ? .relu : .tanh
                let model = RecurrentModel(configuration: configuration, seed: 8)
                let inputs = gaussianValues(4 * 6 * 3, seed: 9)
                let outputs = model.predict(inputs, batchSize: 4)
                let nested = (0..<4).map { sample in
                    (0..<6).map { t in
                        Array(inputs[((sample * 6 + t) * 3)..<((sample * 6 + t) * 3 + 3)])
                    }
                }
                let nestedOutputs = (0..<4).map { Array(outputs[($0 * 2)..<($0 * 2 + 2)]) }
                let metadata = [
                    "check_inputs": String(
                        decoding: try JSONEncoder().encode(nested), as: UTF8.self),
                    "check_outputs": String(
                        decoding: try JSONEncoder().encode(nestedOutputs), as: UTF8.self),
                ]
                try Safetensors.write(
                    model, extraMetadata: metadata,
                    to: directory.appendingPathComponent("swift-\(cell)-\(head).safetensors"))
            }
        }
    }

    @Test func missingTensorIsNamed() throws {
        let url = try writeEdited { header in header.removeValue(forKey: "rnn.bias_hh_l1") }
        #expect(throws: NeuralError.missingTensor(path: url.path, name: "rnn.bias_hh_l1")) {
            try Safetensors.read(from: url)
        }
    }

    @Test func wrongShapeIsNamed() throws {
        let url = try writeEdited { header in
            var entry = header["head.weight"] as! [String: Any]
            entry["shape"] = [5, 2]
            header["head.weight"] = entry
        }
        #expect(
            throws: NeuralError.badTensor(
                path: url.path, name: "head.weight", found: "shape [5, 2]",
                expected: "shape [2, 5]")
        ) {
            try Safetensors.read(from: url)
        }
    }

    @Test func otherDTypesAreRefused() throws {
        let url = try writeEdited { header in
            var entry = header["rnn.weight_ih_l0"] as! [String: Any]
            entry["dtype"] = "F16"
            header["rnn.weight_ih_l0"] = entry
        }
        #expect(
            throws: NeuralError.badTensor(
                path: url.path, name: "rnn.weight_ih_l0", found: "F16", expected: "F32")
        ) {
            try Safetensors.read(from: url)
        }
    }

    @Test func missingAndBadMetadataAreNamed() throws {
        let missing = try writeEdited { header in
            var metadata = header["__metadata__"] as! [String: String]
            metadata.removeValue(forKey: "hidden")
            header["__metadata__"] = metadata
        }
        #expect(throws: NeuralError.missingMetadata(path: missing.path, key: "hidden")) {
            try Safetensors.read(from: missing)
        }
        let bad = try writeEdited { header in
            var metadata = header["__metadata__"] as! [String: String]
            metadata["cell"] = "transformer"
            header["__metadata__"] = metadata
        }
        #expect(
            throws: NeuralError.badMetadata(
                path: bad.path, key: "cell", value: "transformer", expected: "rnn|lstm|gru")
        ) {
            try Safetensors.read(from: bad)
        }
    }

    @Test func truncatedFilesAreMalformed() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("short.safetensors")
        let model = RecurrentModel(configuration: Self.configuration, seed: 4)
        let bytes = Safetensors.encode(model, extraMetadata: [:])
        for length in [3, 20, bytes.count - 4] {
            try bytes.prefix(length).write(to: url)
            #expect(throws: NeuralError.self) { try Safetensors.read(from: url) }
        }
        #expect(throws: NeuralError.self) {
            try Safetensors.read(from: directory.appendingPathComponent("absent.safetensors"))
        }
    }

    @Test(arguments: [
        ("1", "1000000000"), ("100000000", "4"), ("1", "4000000000000000000"),
        ("3037000500", "3037000500"), ("9223372036854775807", "9223372036854775807"),
    ])
    func architecturesTooLargeForTheFileAreRefusedBeforeAnythingIsBuilt(
        layers: String, hidden: String
    ) throws {
        let url = try writeEdited { header in
            var metadata = header["__metadata__"] as! [String: String]
            metadata["layers"] = layers
            metadata["hidden"] = hidden
            header["__metadata__"] = metadata
        }
        let error = try #require(throws: NeuralError.self) { try Safetensors.read(from: url) }
        guard case .malformedSafetensors(let path, let reason) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(path == url.path)
        #expect(reason.contains("\(layers)-layer lstm model with hidden \(hidden)"))
        #expect(reason.contains("bytes of tensor data"))
    }

    @Test func parameterCountAgreesWithTheLayoutAndSaysWhenItOverflows() {
        for cell in RecurrentCell.allCases {
            for (layers, hidden, input, output) in [(1, 1, 1, 1), (3, 7, 5, 2), (2, 64, 4, 3)] {
                let configuration = RecurrentConfiguration(
                    cell: cell, layers: layers, hiddenSize: hidden, inputSize: input,
                    outputSize: output)
                #expect(
                    ParameterLayout.parameterCount(configuration)
                        == ParameterLayout(configuration).totalCount)
            }
        }
        let huge = RecurrentConfiguration(
            cell: .gru, layers: 2, hiddenSize: Int.max / 2, inputSize: 1)
        #expect(ParameterLayout.parameterCount(huge) == nil)
    }

    @Test(arguments: [[Int.max - 8, Int.max], [5, Int.min], [-1, 7]])
    func dataOffsetsThatWouldOverflowAreRefused(offsets: [Int]) throws {
        let url = try writeEdited { header in
            var entry = header["head.bias"] as! [String: Any]
            entry["data_offsets"] = offsets
            header["head.bias"] = entry
        }
        let error = try #require(throws: NeuralError.self) { try Safetensors.read(from: url) }
        guard case .badTensor(_, let name, let found, _) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(name == "head.bias")
        #expect(found.hasPrefix("data_offsets"))
    }

    /// Writes a valid file, lets `edit` change its JSON header, and returns the new file.
    private func writeEdited(_ edit: (inout [String: Any]) -> Void) throws -> URL {
        let model = RecurrentModel(configuration: Self.configuration, seed: 4)
        let bytes = Safetensors.encode(model, extraMetadata: [:])
        let headerLength = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.1) << (8 * $1.0) }
        var header = try #require(
            try JSONSerialization.jsonObject(with: bytes[8..<(8 + headerLength)])
                as? [String: Any])
        edit(&header)
        let json = try JSONSerialization.data(withJSONObject: header)
        var edited = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { edited.append(contentsOf: $0) }
        edited.append(json)
        edited.append(bytes[(8 + headerLength)...])
        let url = try makeScratchDirectory().appendingPathComponent("edited.safetensors")
        try edited.write(to: url)
        return url
    }
}
