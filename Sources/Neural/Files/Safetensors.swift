import Foundation

/// Reads and writes recurrent models as safetensors files that PyTorch loads unchanged.
///
/// Layout: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
/// shape and byte range, then the raw little-endian float32 data. Tensor names follow the
/// `state_dict` of a module with `rnn = nn.LSTM/GRU/RNN(..., batch_first=True)` and
/// `head = nn.Linear(hidden, output)`. `__metadata__` (string to string) holds `cell`,
/// `layers`, `hidden`, `input_size`, `output_size`, `head`, `nonlinearity` (simple RNN), plus
/// whatever the caller adds, such as a scaler's `scaler_mean` and `scaler_std`.
public enum Safetensors {
    /// Metadata keys that describe the architecture; callers' extra keys cannot override them.
    public static let configurationKeys: Set<String> = [
        "cell", "layers", "hidden", "input_size", "output_size", "head", "nonlinearity",
        "dropout",
    ]

    /// Writes `model` and metadata to `url`, replacing any file there atomically.
    ///
    /// - Parameter extraMetadata: string pairs stored beside the configuration; a key that
    ///   names a configuration field is ignored in favour of the model's own value.
    /// - Throws: `NeuralError.writeFailed` when the file cannot be written.
    public static func write(
        _ model: RecurrentModel, extraMetadata: [String: String] = [:], to url: URL
    ) throws(NeuralError) {
        let bytes = encode(model, extraMetadata: extraMetadata)
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw .writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Loads a model and its metadata, checking every tensor's name, dtype and shape.
    ///
    /// - Returns: the model and the whole `__metadata__` map, configuration keys included.
    /// - Throws: `NeuralError` naming the file and the tensor or key at fault.
    public static func read(
        from url: URL
    ) throws(NeuralError) -> (model: RecurrentModel, metadata: [String: String]) {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        return try decode(bytes, path: url.path)
    }

    /// The file's bytes for `model`.
    static func encode(_ model: RecurrentModel, extraMetadata: [String: String]) -> Data {
        var metadata = extraMetadata.filter { !configurationKeys.contains($0.key) }
        metadata.merge(configurationMetadata(model.configuration)) { _, own in own }

        var header: [String: Any] = ["__metadata__": metadata]
        for tensor in model.layout.tensors {
            let begin = tensor.offset * MemoryLayout<Float>.size
            header[tensor.name] = [
                "dtype": "F32", "shape": tensor.shape,
                "data_offsets": [begin, begin + tensor.count * MemoryLayout<Float>.size],
            ]
        }
        // Sorted keys make the file a pure function of the model, like the weights are.
        var json =
            (try? JSONSerialization.data(
                withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        // Padding with spaces to a multiple of 8 keeps the data aligned, as PyTorch's
        // writer does.
        while json.count % 8 != 0 {
            json.append(UInt8(ascii: " "))
        }

        var bytes = Data(capacity: 8 + json.count + model.flatParameters.count * 4)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(json)
        for value in model.flatParameters {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    static func configurationMetadata(_ configuration: RecurrentConfiguration) -> [String: String] {
        var metadata = [
            "cell": configuration.cell.rawValue,
            "layers": "\(configuration.layers)",
            "hidden": "\(configuration.hiddenSize)",
            "input_size": "\(configuration.inputSize)",
            "output_size": "\(configuration.outputSize)",
            "head": configuration.head.rawValue,
        ]
        if configuration.cell == .rnn {
            metadata["nonlinearity"] = configuration.nonlinearity.rawValue
        }
        if configuration.dropout > 0 {
            metadata["dropout"] = "\(configuration.dropout)"
        }
        return metadata
    }
}
