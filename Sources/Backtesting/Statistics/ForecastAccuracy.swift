import Foundation

/// How well forecasts tracked what happened, and whether they beat the naive forecast.
///
/// Rows are aligned: `predicted[i]`, `actual[i]` and `naive[i]` belong to one decision day
/// and symbol. The caller drops rows whose actual value is not yet known.
public struct ForecastAccuracy: Sendable {
    /// The number of rows.
    public let count: Int

    /// √(mean((predicted - actual)²)).
    public let rootMeanSquaredError: Double

    /// mean(|predicted - actual|).
    public let meanAbsoluteError: Double

    /// The share of rows where sign(predicted) == sign(actual), with sign in {-1, 0, +1}.
    public let directionalAccuracy: Double

    /// The root mean squared error of the naive forecast.
    public let naiveRootMeanSquaredError: Double

    /// Theil's U as the contract defines it: rootMeanSquaredError / naiveRootMeanSquaredError;
    /// NaN when the naive forecast is perfect (zero naive error).
    public let theilU: Double

    /// The mean absolute scaled error; NaN unless a positive scale was given.
    public let meanAbsoluteScaledError: Double

    /// The Diebold–Mariano test of the forecasts against the naive forecast.
    public let dieboldMariano: DieboldMarianoTest

    /// Computes every accuracy measure.
    ///
    /// - Parameters:
    ///   - predicted: The forecasts.
    ///   - actual: The realised values.
    ///   - naive: The naive forecasts (zero for a return target, the last value for a level).
    ///   - horizon: The forecast horizon h in rows, for the Diebold–Mariano variance.
    ///   - scale: The MASE denominator, from ``naiveScale(trainingActuals:seasonalLag:)``.
    public init(
        predicted: [Double], actual: [Double], naive: [Double], horizon: Int = 1,
        scale: Double = .nan
    ) {
        precondition(
            predicted.count == actual.count && naive.count == actual.count, "aligned rows")
        count = actual.count
        rootMeanSquaredError = Self.rootMeanSquaredError(predicted: predicted, actual: actual)
        meanAbsoluteError = Self.meanAbsoluteError(predicted: predicted, actual: actual)
        directionalAccuracy = Self.directionalAccuracy(predicted: predicted, actual: actual)
        naiveRootMeanSquaredError = Self.rootMeanSquaredError(predicted: naive, actual: actual)
        theilU =
            naiveRootMeanSquaredError > 0
            ? rootMeanSquaredError / naiveRootMeanSquaredError : .nan
        meanAbsoluteScaledError = Self.meanAbsoluteScaledError(
            predicted: predicted, actual: actual, scale: scale)
        dieboldMariano = DieboldMarianoTest(
            predicted: predicted, actual: actual, naive: naive, horizon: horizon)
    }

    /// √(mean((predicted - actual)²)); NaN without rows.
    public static func rootMeanSquaredError(predicted: [Double], actual: [Double]) -> Double {
        DescriptiveStatistics.mean(zip(predicted, actual).map { ($0 - $1) * ($0 - $1) })
            .squareRoot()
    }

    /// mean(|predicted - actual|); NaN without rows.
    public static func meanAbsoluteError(predicted: [Double], actual: [Double]) -> Double {
        DescriptiveStatistics.mean(zip(predicted, actual).map { abs($0 - $1) })
    }

    /// The share of rows where the forecast has the sign of the outcome; NaN without rows.
    ///
    /// Zero is a sign of its own: a zero forecast matches only a zero outcome. A model that
    /// predicts "no move" is therefore not credited with every up or down day, and a flat
    /// outcome is not silently counted as a hit for any forecast.
    public static func directionalAccuracy(predicted: [Double], actual: [Double]) -> Double {
        let hits = zip(predicted, actual).filter { sign($0) == sign($1) }.count
        return actual.isEmpty ? .nan : Double(hits) / Double(actual.count)
    }

    /// The mean absolute scaled error of Hyndman & Koehler (2006): MAE / scale.
    ///
    /// - Parameter scale: The in-sample mean absolute error of the seasonal naive forecast,
    ///   from ``naiveScale(trainingActuals:seasonalLag:)`` on the training span only, so no
    ///   test value leaks into the denominator.
    /// - Returns: The ratio, or NaN when the scale is not positive (a flat training series).
    public static func meanAbsoluteScaledError(
        predicted: [Double], actual: [Double], scale: Double
    ) -> Double {
        guard scale > 0 else { return .nan }
        return meanAbsoluteError(predicted: predicted, actual: actual) / scale
    }

    /// The MASE scale: mean |y_t - y_(t-m)| over a training series (Hyndman & Koehler 2006).
    ///
    /// - Parameters:
    ///   - trainingActuals: The actual values of the training span, in time order.
    ///   - seasonalLag: m ≥ 1; 1 for the random walk.
    /// - Returns: The scale, or NaN when the series has no more than m values.
    public static func naiveScale(trainingActuals: [Double], seasonalLag: Int = 1) -> Double {
        precondition(seasonalLag >= 1, "the seasonal lag is at least one row")
        guard trainingActuals.count > seasonalLag else { return .nan }
        return DescriptiveStatistics.mean(
            (seasonalLag..<trainingActuals.count).map {
                abs(trainingActuals[$0] - trainingActuals[$0 - seasonalLag])
            })
    }

    private static func sign(_ value: Double) -> Int {
        value > 0 ? 1 : value < 0 ? -1 : 0
    }
}
