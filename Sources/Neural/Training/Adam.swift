import Foundation

/// Adam (Kingma and Ba, 2015) with `torch.optim.Adam`'s arithmetic, including its L2-style
/// weight decay (`grad + weightDecay * param`, not AdamW's decoupled decay).
struct Adam {
    let learningRate: Float
    let weightDecay: Float
    let firstMomentDecay: Float = 0.9
    let secondMomentDecay: Float = 0.999
    let epsilon: Float = 1e-8
    private(set) var stepCount = 0
    private var firstMoments: [Float]
    private var secondMoments: [Float]

    init(parameterCount: Int, learningRate: Float, weightDecay: Float) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        firstMoments = [Float](repeating: 0, count: parameterCount)
        secondMoments = [Float](repeating: 0, count: parameterCount)
    }

    /// One update of `parameters` from `gradient`.
    mutating func step(_ parameters: inout [Float], gradient: [Float]) {
        precondition(parameters.count == firstMoments.count && gradient.count == parameters.count)
        stepCount += 1

        // PyTorch forms the bias corrections in double precision, then rounds once.
        let correction1 = 1 - pow(Double(firstMomentDecay), Double(stepCount))
        let correction2 = 1 - pow(Double(secondMomentDecay), Double(stepCount))
        let stepSize = Float(Double(learningRate) / correction1)
        let correction2Root = Float(correction2.squareRoot())
        let beta1 = firstMomentDecay
        let beta2 = secondMomentDecay
        let decay = weightDecay
        let epsilon = epsilon

        for index in parameters.indices {
            let grad = decay == 0 ? gradient[index] : gradient[index] + decay * parameters[index]
            let first = firstMoments[index] + (grad - firstMoments[index]) * (1 - beta1)
            let second = secondMoments[index] * beta2 + (1 - beta2) * grad * grad
            firstMoments[index] = first
            secondMoments[index] = second
            let denominator = second.squareRoot() / correction2Root + epsilon
            parameters[index] -= stepSize * (first / denominator)
        }
    }
}
