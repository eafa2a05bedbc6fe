import Foundation
import Testing

@testable import Neural

/// The window MLP's forward pass, losses, gradients and one Adam step against
/// `torch-window-mlp.json`, written by `scripts/torch_fixtures.py`.
@Suite struct WindowMLPParityTests {
    /// The fixture file, decoded.
    struct Fixture {
        var model: WindowMLP
        let record: TorchRecord

        init() throws {
            record = try TorchRecord(fileNamed: "torch-window-mlp.json")
            let json = record.json
            let configuration = WindowMLP.Configuration(
                windowLength: json["window_length"] as? Int ?? 0,
                inputSize: json["input_size"] as? Int ?? 0,
                hiddenSize: json["hidden"] as? Int ?? 0,
                outputSize: json["output_size"] as? Int ?? 0)
            try configuration.validate()
            let parameters = TorchRecord.floats(json["parameters"])
            try #require(parameters.count == configuration.parameterCount)
            model = WindowMLP(configuration: configuration, seed: 0)
            model.flatParameters = parameters
        }

        var json: [String: Any] { record.json }
        var batch: Int { record.batch }
        var inputs: [Float] { record.inputs }
        var targets: [Float] { record.targets }
        var outputs: [Float] { record.outputs }

        func loss(named name: String) -> (loss: Loss, value: Double, gradient: [Float]) {
            record.loss(named: name)
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
        let gradient = fixture.model.lossAndGradient(
            inputs: fixture.inputs, targets: fixture.targets, rows: fixture.batch, loss: .mse
        ).gradient
        let (parameters, expected) = try fixture.record.adamStep(
            variant, parameters: fixture.model.flatParameters, gradient: gradient)
        #expect(
            isClose(parameters, expected, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(parameters, expected))")
    }
}
