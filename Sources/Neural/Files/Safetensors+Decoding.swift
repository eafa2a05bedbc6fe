import Foundation

extension Safetensors {
    /// Headers beyond this size are refused before parsing; real model headers are a few KB.
    static let maximumHeaderLength = 100_000_000

    /// Parses a whole file's bytes; `path` is only used in error messages.
    static func decode(
        _ bytes: Data, path: String
    ) throws(NeuralError) -> (model: RecurrentModel, metadata: [String: String]) {
        let bytes = bytes.startIndex == 0 ? bytes : Data(bytes)
        let (header, dataStart) = try parseHeader(bytes, path: path)
        var metadata: [String: String] = [:]
        if let raw = header["__metadata__"] {
            guard let strings = raw as? [String: String] else {
                throw .malformedSafetensors(
                    path: path, reason: "__metadata__ must map strings to strings")
            }
            metadata = strings
        }
        let configuration = try configuration(from: metadata, path: path)
        try requireRoom(for: configuration, dataBytes: bytes.count - dataStart, path: path)
        let layout = ParameterLayout(configuration)

        let expectedNames = Set(layout.tensors.map(\.name))
        if let stray = header.keys.sorted().first(where: {
            $0 != "__metadata__" && !expectedNames.contains($0)
        }) {
            throw .malformedSafetensors(
                path: path,
                reason: "unexpected tensor '\(stray)' for a \(configuration.layers)-layer "
                    + "\(configuration.cell.rawValue) model")
        }

        var parameters = [Float](repeating: 0, count: layout.totalCount)
        for tensor in layout.tensors {
            let range = try byteRange(
                of: tensor, in: header, dataStart: dataStart, fileSize: bytes.count, path: path)
            bytes[range].withUnsafeBytes { raw in
                for index in 0..<tensor.count {
                    let bits = raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
                    parameters[tensor.offset + index] = Float(
                        bitPattern: UInt32(littleEndian: bits))
                }
            }
        }
        return (RecurrentModel(configuration: configuration, parameters: parameters), metadata)
    }

    /// Refuses an architecture whose float32 parameters cannot fit in the file's data
    /// section, before anything of that size is built: metadata such as `hidden:
    /// "1000000000"` would otherwise ask for exabytes, or loop over a hundred million layers.
    private static func requireRoom(
        for configuration: RecurrentConfiguration, dataBytes: Int, path: String
    ) throws(NeuralError) {
        let count = ParameterLayout.parameterCount(configuration)
        if let count, count <= dataBytes / 4 { return }
        let described =
            "a \(configuration.layers)-layer \(configuration.cell.rawValue) model with hidden "
            + "\(configuration.hiddenSize), input_size \(configuration.inputSize) and "
            + "output_size \(configuration.outputSize)"
        throw .malformedSafetensors(
            path: path,
            reason: "__metadata__ describes \(described), which has "
                + "\(count.map { "\($0)" } ?? "more than \(Int.max)") float32 parameters, "
                + "but the file holds \(dataBytes) bytes of tensor data")
    }

    private static func parseHeader(
        _ bytes: Data, path: String
    ) throws(NeuralError) -> (header: [String: Any], dataStart: Int) {
        guard bytes.count >= 8 else {
            throw .malformedSafetensors(
                path: path, reason: "file has \(bytes.count) bytes, shorter than the header size")
        }
        var length: UInt64 = 0
        for (shift, byte) in bytes.prefix(8).enumerated() {
            length |= UInt64(byte) << (8 * UInt64(shift))
        }
        guard length <= UInt64(min(maximumHeaderLength, bytes.count - 8)) else {
            throw .malformedSafetensors(
                path: path,
                reason: "header length \(length) exceeds the file's \(bytes.count - 8) bytes")
        }
        let start = bytes.startIndex + 8
        let json = bytes[start..<(start + Int(length))]
        guard let object = try? JSONSerialization.jsonObject(with: json),
            let header = object as? [String: Any]
        else {
            throw .malformedSafetensors(path: path, reason: "header is not a JSON object")
        }
        return (header, 8 + Int(length))
    }

    private static func byteRange(
        of tensor: ParameterLayout.Tensor, in header: [String: Any], dataStart: Int,
        fileSize: Int, path: String
    ) throws(NeuralError) -> Range<Int> {
        guard let entry = header[tensor.name] as? [String: Any] else {
            throw .missingTensor(path: path, name: tensor.name)
        }
        let dtype = entry["dtype"] as? String ?? "no dtype"
        guard dtype == "F32" else {
            throw .badTensor(path: path, name: tensor.name, found: dtype, expected: "F32")
        }
        let shape = (entry["shape"] as? [Any])?.compactMap { ($0 as? NSNumber)?.intValue }
        guard shape == tensor.shape else {
            throw .badTensor(
                path: path, name: tensor.name,
                found: "shape \(shape.map { "\($0)" } ?? "missing")",
                expected: "shape \(tensor.shape)")
        }
        let offsets = (entry["data_offsets"] as? [Any])?.compactMap { ($0 as? NSNumber)?.intValue }
        // Compared in this order so that no hostile offset can overflow the arithmetic.
        guard let offsets, offsets.count == 2, offsets[0] >= 0, offsets[1] >= offsets[0],
            offsets[1] - offsets[0] == tensor.count * 4,
            offsets[1] <= fileSize - dataStart
        else {
            throw .badTensor(
                path: path, name: tensor.name,
                found: "data_offsets \(offsets.map { "\($0)" } ?? "missing")",
                expected: "\(tensor.count * 4) bytes inside the file")
        }
        return (dataStart + offsets[0])..<(dataStart + offsets[1])
    }

    /// Rebuilds the architecture from `__metadata__`, naming any missing or bad key.
    static func configuration(
        from metadata: [String: String], path: String
    ) throws(NeuralError) -> RecurrentConfiguration {
        func value(_ key: String) throws(NeuralError) -> String {
            guard let text = metadata[key] else { throw .missingMetadata(path: path, key: key) }
            return text
        }
        func count(_ key: String) throws(NeuralError) -> Int {
            let text = try value(key)
            guard let number = Int(text), number >= 1 else {
                throw .badMetadata(path: path, key: key, value: text, expected: "an integer >= 1")
            }
            return number
        }
        func choice<Option: RawRepresentable & CaseIterable>(
            _ key: String, default fallback: Option?
        ) throws(NeuralError) -> Option where Option.RawValue == String {
            guard let text = metadata[key] else {
                if let fallback { return fallback }
                throw .missingMetadata(path: path, key: key)
            }
            guard let option = Option(rawValue: text) else {
                let allowed = Option.allCases.map(\.rawValue).joined(separator: "|")
                throw .badMetadata(path: path, key: key, value: text, expected: allowed)
            }
            return option
        }

        var dropout: Float = 0
        if let text = metadata["dropout"] {
            guard let number = Float(text), number >= 0, number < 1 else {
                throw .badMetadata(
                    path: path, key: "dropout", value: text, expected: "a number in [0, 1)")
            }
            dropout = number
        }
        // A file without `head` or `nonlinearity` gets PyTorch's defaults.
        return RecurrentConfiguration(
            cell: try choice("cell", default: nil),
            layers: try count("layers"),
            hiddenSize: try count("hidden"),
            inputSize: try count("input_size"),
            outputSize: try count("output_size"),
            head: try choice("head", default: SequenceHead.last),
            dropout: dropout,
            nonlinearity: try choice("nonlinearity", default: RecurrentNonlinearity.tanh))
    }
}
