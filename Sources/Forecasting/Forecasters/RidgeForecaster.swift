/// Ridge regression on the flattened window, solved in closed form, one per horizon.
///
/// Inputs are centred on their training means and the intercept is left unpenalised, so
/// `alpha` shrinks only the slopes: beta = (Xc'Xc + alpha I)^-1 Xc'yc. Every horizon shares
/// the inputs, so the Gram matrix is factored once and solved for each horizon's labels.
public struct RidgeForecaster: Forecaster {
    public let alpha: Double
    /// `[horizons][window * features]`.
    private var coefficients: [[Double]] = []
    private var inputMeans: [Double] = []
    private var intercepts: [Double] = []

    public init(alpha: Double) {
        self.alpha = alpha
    }

    public var fittedParameters: [Double] { coefficients.flatMap { $0 } + inputMeans + intercepts }

    public mutating func fit(training: SampleSet, validation: SampleSet?, context: FitContext)
        throws
    {
        let width = training.windowLength * training.featureCount
        let count = training.count
        guard count > 0 else { throw ForecastingError.emptyTrainingSet(fold: context.fold) }

        // Centre inputs and labels on their training means.
        var means = [Double](repeating: 0, count: width)
        for sample in 0..<count {
            for column in 0..<width {
                means[column] += Double(training.inputs[sample * width + column])
            }
        }
        means = means.map { $0 / Double(count) }
        let labels = (0..<training.horizonCount).map { training.targets(horizonIndex: $0) }
        let labelMeans = labels.map { $0.reduce(0, +) / Double(count) }

        // Accumulate the normal equations X'X + alpha I and X'y, one X'y per horizon.
        var gram = [Double](repeating: 0, count: width * width)
        var moments = [[Double]](
            repeating: [Double](repeating: 0, count: width), count: labels.count)
        var row = [Double](repeating: 0, count: width)
        var centredLabels = labelMeans
        for sample in 0..<count {
            for column in 0..<width {
                row[column] = Double(training.inputs[sample * width + column]) - means[column]
            }
            for horizon in labels.indices {
                centredLabels[horizon] = labels[horizon][sample] - labelMeans[horizon]
            }
            for i in 0..<width {
                let value = row[i]
                guard value != 0 else { continue }
                for horizon in labels.indices {
                    moments[horizon][i] += value * centredLabels[horizon]
                }
                for j in i..<width { gram[i * width + j] += value * row[j] }
            }
        }
        for i in 0..<width {
            gram[i * width + i] += alpha
            for j in 0..<i { gram[i * width + j] = gram[j * width + i] }
        }

        guard let factor = Cholesky(gram, size: width) else {
            throw ForecastingError.singularSystem(fold: context.fold)
        }
        coefficients = moments.map(factor.solve)
        inputMeans = means
        intercepts = labelMeans
    }

    public func predict(_ samples: SampleSet) -> [Double] {
        let width = samples.windowLength * samples.featureCount
        var forecasts: [Double] = []
        forecasts.reserveCapacity(samples.count * intercepts.count)
        for sample in 0..<samples.count {
            for (slopes, intercept) in zip(coefficients, intercepts) {
                var value = intercept
                for column in 0..<width {
                    let centred =
                        Double(samples.inputs[sample * width + column]) - inputMeans[column]
                    value += slopes[column] * centred
                }
                forecasts.append(value)
            }
        }
        return forecasts
    }
}

/// The Cholesky factor L of a symmetric positive definite matrix A = L L', for solving
/// A x = b for several right-hand sides.
struct Cholesky {
    let size: Int
    /// `[size, size]`, row-major; zero above the diagonal.
    private var lower: [Double]

    /// Factors `matrix`; nil when it is not positive definite.
    init?(_ matrix: [Double], size: Int) {
        self.size = size
        lower = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0...i {
                var sum = matrix[i * size + j]
                for k in 0..<j { sum -= lower[i * size + k] * lower[j * size + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    lower[i * size + i] = sum.squareRoot()
                } else {
                    lower[i * size + j] = sum / lower[j * size + j]
                }
            }
        }
    }

    /// Returns x with A x = `rightHandSide`.
    func solve(_ rightHandSide: [Double]) -> [Double] {
        // Forward substitution L y = b, then back substitution L' x = y.
        var y = rightHandSide
        for i in 0..<size {
            for k in 0..<i { y[i] -= lower[i * size + k] * y[k] }
            y[i] /= lower[i * size + i]
        }
        var x = y
        for i in stride(from: size - 1, through: 0, by: -1) {
            for k in (i + 1)..<size { x[i] -= lower[k * size + i] * x[k] }
            x[i] /= lower[i * size + i]
        }
        return x
    }
}
