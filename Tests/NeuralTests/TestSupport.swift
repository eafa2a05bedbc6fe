import Foundation
import Testing

@testable import Neural

/// `|actual - expected| <= atol + rtol * |expected|`, element by element, as `numpy.isclose`.
func isClose<A: BinaryFloatingPoint, B: BinaryFloatingPoint>(
    _ actual: [A], _ expected: [B], rtol: Double, atol: Double
) -> Bool {
    guard actual.count == expected.count else { return false }
    return zip(actual, expected).allSatisfy { pair in
        let (actual, expected) = (Double(pair.0), Double(pair.1))
        return abs(actual - expected) <= atol + rtol * abs(expected)
    }
}

/// The index and values of the worst element, for failure messages.
func worstMismatch<A: BinaryFloatingPoint, B: BinaryFloatingPoint>(
    _ actual: [A], _ expected: [B]
) -> String {
    guard actual.count == expected.count else {
        return "counts differ: \(actual.count) vs \(expected.count)"
    }
    var worst = (index: -1, error: -1.0)
    for (index, pair) in zip(actual, expected).enumerated() {
        let error = abs(Double(pair.0) - Double(pair.1)) / (abs(Double(pair.1)) + 1e-12)
        if error > worst.error { worst = (index, error) }
    }
    guard worst.index >= 0 else { return "empty" }
    return "worst at \(worst.index): \(actual[worst.index]) vs \(expected[worst.index]) "
        + "(relative \(worst.error))"
}

/// The committed fixture folder, found from this file's path so no bundle is needed.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// A fresh scratch directory under the system temporary directory.
func makeScratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("neural-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Seeded Gaussian values for test data.
func gaussianValues(_ count: Int, seed: UInt64, scale: Float = 1) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in scale * generator.nextGaussian() }
}

/// d loss / d parameter by central differences with a step of 1e-6.
func centralDifferences(of loss: ([Double]) -> Double, at parameters: [Double]) -> [Double] {
    let step = 1e-6
    return parameters.indices.map { index in
        var plus = parameters
        var minus = parameters
        plus[index] += step
        minus[index] -= step
        return (loss(plus) - loss(minus)) / (2 * step)
    }
}

/// Expects an analytic gradient to match central differences of a Double `loss` at
/// `parameters`, to the tolerance every gradient check here uses.
func expectGradient(
    _ analytic: [Float], matchesCentralDifferencesOf loss: ([Double]) -> Double,
    at parameters: [Double], sourceLocation: SourceLocation = #_sourceLocation
) {
    let numeric = centralDifferences(of: loss, at: parameters)
    #expect(
        isClose(analytic, numeric, rtol: 1e-3, atol: 2e-6),
        "\(worstMismatch(analytic, numeric))", sourceLocation: sourceLocation)
}

extension TrainableNetwork {
    /// Mean loss and its gradient over a whole batch through the production kernels.
    ///
    /// - Parameter dropout: the masks to train under; nil evaluates without dropout.
    func lossAndGradient(
        inputs: [Float], targets: [Float], rows: Int, loss: Loss, threads: Int = 1,
        dropout: DropoutPlan? = nil
    ) -> (loss: Double, gradient: [Float]) {
        let timeSteps = inputs.count / (rows * stepSize)
        let engine = makeEngine(
            timeSteps: timeSteps, chunkCapacity: (rows + threads - 1) / threads,
            threads: threads, training: true)
        var gradient = [Float](repeating: 0, count: flatParameters.count)
        let value = flatParameters.withUnsafeBufferPointer { parameters in
            inputs.withUnsafeBufferPointer { inputBuffer in
                targets.withUnsafeBufferPointer { targetBuffer in
                    gradient.withUnsafeMutableBufferPointer { gradientBuffer in
                        engine.lossAndGradient(
                            parameters: parameters.baseAddress!, inputs: inputBuffer.baseAddress!,
                            targets: targetBuffer.baseAddress!, rows: rows, loss: loss,
                            dropout: dropout, gradient: gradientBuffer.baseAddress!)
                    }
                }
            }
        }
        return (value, gradient)
    }
}
