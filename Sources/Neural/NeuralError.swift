/// Everything that can go wrong while configuring, training, saving or loading a network.
///
/// Shape mistakes made by a programmer (a buffer of the wrong length) are caught by
/// `precondition` instead; these cases cover input that comes from people and files.
public enum NeuralError: Error, CustomStringConvertible, Equatable {
    /// A configuration or option value is out of range.
    case invalidValue(key: String, value: String, expected: String)
    /// Training or validation data has the wrong length or no samples.
    case invalidData(reason: String)
    /// A loss or a gradient became NaN or infinite.
    case trainingDiverged(TrainingDivergence)
    /// A file could not be read at all.
    case unreadableFile(path: String, reason: String)
    /// A file could not be written.
    case writeFailed(path: String, reason: String)
    /// A safetensors file breaks the format (header length, JSON, offsets).
    case malformedSafetensors(path: String, reason: String)
    /// A tensor the model needs is absent from the file.
    case missingTensor(path: String, name: String)
    /// A tensor is present but has the wrong shape or element type.
    case badTensor(path: String, name: String, found: String, expected: String)
    /// A metadata key the model needs is absent.
    case missingMetadata(path: String, key: String)
    /// A metadata value cannot be understood.
    case badMetadata(path: String, key: String, value: String, expected: String)
    /// This build's kernels use instructions the running processor lacks.
    case unsupportedProcessor(missing: [String])
    /// An environment variable the module reads holds a value it does not know.
    case badEnvironment(variable: String, value: String, expected: String)
    /// Buffers sized from the given shape would not fit in this machine's memory; `bytes`
    /// is nil when their size overflowed 64 bits.
    case exceedsMemory(what: String, bytes: Int?, available: UInt64)

    /// A copy of this error that names the walk-forward fold it happened in.
    ///
    /// The trainer does not know about folds; the caller that does adds the number.
    public func inFold(_ fold: Int) -> NeuralError {
        guard case .trainingDiverged(var divergence) = self else { return self }
        divergence.fold = fold
        return .trainingDiverged(divergence)
    }

    public var description: String {
        switch self {
        case .invalidValue(let key, let value, let expected):
            return "\(key) is \(value), expected \(expected)"
        case .invalidData(let reason):
            return "invalid training data: \(reason)"
        case .trainingDiverged(let divergence):
            return divergence.description
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        case .malformedSafetensors(let path, let reason):
            return "\(path): not a valid safetensors file: \(reason)"
        case .missingTensor(let path, let name):
            return "\(path): tensor '\(name)' is missing; the file does not match the model "
                + "its metadata describes"
        case .badTensor(let path, let name, let found, let expected):
            return "\(path): tensor '\(name)' is \(found), expected \(expected)"
        case .missingMetadata(let path, let key):
            return "\(path): metadata key '\(key)' is missing from __metadata__"
        case .badMetadata(let path, let key, let value, let expected):
            return "\(path): metadata '\(key)' is '\(value)', expected \(expected)"
        case .exceedsMemory(let what, let bytes, let available):
            let needed = bytes.map { MemoryBudget.describe(UInt64($0)) } ?? "more than 9 EB"
            return "\(what) would need \(needed) of memory, more than this machine's "
                + "\(MemoryBudget.describe(available))"
        case .badEnvironment(let variable, let value, let expected):
            return "environment variable \(variable) is '\(value)', expected \(expected)"
        case .unsupportedProcessor(let missing):
            let avx2Build =
                missing.contains("avx2") || missing.contains("fma")
                ? "" : ", or one for any AVX2 machine with `WALKFORWARD_NO_AVX512=1 make build`"
            return "this build's neural kernels need the processor features "
                + "\(ProcessorSupport.requiredFlags.joined(separator: ", ")), and this "
                + "processor lacks \(missing.joined(separator: ", ")); it was built on a "
                + "different machine. Rebuild here (`make build`), or build a portable binary "
                + "with `WALKFORWARD_PORTABLE=1 make build`\(avx2Build)"
        }
    }
}

/// Where training produced a NaN or infinite number.
public struct TrainingDivergence: Sendable, Equatable, CustomStringConvertible {
    /// What went non-finite.
    public enum Quantity: String, Sendable {
        case loss
        case gradient
    }

    public var quantity: Quantity
    /// One-based epoch.
    public var epoch: Int
    /// One-based mini-batch within the epoch.
    public var batch: Int
    /// The walk-forward fold, filled in by a caller that knows it.
    public var fold: Int?

    public init(quantity: Quantity, epoch: Int, batch: Int, fold: Int? = nil) {
        self.quantity = quantity
        self.epoch = epoch
        self.batch = batch
        self.fold = fold
    }

    public var description: String {
        let place = fold.map { "fold \($0), " } ?? ""
        return "\(place)epoch \(epoch), batch \(batch): the \(quantity.rawValue) is not finite; "
            + "lower the learning rate, set a gradient clip norm, or check the inputs for "
            + "NaN and very large values"
    }
}
