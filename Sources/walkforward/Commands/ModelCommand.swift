import Foundation
import Neural

/// `walkforward model run MODEL.safetensors INPUT.csv`: predictions of a saved model.
enum ModelCommand {
    static let help = """
        Usage: walkforward model run MODEL.safetensors INPUT.csv

        Loads a recurrent model saved by a backtest (or by PyTorch with the same tensor names
        and metadata) and prints one line per input window with the model's outputs,
        comma-separated. INPUT.csv holds one row per time step of a window, each with
        input_size comma-separated numbers, fed exactly as given (no scaling); a blank line
        separates windows. The scaler a backtest fitted is in the file's metadata
        (scaler_mean, scaler_std) for callers who need to apply it first.
        """

    static func run(_ words: [String]) throws {
        try HelpRequested.check(words, help)
        let arguments = try Arguments(words, command: "model", valueOptions: [])
        guard arguments.positional.first == "run" else {
            throw UsageError(
                command: "model", message: "expected 'run MODEL.safetensors INPUT.csv'")
        }
        let paths = try arguments.requirePositional(["run", "model", "input"])
        let (model, _) = try Safetensors.read(from: URL(fileURLWithPath: paths[1]))
        let inputSize = model.configuration.inputSize
        let windows = try readWindows(paths[2], inputSize: inputSize)
        for window in windows {
            try model.requireMemoryToPredict(timeSteps: window.count / inputSize, batchSize: 1)
            let outputs = model.predict(window, batchSize: 1)
            Terminal.out(outputs.map { "\($0)" }.joined(separator: ","))
        }
    }

    /// The windows of `path`, each flattened to `[time, inputSize]`.
    static func readWindows(_ path: String, inputSize: Int) throws -> [[Float]] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandFailure(description: "\(path): cannot read: \(error.localizedDescription)")
        }
        var windows: [[Float]] = []
        var current: [Float] = []
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { windows.append(current) }
                current = []
                continue
            }
            let cells = trimmed.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == inputSize else {
                throw CommandFailure(
                    description: "\(path):\(index + 1): \(cells.count) values, expected "
                        + "\(inputSize) (the model's input_size)")
            }
            for cell in cells {
                guard let value = Float(cell.trimmingCharacters(in: .whitespaces)), value.isFinite
                else {
                    throw CommandFailure(
                        description: "\(path):\(index + 1): '\(cell)' is not a finite number")
                }
                current.append(value)
            }
        }
        if !current.isEmpty { windows.append(current) }
        guard !windows.isEmpty else { throw CommandFailure(description: "\(path): no input rows") }
        return windows
    }
}
