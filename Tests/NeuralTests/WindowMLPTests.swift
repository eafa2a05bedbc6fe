import Testing

@testable import Neural

@Suite struct WindowMLPTests {
    static let configuration = WindowMLP.Configuration(
        windowLength: 4, inputSize: 2, hiddenSize: 5, outputSize: 2)

    @Test func parameterCountCoversBothDenseLayers() {
        let model = WindowMLP(configuration: Self.configuration, seed: 1)
        #expect(model.parameterCount == 5 * 8 + 5 + 2 * 5 + 2)
        #expect(model.flatParameters.count == model.parameterCount)
    }

    @Test(arguments: [Loss.mse, .mae, .huber(delta: 0.4)])
    func denseGradientMatchesCentralDifferencesInDouble(_ loss: Loss) {
        let shape = Self.configuration
        let model = WindowMLP(configuration: shape, seed: 2)
        let batch = 3
        let inputs = gaussianValues(batch * 8, seed: 3)
        let targets = gaussianValues(batch * 2, seed: 4)
        let gradient = model.lossAndGradient(
            inputs: inputs, targets: targets, rows: batch, loss: loss
        ).gradient

        // Plain Double forward of relu(x W1^T + b1) W2^T + b2.
        func meanLoss(_ p: [Double]) -> Double {
            var outputs: [Double] = []
            for row in 0..<batch {
                let hidden = (0..<5).map { unit -> Double in
                    var sum = p[shape.hiddenBiasOffset + unit]
                    for column in 0..<8 {
                        sum += p[unit * 8 + column] * Double(inputs[row * 8 + column])
                    }
                    return max(sum, 0)
                }
                for output in 0..<2 {
                    var sum = p[shape.headBiasOffset + output]
                    for unit in 0..<5 {
                        sum += p[shape.headWeightOffset + output * 5 + unit] * hidden[unit]
                    }
                    outputs.append(sum)
                }
            }
            return DoubleReference.loss(loss, outputs: outputs, targets: targets.map(Double.init))
        }
        expectGradient(
            gradient, matchesCentralDifferencesOf: meanLoss,
            at: model.flatParameters.map(Double.init))
    }

    @Test func baselineLearnsALinearFunctionOfTheWindow() throws {
        let shape = WindowMLP.Configuration(windowLength: 4, inputSize: 2, hiddenSize: 16)
        var model = WindowMLP(configuration: shape, seed: 9)
        let count = 256
        let inputs = gaussianValues(count * 8, seed: 10)
        let targets = (0..<count).map { sample -> Float in
            let recent: Float = inputs[sample * 8 + 6]
            let oldest: Float = inputs[sample * 8]
            return 0.8 * recent - 0.4 * oldest
        }
        let reports = try Trainer.fit(
            &model, inputs: inputs, targets: targets, sampleCount: count,
            options: TrainingOptions(epochs: 40, batchSize: 32, learningRate: 0.01, seed: 1))
        let variance = targets.map { $0 * $0 }.reduce(0, +) / Float(count)
        #expect(reports.last!.trainingLoss < 0.05 * variance)
    }
}
