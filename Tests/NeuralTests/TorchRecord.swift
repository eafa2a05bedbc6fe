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

    static func floats(_ value: Any?) -> [Float] {
        (value as? [Any] ?? []).map { Float(($0 as? NSNumber)?.doubleValue ?? .nan) }
    }
}
