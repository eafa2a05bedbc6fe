import Foundation
import Testing

@testable import Neural

/// Forward pass, losses, gradients and one Adam step against values PyTorch wrote with
/// `scripts/torch_fixtures.py`.
@Suite struct TorchParityTests {
    /// One fixture file, decoded.
    struct Fixture {
        var model: RecurrentModel
        var batch: Int
        var inputs: [Float]
        var targets: [Float]
        var outputs: [Float]
        var huberDelta: Float
        var json: [String: Any]

        init(named name: String) throws {
            let data = try Data(contentsOf: fixturesDirectory.appendingPathComponent(name))
            json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let configuration = RecurrentConfiguration(
                cell: try #require(RecurrentCell(rawValue: json["cell"] as? String ?? "")),
                layers: json["layers"] as? Int ?? 0, hiddenSize: json["hidden"] as? Int ?? 0,
                inputSize: json["input_size"] as? Int ?? 0,
                outputSize: json["output_size"] as? Int ?? 0,
                head: try #require(SequenceHead(rawValue: json["head"] as? String ?? "")),
                nonlinearity: try #require(
                    RecurrentNonlinearity(rawValue: json["nonlinearity"] as? String ?? "")))
            model = RecurrentModel(
                configuration: configuration, parameters: Self.floats(json["parameters"]))
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
            (value as? [Any] ?? []).map { Float(($0 as? NSNumber)?.doubleValue ?? .nan) }
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

    @Test func tensorNamesFollowThePyTorchStateDict() throws {
        let fixture = try Fixture(named: "torch-lstm-maxpool.json")
        let names = fixture.json["names"] as? [String] ?? []
        #expect(fixture.model.tensorShapes.map(\.name) == names)
    }
}
