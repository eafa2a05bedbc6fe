import Testing

@testable import Neural

/// Inference runs a forward-only path (no activation caches, input projected step by step);
/// it must agree with the training forward pass that the PyTorch parity tests check.
@Suite struct InferencePathTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var cell: RecurrentCell
        var head: SequenceHead
        var nonlinearity: RecurrentNonlinearity = .tanh
        var testDescription: String { "\(cell) \(head) \(nonlinearity)" }
    }

    static let cases: [Case] = [
        Case(cell: .lstm, head: .last), Case(cell: .lstm, head: .maxpool),
        Case(cell: .gru, head: .last), Case(cell: .gru, head: .maxpool),
        Case(cell: .rnn, head: .last), Case(cell: .rnn, head: .maxpool, nonlinearity: .relu),
    ]

    @Test(arguments: cases)
    func forwardOnlyPredictionsMatchTheCachingForwardPass(_ testCase: Case) {
        // Hidden 9 exercises both the vector body (4 or 8 lanes) and the scalar tail;
        // 70 windows make the predict path use a full 64-row block and a short one.
        let configuration = RecurrentConfiguration(
            cell: testCase.cell, layers: 2, hiddenSize: 9, inputSize: 3, outputSize: 2,
            head: testCase.head, nonlinearity: testCase.nonlinearity)
        let model = RecurrentModel(configuration: configuration, seed: 11)
        let (rows, timeSteps) = (70, 12)
        let inputs = gaussianValues(rows * timeSteps * 3, seed: 5)

        let predicted = model.predict(inputs, batchSize: rows)

        let workspace = RecurrentWorkspace(
            configuration: configuration, timeSteps: timeSteps, capacity: rows, training: true)
        let cached = model.flatParameters.withUnsafeBufferPointer { parameters in
            inputs.withUnsafeBufferPointer { inputBuffer in
                workspace.forward(
                    parameters: parameters.baseAddress!, inputs: inputBuffer.baseAddress!,
                    rows: rows, dropout: nil, cachesForBackward: true)
                return Array(UnsafeBufferPointer(start: workspace.predictions, count: rows * 2))
            }
        }
        #expect(
            isClose(predicted, cached, rtol: 1e-6, atol: 1e-7),
            "\(worstMismatch(predicted, cached))")
    }

    @Test(arguments: cases)
    func inferenceWorkspacesPredictTheSameBitsInAFractionOfTheMemory(_ testCase: Case) throws {
        let configuration = RecurrentConfiguration(
            cell: testCase.cell, layers: 3, hiddenSize: 9, inputSize: 3, outputSize: 2,
            head: testCase.head, nonlinearity: testCase.nonlinearity)
        let model = RecurrentModel(configuration: configuration, seed: 3)
        let (rows, timeSteps) = (5, 40)
        let inputs = gaussianValues(rows * timeSteps * 3, seed: 8)

        var predictions: [[Float]] = []
        for training in [true, false] {
            let workspace = RecurrentWorkspace(
                configuration: configuration, timeSteps: timeSteps, capacity: rows,
                training: training)
            predictions.append(
                model.flatParameters.withUnsafeBufferPointer { parameters in
                    inputs.withUnsafeBufferPointer { inputBuffer in
                        workspace.forward(
                            parameters: parameters.baseAddress!,
                            inputs: inputBuffer.baseAddress!, rows: rows, dropout: nil,
                            cachesForBackward: false)
                        return Array(
                            UnsafeBufferPointer(start: workspace.predictions, count: rows * 2))
                    }
                })
        }
        #expect(predictions[0] == predictions[1])

        let trainingFloats = RecurrentWorkspace.floatCount(
            configuration, timeSteps: timeSteps, capacity: rows, training: true)
        let inferenceFloats = RecurrentWorkspace.floatCount(
            configuration, timeSteps: timeSteps, capacity: rows, training: false)
        let ratio = Double(try #require(inferenceFloats)) / Double(try #require(trainingFloats))
        #expect(ratio < (testCase.cell == .rnn ? 0.6 : 0.35), "inference keeps \(ratio)")
    }
}
