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
    }

    @Test func parameterOrderFollowsThePyTorchStateDict() throws {
        let fixture = try Fixture()
        let names = fixture.record.json["names"] as? [String] ?? []
        #expect(names == ["hidden.weight", "hidden.bias", "head.weight", "head.bias"])
    }

    @Test func forwardPassMatchesPyTorch() throws {
        let fixture = try Fixture()
        let record = fixture.record
        record.expectOutputs(fixture.model.predict(record.inputs, batchSize: record.batch))
    }

    @Test(arguments: ["mse", "mae", "huber"])
    func lossAndGradientsMatchPyTorch(_ lossName: String) throws {
        let fixture = try Fixture()
        fixture.record.expectLossAndGradient(of: fixture.model, lossName)
    }

    @Test(arguments: ["adam", "adam_clipped"])
    func oneAdamStepMatchesPyTorch(_ variant: String) throws {
        let fixture = try Fixture()
        try fixture.record.expectAdamStep(of: fixture.model, variant)
    }
}
