/// The training objective, averaged over every element of `[batch, outputSize]` as PyTorch's
/// `reduction="mean"` does.
public enum Loss: Sendable, Equatable {
    /// Mean squared error, `nn.MSELoss`.
    case mse
    /// Mean absolute error, `nn.L1Loss`; the gradient at zero error is zero.
    case mae
    /// `nn.HuberLoss(delta:)`: quadratic within `delta`, linear beyond.
    case huber(delta: Float)

    /// The loss of one element with error `prediction - target`, in `Double` for summing.
    @inline(__always)
    func value(error: Float) -> Double {
        let error = Double(error)
        switch self {
        case .mse:
            return error * error
        case .mae:
            return abs(error)
        case .huber(let delta):
            let delta = Double(delta)
            let size = abs(error)
            return size < delta ? 0.5 * error * error : delta * (size - 0.5 * delta)
        }
    }

    /// d loss / d prediction of one element, before the `1 / count` of the mean.
    @inline(__always)
    func derivative(error: Float) -> Float {
        switch self {
        case .mse:
            return 2 * error
        case .mae:
            return error > 0 ? 1 : (error < 0 ? -1 : 0)
        case .huber(let delta):
            return Swift.min(Swift.max(error, -delta), delta)
        }
    }

    /// Summed loss over `count` elements; writes `scale * derivative` into `gradient`.
    static func evaluate(
        _ loss: Loss, predictions: UnsafePointer<Float>, targets: UnsafePointer<Float>,
        count: Int, scale: Float, gradient: UnsafeMutablePointer<Float>?
    ) -> Double {
        var total = 0.0
        for index in 0..<count {
            let error = predictions[index] - targets[index]
            total += loss.value(error: error)
            gradient?[index] = scale * loss.derivative(error: error)
        }
        return total
    }
}
