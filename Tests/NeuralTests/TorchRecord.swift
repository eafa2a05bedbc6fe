import Foundation
import Testing

@testable import Neural

/// What `scripts/torch_fixtures.py` records for every model, whatever its kind: the batch,
/// PyTorch's outputs, each loss with its gradient, and one Adam step with and without
/// gradient clipping.
struct TorchRecord {
    let json: [String: Any]
    let batch: Int
    let inputs: [Float]
    let targets: [Float]
    let outputs: [Float]
    let huberDelta: Float

    /// Decodes `Fixtures/<name>`.
    init(fileNamed name: String) throws {
        let data = try Data(contentsOf: fixturesDirectory.appendingPathComponent(name))
        json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        batch = json["batch"] as? Int ?? 0
        inputs = Self.floats(json["inputs"])
        targets = Self.floats(json["targets"])
        outputs = Self.floats(json["outputs"])
        huberDelta = Float(json["huber_delta"] as? Double ?? 0)
    }

    /// The loss called `name` (`mse`, `mae`, `huber`), its value and its parameter gradient.
    func loss(named name: String) -> (loss: Loss, value: Double, gradient: [Float]) {
        let entry = (json["losses"] as? [String: Any])?[name] as? [String: Any] ?? [:]
        let loss: Loss = name == "mse" ? .mse : name == "mae" ? .mae : .huber(delta: huberDelta)
        return (loss, entry["value"] as? Double ?? .nan, Self.floats(entry["gradient"]))
    }

    /// Replays the recorded Adam step `variant` (`adam`, `adam_clipped`) on `parameters`
    /// with the MSE `gradient`: clipping first when the step has a limit.
    ///
    /// - Returns: the parameters after the step here, and the ones PyTorch reached.
    func adamStep(_ variant: String, parameters: [Float], gradient: [Float]) throws
        -> (updated: [Float], expected: [Float])
    {
        let step = try #require(json[variant] as? [String: Any])
        var gradient = gradient
        if let clip = step["clip"] as? Double {
            let norm = GradientClipping.globalNorm(gradient)
            GradientClipping.clip(&gradient, norm: norm, limit: Float(clip))
        }
        var optimizer = Adam(
            parameterCount: gradient.count,
            learningRate: Float(step["learning_rate"] as? Double ?? 0),
            weightDecay: Float(step["weight_decay"] as? Double ?? 0))
        var updated = parameters
        optimizer.step(&updated, gradient: gradient)
        return (updated, Self.floats(step["updated"]))
    }

    /// Expects `predictions` for this record's inputs to match PyTorch's outputs.
    func expectOutputs(
        _ predictions: [Float], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            isClose(predictions, outputs, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(predictions, outputs))", sourceLocation: sourceLocation)
    }

    /// Expects `model`'s loss `lossName` and its gradient on this batch to match PyTorch's.
    func expectLossAndGradient<Network: TrainableNetwork>(
        of model: Network, _ lossName: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let expected = loss(named: lossName)
        let result = model.lossAndGradient(
            inputs: inputs, targets: targets, rows: batch, loss: expected.loss)
        #expect(
            abs(result.loss - expected.value) <= 1e-5 * abs(expected.value) + 1e-7,
            sourceLocation: sourceLocation)
        #expect(
            isClose(result.gradient, expected.gradient, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(result.gradient, expected.gradient))", sourceLocation: sourceLocation)
    }

    /// Expects one Adam step (`adam`, `adam_clipped`) from `model`'s MSE gradient on this
    /// batch to reach PyTorch's parameters.
    func expectAdamStep<Network: TrainableNetwork>(
        of model: Network, _ variant: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let gradient = model.lossAndGradient(
            inputs: inputs, targets: targets, rows: batch, loss: .mse
        ).gradient
        let (parameters, expected) = try adamStep(
            variant, parameters: model.flatParameters, gradient: gradient)
        #expect(
            isClose(parameters, expected, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(parameters, expected))", sourceLocation: sourceLocation)
    }

    static func floats(_ value: Any?) -> [Float] {
        (value as? [Any] ?? []).map { Float(($0 as? NSNumber)?.doubleValue ?? .nan) }
    }
}
