import Foundation
import Testing

@testable import Neural

/// Each cell learns a noisy AR(2) process far better than the naive last-value forecast.
@Suite struct LearningTests {
    /// Windows of `windowLength` steps of `x_t = x_{t-1} - 0.9 x_{t-2} + noise` and the
    /// next value as target; a fast damped oscillation that the last value predicts poorly.
    static func autoregressiveWindows(
        count: Int, windowLength: Int, seed: UInt64
    ) -> (inputs: [Float], targets: [Float]) {
        var generator = SeededGenerator(seed: seed)
        var series: [Float] = [0, 0.5]
        while series.count < count + windowLength + 1 {
            let next = series[series.count - 1] - 0.9 * series[series.count - 2]
            series.append(next + 0.1 * generator.nextGaussian())
        }
        var inputs: [Float] = []
        var targets: [Float] = []
        for start in 0..<count {
            inputs += series[start..<(start + windowLength)]
            targets.append(series[start + windowLength])
        }
        return (inputs, targets)
    }

    @Test(arguments: RecurrentCell.allCases)
    func cellBeatsTheLastValueForecastOnAnAutoregressiveSeries(_ cell: RecurrentCell) throws {
        let windowLength = 12
        let training = Self.autoregressiveWindows(count: 384, windowLength: windowLength, seed: 1)
        let test = Self.autoregressiveWindows(count: 128, windowLength: windowLength, seed: 2)
        var model = RecurrentModel(
            configuration: RecurrentConfiguration(cell: cell, hiddenSize: 12, inputSize: 1),
            seed: 3)
        try Trainer.fit(
            &model, inputs: training.inputs, targets: training.targets, sampleCount: 384,
            timeSteps: windowLength,
            options: TrainingOptions(epochs: 30, batchSize: 32, learningRate: 0.01, seed: 4))

        let predictions = model.predict(test.inputs, batchSize: 128)
        var modelError: Float = 0
        var naiveError: Float = 0
        for sample in 0..<128 {
            let last = test.inputs[sample * windowLength + windowLength - 1]
            modelError += pow(predictions[sample] - test.targets[sample], 2)
            naiveError += pow(last - test.targets[sample], 2)
        }
        #expect(modelError < 0.3 * naiveError, "model \(modelError) vs naive \(naiveError)")
    }
}
