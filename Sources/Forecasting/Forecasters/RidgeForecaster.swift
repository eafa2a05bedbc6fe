/// Ridge regression on the flattened window, solved in closed form.
///
/// Inputs are centred on their training means and the intercept is left unpenalised, so
/// `alpha` shrinks only the slopes: beta = (Xc'Xc + alpha I)^-1 Xc'yc.
public struct RidgeForecaster: Forecaster {
    public let alpha: Double
    private var coefficients: [Double] = []
    private var inputMeans: [Double] = []
    private var intercept = 0.0

    public init(alpha: Double) {
        self.alpha = alpha
    }

    public var fittedParameters: [Double] { coefficients + inputMeans + [intercept] }

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
        let labelMean = training.targets.reduce(0, +) / Double(count)

        // Accumulate the normal equations X'X + alpha I and X'y.
        var gram = [Double](repeating: 0, count: width * width)
        var moment = [Double](repeating: 0, count: width)
        var row = [Double](repeating: 0, count: width)
        for sample in 0..<count {
            for column in 0..<width {
                row[column] = Double(training.inputs[sample * width + column]) - means[column]
            }
            let label = training.targets[sample] - labelMean
            for i in 0..<width {
                let value = row[i]
                guard value != 0 else { continue }
                moment[i] += value * label
                for j in i..<width { gram[i * width + j] += value * row[j] }
            }
        }
        for i in 0..<width {
            gram[i * width + i] += alpha
            for j in 0..<i { gram[i * width + j] = gram[j * width + i] }
        }

        guard let solution = Cholesky.solve(gram, moment, size: width) else {
            throw ForecastingError.singularSystem(fold: context.fold)
        }
        coefficients = solution
        inputMeans = means
        intercept = labelMean
    }

    public func predict(_ samples: SampleSet) -> [Double] {
        let width = samples.windowLength * samples.featureCount
        return (0..<samples.count).map { sample in
            var value = intercept
            for column in 0..<width {
                let centred = Double(samples.inputs[sample * width + column]) - inputMeans[column]
                value += coefficients[column] * centred
            }
            return value
        }
    }
}

/// Solves a symmetric positive definite system by Cholesky factorisation.
enum Cholesky {
    /// Returns x with A x = b, or nil when A is not positive definite.
    static func solve(_ matrix: [Double], _ rightHandSide: [Double], size: Int) -> [Double]? {
        var lower = [Double](repeating: 0, count: size * size)
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
