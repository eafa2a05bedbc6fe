import Foundation

/// Runs the built `walkforward` executable, as a user would from a shell.
struct CommandRunner {
    struct Outcome {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The executable next to the test bundle in the build folder.
    static let executable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("walkforward")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/walkforward")
    }()

    let directory: URL

    /// Runs `walkforward arguments...` in `directory` and waits for it.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes before waiting, so a chatty child cannot block on a full pipe.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}

/// A scratch folder with Data/, Strategies/ and Reports/, removed by the caller.
struct Workspace {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "walkforward-e2e-\(UUID().uuidString)")
        for folder in ["Data", "Strategies", "Reports"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// A seeded random walk in the Data/ format, weekdays from 2010-01-04.
    func writePrices(_ symbol: String, days: Int, seed: UInt64) throws {
        var state = seed
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var lines = ["Date,Open,High,Low,Close,Adj Close,Volume"]
        var close = 40.0
        var day = 14_613  // 2010-01-04, a Monday
        for _ in 0..<days {
            while (day + 3) % 7 >= 5 { day += 1 }
            let open = close * (1 + (uniform() - 0.5) * 0.01)
            close = open * (1 + (uniform() - 0.5) * 0.03)
            let high = max(open, close) * 1.004
            let low = min(open, close) * 0.996
            let date = Date(timeIntervalSince1970: Double(day) * 86_400)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            lines.append(
                "\(formatter.string(from: date)),\(open),\(high),\(low),\(close),\(close),"
                    + "\(Int(uniform() * 1e6))"
            )
            day += 1
        }
        try write(lines.joined(separator: "\n") + "\n", to: "Data/\(symbol).csv")
    }
}
