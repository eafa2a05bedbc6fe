import Foundation

/// A model that learns from training windows and forecasts test windows.
///
/// Implementations must be deterministic for a given `FitContext.seed` and thread count:
/// the leakage audit compares `fittedParameters` and predictions bit for bit.
public protocol Forecaster: Sendable {
    /// Fits on `training`; `validation`, when given, is for early stopping only.
    mutating func fit(training: SampleSet, validation: SampleSet?, context: FitContext) throws

    /// One forecast per sample and horizon, in target units: `[count, horizonCount]`,
    /// row-major, horizons in the order of the samples' targets.
    func predict(_ samples: SampleSet) -> [Double]

    /// Every fitted number, for bit-for-bit comparison.
    var fittedParameters: [Double] { get }

    /// Writes the fitted model; false when the forecaster has nothing worth a file.
    func save(to url: URL, metadata: [String: String]) throws -> Bool

    /// The number of trainable weights, for comparing model sizes in a report.
    var parameterCount: Int { get }
}

extension Forecaster {
    public func save(to url: URL, metadata: [String: String]) throws -> Bool { false }

    public var parameterCount: Int { fittedParameters.count }
}

/// What a forecaster needs to know about the fold it is fitted for.
public struct FitContext: Sendable {
    public let fold: Int
    public let seed: UInt64
    public let threads: Int
    public let progress: @Sendable (ForecastProgress) -> Void

    public init(
        fold: Int, seed: UInt64, threads: Int,
        progress: @escaping @Sendable (ForecastProgress) -> Void = { _ in }
    ) {
        self.fold = fold
        self.seed = seed
        self.threads = threads
        self.progress = progress
    }
}

/// Progress of a walk-forward run, reported to whoever owns the terminal.
public enum ForecastProgress: Sendable {
    case foldStarted(fold: Int, of: Int, cutoff: String, trainingSamples: Int)
    case epoch(fold: Int, epoch: Int, of: Int, trainingLoss: Double, validationLoss: Double?)
    case foldFinished(fold: Int, seconds: Double)
}

/// The random walk: tomorrow looks like today.
public struct NaiveForecaster: Forecaster {
    public init() {}

    public mutating func fit(training: SampleSet, validation: SampleSet?, context: FitContext) {}

    public func predict(_ samples: SampleSet) -> [Double] {
        samples.naive.flatMap { repeatElement($0, count: samples.horizonCount) }
    }

    public var fittedParameters: [Double] { [] }
}

/// The random walk with drift: the mean training label, every day, per horizon.
public struct DriftForecaster: Forecaster {
    /// The mean excess of the label over the naive forecast, one per horizon.
    private var meanLabels: [Double] = []

    public init() {}

    public mutating func fit(training: SampleSet, validation: SampleSet?, context: FitContext) {
        meanLabels = (0..<training.horizonCount).map { horizonIndex in
            let excessOverNaive = zip(training.targets(horizonIndex: horizonIndex), training.naive)
                .map { $0 - $1 }
            return excessOverNaive.reduce(0, +) / Double(max(1, excessOverNaive.count))
        }
    }

    public func predict(_ samples: SampleSet) -> [Double] {
        samples.naive.flatMap { naive in meanLabels.map { naive + $0 } }
    }

    public var fittedParameters: [Double] { meanLabels }
}
