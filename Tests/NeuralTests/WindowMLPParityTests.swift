import Foundation
import Testing

@testable import Neural

/// The window MLP's forward pass, losses, gradients and one Adam step against
/// `torch-window-mlp.json`, written by `scripts/torch_fixtures.py`.
@Suite struct WindowMLPParityTests {
    /// The fixture file, decoded.
    struct Fixture {
        var model: WindowMLP
        var batch: Int
        var inputs: [Float]
        var targets: [Float]
        var outputs: [Float]
        var huberDelta: Float
        var json: [String: Any]

        init() throws {
            let url = fixturesDirectory.appendingPathComponent("torch-window-mlp.json")
            json = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let configuration = WindowMLP.Configuration(
                windowLength: json["window_length"] as? Int ?? 0,
                inputSize: json["input_size"] as? Int ?? 0,
                hiddenSize: json["hidden"] as? Int ?? 0,
                outputSize: json["output_size"] as? Int ?? 0)
            try configuration.validate()
            let parameters = Self.floats(json["parameters"])
            try #require(parameters.count == configuration.parameterCount)
            model = WindowMLP(configuration: configuration, seed: 0)
            model.flatParameters = parameters
            batch = json["batch"] as? Int ?? 0
            inputs = Self.floats(json["inputs"])
            targets = Self.floats(json["targets"])
            outputs = Self.floats(json["outputs"])
            huberDelta = Float(json["huber_delta"] as? Double ?? 0)
        }

        func loss(named name: String) -> (loss: Loss, value: Double, gradient: [Float]) {
            let entry = (json["losses"] as? [String: Any])?[name] as? [String: Any] ?? [:]
            let loss: Loss = name == "mse" ? .mse : name == "mae" ? .mae : .huber(delta: huberDelta)
            return (loss, entry["value"] as? Double ?? .nan, Self.floats(entry["gradient"]))
        }

        static func floats(_ value: Any?) -> [Float] {
            TorchParityTests.Fixture.floats(value)
        }
    }

    @Test func parameterOrderFollowsThePyTorchStateDict() throws {
        let fixture = try Fixture()
        let names = fixture.json["names"] as? [String] ?? []
        #expect(names == ["hidden.weight", "hidden.bias", "head.weight", "head.bias"])
    }

    @Test func forwardPassMatchesPyTorch() throws {
        let fixture = try Fixture()
        let predictions = fixture.model.predict(fixture.inputs, batchSize: fixture.batch)
        #expect(
            isClose(predictions, fixture.outputs, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(predictions, fixture.outputs))")
    }

    @Test(arguments: ["mse", "mae", "huber"])
    func lossAndGradientsMatchPyTorch(_ lossName: String) throws {
        let fixture = try Fixture()
        let expected = fixture.loss(named: lossName)
        let result = fixture.model.lossAndGradient(
            inputs: fixture.inputs, targets: fixture.targets, rows: fixture.batch,
            loss: expected.loss)
        #expect(abs(result.loss - expected.value) <= 1e-5 * abs(expected.value) + 1e-7)
        #expect(
            isClose(result.gradient, expected.gradient, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(result.gradient, expected.gradient))")
    }

    @Test(arguments: ["adam", "adam_clipped"])
    func oneAdamStepMatchesPyTorch(_ variant: String) throws {
        let fixture = try Fixture()
        let step = try #require(fixture.json[variant] as? [String: Any])
        var gradient = fixture.model.lossAndGradient(
            inputs: fixture.inputs, targets: fixture.targets, rows: fixture.batch, loss: .mse
        ).gradient
        if let clip = step["clip"] as? Double {
            let norm = GradientClipping.globalNorm(gradient)
            GradientClipping.clip(&gradient, norm: norm, limit: Float(clip))
        }
        var optimizer = Adam(
            parameterCount: gradient.count,
            learningRate: Float(step["learning_rate"] as? Double ?? 0),
            weightDecay: Float(step["weight_decay"] as? Double ?? 0))
        var parameters = fixture.model.flatParameters
        optimizer.step(&parameters, gradient: gradient)
        let expected = Fixture.floats(step["updated"])
        #expect(
            isClose(parameters, expected, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(parameters, expected))")
    }
}
