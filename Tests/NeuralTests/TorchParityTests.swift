import Foundation
import Testing

@testable import Neural

/// Forward pass, losses, gradients and one Adam step against values PyTorch wrote with
/// `scripts/torch_fixtures.py`.
@Suite struct TorchParityTests {
    /// One fixture file, decoded.
    struct Fixture {
        var model: RecurrentModel
        let record: TorchRecord

        init(named name: String) throws {
            record = try TorchRecord(fileNamed: name)
            let json = record.json
            let configuration = RecurrentConfiguration(
                cell: try #require(RecurrentCell(rawValue: json["cell"] as? String ?? "")),
                layers: json["layers"] as? Int ?? 0, hiddenSize: json["hidden"] as? Int ?? 0,
                inputSize: json["input_size"] as? Int ?? 0,
                outputSize: json["output_size"] as? Int ?? 0,
                head: try #require(SequenceHead(rawValue: json["head"] as? String ?? "")),
                nonlinearity: try #require(
                    RecurrentNonlinearity(rawValue: json["nonlinearity"] as? String ?? "")))
            model = RecurrentModel(
                configuration: configuration, parameters: TorchRecord.floats(json["parameters"]))
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

    static let fixtureNames = [
        "torch-rnn-last.json", "torch-rnn-maxpool.json", "torch-rnn-last-relu.json",
        "torch-lstm-last.json", "torch-lstm-maxpool.json",
        "torch-gru-last.json", "torch-gru-maxpool.json",
    ]

    @Test(arguments: fixtureNames)
    func forwardPassMatchesPyTorch(_ name: String) throws {
        let fixture = try Fixture(named: name)
        let predictions = fixture.model.predict(fixture.inputs, batchSize: fixture.batch)
        #expect(
            isClose(predictions, fixture.outputs, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(predictions, fixture.outputs))")
    }

    @Test(arguments: fixtureNames, ["mse", "mae", "huber"])
    func lossAndGradientsMatchPyTorch(_ name: String, _ lossName: String) throws {
        let fixture = try Fixture(named: name)
        let expected = fixture.loss(named: lossName)
        let result = fixture.model.lossAndGradient(
            inputs: fixture.inputs, targets: fixture.targets, rows: fixture.batch,
            loss: expected.loss)
        #expect(abs(result.loss - expected.value) <= 1e-5 * abs(expected.value) + 1e-7)
        #expect(
            isClose(result.gradient, expected.gradient, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(result.gradient, expected.gradient))")
    }

    @Test(arguments: fixtureNames, ["adam", "adam_clipped"])
    func oneAdamStepMatchesPyTorch(_ name: String, _ variant: String) throws {
        let fixture = try Fixture(named: name)
        let gradient = fixture.model.lossAndGradient(
            inputs: fixture.inputs, targets: fixture.targets, rows: fixture.batch, loss: .mse
        ).gradient
        let (parameters, expected) = try fixture.record.adamStep(
            variant, parameters: fixture.model.flatParameters, gradient: gradient)
        #expect(
            isClose(parameters, expected, rtol: 1e-5, atol: 1e-6),
            "\(worstMismatch(parameters, expected))")
    }

    @Test func tensorNamesFollowThePyTorchStateDict() throws {
        let fixture = try Fixture(named: "torch-lstm-maxpool.json")
        let names = fixture.json["names"] as? [String] ?? []
        #expect(fixture.model.tensorShapes.map(\.name) == names)
    }
}
