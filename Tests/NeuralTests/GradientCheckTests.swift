import Testing

@testable import Neural

/// The kernels' analytic gradients against central differences of `DoubleReference`.
@Suite struct GradientCheckTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var cell: RecurrentCell
        var head: SequenceHead = .last
        var outputs = 1
        var loss: Loss = .mse
        var nonlinearity: RecurrentNonlinearity = .tanh

        var testDescription: String {
            "\(cell.rawValue) \(nonlinearity.rawValue) \(head.rawValue) x\(outputs) \(loss)"
        }
    }

    static let cases: [Case] =
        RecurrentCell.allCases.flatMap { cell in
            [
                Case(cell: cell), Case(cell: cell, head: .maxpool),
                Case(cell: cell, outputs: 3), Case(cell: cell, head: .maxpool, outputs: 2),
                Case(cell: cell, loss: .mae), Case(cell: cell, loss: .huber(delta: 0.3)),
            ]
        } + [
            Case(cell: .rnn, nonlinearity: .relu),
            Case(cell: .rnn, head: .maxpool, nonlinearity: .relu),
        ]

    @Test(arguments: cases)
    func analyticGradientMatchesCentralDifferencesInDouble(_ testCase: Case) {
        let configuration = RecurrentConfiguration(
            cell: testCase.cell, layers: 2, hiddenSize: 3, inputSize: 2,
            outputSize: testCase.outputs, head: testCase.head,
            nonlinearity: testCase.nonlinearity)
        expectGradientMatchesReference(
            configuration, modelSeed: 11, batch: 3, timeSteps: 4, loss: testCase.loss,
            dataSeed: 5)
    }

    @Test(arguments: RecurrentCell.allCases)
    func gradientUnderAFixedDropoutMaskMatchesCentralDifferences(_ cell: RecurrentCell) throws {
        let configuration = RecurrentConfiguration(
            cell: cell, layers: 2, hiddenSize: 3, inputSize: 2, outputSize: 2, dropout: 0.3)
        let model = RecurrentModel(configuration: configuration, seed: 13)
        let (batch, timeSteps) = (3, 4)
        let inputs = gaussianValues(batch * timeSteps * 2, seed: 7)
        let targets = gaussianValues(batch * 2, seed: 8)
        let plan = DropoutPlan(seed: 21, epoch: 2, batch: 5, firstPosition: 0)
        let analytic = model.lossAndGradient(
            inputs: inputs, targets: targets, rows: batch, loss: .mse, dropout: plan)

        // The same plan must give the same mask, so a second pass is bit-identical.
        let again = model.lossAndGradient(
            inputs: inputs, targets: targets, rows: batch, loss: .mse, dropout: plan)
        #expect(again.loss == analytic.loss && again.gradient == analytic.gradient)

        let masks = Self.dropoutMasks(
            plan, configuration: configuration, batch: batch, timeSteps: timeSteps)
        let drawn = masks.flatMap { $0 }
        try #require(drawn.contains(0) && drawn.contains { $0 > 0 }, "dropout is not active")

        let reference = DoubleReference(configuration)
        let doubleInputs = inputs.map(Double.init)
        let doubleTargets = targets.map(Double.init)
        func loss(_ parameters: [Double]) -> Double {
            let outputs = reference.forward(
                parameters, inputs: doubleInputs, batch: batch, dropoutMasks: masks)
            return DoubleReference.loss(.mse, outputs: outputs, targets: doubleTargets)
        }
        let parameters = model.flatParameters.map(Double.init)
        // Agreeing losses show the reference replays the engine's mask.
        #expect(abs(loss(parameters) - analytic.loss) <= 1e-5 * max(1, abs(analytic.loss)))

        expectGradient(analytic.gradient, matchesCentralDifferencesOf: loss, at: parameters)
    }

    /// Enough rows that the backward pass forms its weight and input gradients over several
    /// blocks of steps, the first (last in time) a partial one; three layers, so the input
    /// gradient buffers change roles twice.
    @Test(arguments: RecurrentCell.allCases)
    func gradientOverBlocksOfStepsAndThreeLayersMatchesCentralDifferences(_ cell: RecurrentCell) {
        let (batch, timeSteps) = (30, 10)
        let blockSteps = LayerPass.blockSteps(rows: batch)
        #expect(blockSteps > 1 && timeSteps > blockSteps && timeSteps % blockSteps != 0)
        let configuration = RecurrentConfiguration(
            cell: cell, layers: 3, hiddenSize: 3, inputSize: 2, outputSize: 1)
        expectGradientMatchesReference(
            configuration, modelSeed: 13, batch: batch, timeSteps: timeSteps, dataSeed: 9)
    }

    /// One time step: the block holds step 0 alone, whose zero previous state adds nothing
    /// to `dW_hh`, and the gradient flows through the input side only.
    @Test(arguments: RecurrentCell.allCases)
    func gradientOfASingleStepMatchesCentralDifferences(_ cell: RecurrentCell) {
        let configuration = RecurrentConfiguration(
            cell: cell, layers: 2, hiddenSize: 3, inputSize: 2, outputSize: 1)
        expectGradientMatchesReference(
            configuration, modelSeed: 17, batch: 4, timeSteps: 1, dataSeed: 11)
    }

    /// Runs `batch` seeded windows through a model of `configuration` (no dropout), then
    /// holds the engine's loss to `DoubleReference` and its gradient to central differences
    /// of the reference's loss. Targets draw from `dataSeed + 1`.
    private func expectGradientMatchesReference(
        _ configuration: RecurrentConfiguration, modelSeed: UInt64, batch: Int, timeSteps: Int,
        loss lossKind: Loss = .mse, dataSeed: UInt64
    ) {
        let model = RecurrentModel(configuration: configuration, seed: modelSeed)
        let inputs = gaussianValues(
            batch * timeSteps * configuration.inputSize, seed: dataSeed)
        let targets = gaussianValues(batch * configuration.outputSize, seed: dataSeed + 1)
        let analytic = model.lossAndGradient(
            inputs: inputs, targets: targets, rows: batch, loss: lossKind)

        let reference = DoubleReference(configuration)
        let doubleInputs = inputs.map(Double.init)
        let doubleTargets = targets.map(Double.init)
        func loss(_ parameters: [Double]) -> Double {
            let outputs = reference.forward(parameters, inputs: doubleInputs, batch: batch)
            return DoubleReference.loss(lossKind, outputs: outputs, targets: doubleTargets)
        }
        let parameters = model.flatParameters.map(Double.init)
        #expect(abs(loss(parameters) - analytic.loss) <= 1e-5 * max(1, abs(analytic.loss)))
        expectGradient(analytic.gradient, matchesCentralDifferencesOf: loss, at: parameters)
    }

    @Test func splittingTheBatchAcrossThreadsGivesTheSameGradient() {
        let configuration = RecurrentConfiguration(
            cell: .lstm, layers: 2, hiddenSize: 5, inputSize: 3, outputSize: 2)
        let model = RecurrentModel(configuration: configuration, seed: 3)
        let inputs = gaussianValues(7 * 6 * 3, seed: 1)
        let targets = gaussianValues(7 * 2, seed: 2)
        let single = model.lossAndGradient(inputs: inputs, targets: targets, rows: 7, loss: .mse)
        let split = model.lossAndGradient(
            inputs: inputs, targets: targets, rows: 7, loss: .mse, threads: 2)
        #expect(abs(single.loss - split.loss) <= 1e-6)
        #expect(isClose(split.gradient, single.gradient, rtol: 1e-5, atol: 1e-7))
    }

    /// The inverted-dropout masks the engine draws for `plan` on one unsplit chunk, per
    /// layer below the top as `[batch, time, hidden]`: one generator per (epoch, batch,
    /// position, layer) stream, drawn time step by time step, unit by unit.
    static func dropoutMasks(
        _ plan: DropoutPlan, configuration: RecurrentConfiguration, batch: Int, timeSteps: Int
    ) -> [[Double]] {
        let probability = configuration.dropout
        let keptScale = Double(1 / (1 - probability))
        return (0..<(configuration.layers - 1)).map { layer in
            (0..<batch).flatMap { row in
                var generator = SeededGenerator(
                    seed: plan.seed,
                    stream: [
                        UInt64(plan.epoch), UInt64(plan.batch),
                        UInt64(plan.firstPosition + row), UInt64(layer),
                    ])
                return (0..<(timeSteps * configuration.hiddenSize)).map { _ in
                    generator.nextUnitFloat() >= probability ? keptScale : 0
                }
            }
        }
    }
}
