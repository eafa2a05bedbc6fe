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
        let update = AdamUpdate(
            beta1: firstMomentDecay, beta2: secondMomentDecay, weightDecay: weightDecay,
            epsilon: epsilon, stepSize: stepSize, correction2Root: correction2Root)
        parameters.withUnsafeMutableBufferPointer { parameter in
            firstMoments.withUnsafeMutableBufferPointer { first in
                secondMoments.withUnsafeMutableBufferPointer { second in
                    gradient.withUnsafeBufferPointer { gradient in
                        update.apply(
                            parameters: parameter.baseAddress!, first: first.baseAddress!,
                            second: second.baseAddress!, gradient: gradient.baseAddress!,
                            count: parameter.count)
                    }
                }
            }
        }
    }
}

/// One Adam update written once for vector lanes and for a scalar tail (LLVM leaves the
/// plain loop scalar); every element sees the same IEEE operations either way.
private struct AdamUpdate {
    var beta1: Float
    var beta2: Float
    var weightDecay: Float
    var epsilon: Float
    var stepSize: Float
    var correction2Root: Float

    func apply(
        parameters: UnsafeMutablePointer<Float>, first: UnsafeMutablePointer<Float>,
        second: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, count: Int
    ) {
        forEachLane(count) { index in
            update(
                Lanes.self, parameters + index, first + index, second + index, gradient + index)
        } tail: { index in
            update(
                Float.self, parameters + index, first + index, second + index, gradient + index)
        }
    }

    @inline(__always)
    private func update<V: FloatLanes>(
        _: V.Type, _ parameter: UnsafeMutablePointer<Float>, _ first: UnsafeMutablePointer<Float>,
        _ second: UnsafeMutablePointer<Float>, _ gradient: UnsafePointer<Float>
    ) {
        let value = V.load(parameter)
        var grad = V.load(gradient)
        if weightDecay != 0 {
            grad = grad + V(repeating: weightDecay) * value
        }
        let oldFirst = V.load(first)
        let newFirst = oldFirst + (grad - oldFirst) * V(repeating: 1 - beta1)
        let newSecond =
            V.load(second) * V(repeating: beta2) + V(repeating: 1 - beta2) * grad * grad
        newFirst.store(first)
        newSecond.store(second)
        let denominator =
            newSecond.squareRoot() / V(repeating: correction2Root) + V(repeating: epsilon)
        (value - V(repeating: stepSize) * (newFirst / denominator)).store(parameter)
    }
}
