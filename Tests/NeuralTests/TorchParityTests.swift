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
    }

    static let fixtureNames = [
        "torch-rnn-last.json", "torch-rnn-maxpool.json", "torch-rnn-last-relu.json",
        "torch-lstm-last.json", "torch-lstm-maxpool.json",
        "torch-gru-last.json", "torch-gru-maxpool.json",
    ]

    @Test(arguments: fixtureNames)
    func forwardPassMatchesPyTorch(_ name: String) throws {
        let fixture = try Fixture(named: name)
        let record = fixture.record
        record.expectOutputs(fixture.model.predict(record.inputs, batchSize: record.batch))
    }

    @Test(arguments: fixtureNames, ["mse", "mae", "huber"])
    func lossAndGradientsMatchPyTorch(_ name: String, _ lossName: String) throws {
        let fixture = try Fixture(named: name)
        fixture.record.expectLossAndGradient(of: fixture.model, lossName)
    }

    @Test(arguments: fixtureNames, ["adam", "adam_clipped"])
    func oneAdamStepMatchesPyTorch(_ name: String, _ variant: String) throws {
        let fixture = try Fixture(named: name)
        try fixture.record.expectAdamStep(of: fixture.model, variant)
    }

    @Test func tensorNamesFollowThePyTorchStateDict() throws {
        let fixture = try Fixture(named: "torch-lstm-maxpool.json")
        let names = fixture.record.json["names"] as? [String] ?? []
        #expect(fixture.model.tensorShapes.map(\.name) == names)
    }
}
