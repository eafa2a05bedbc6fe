/// One walk-forward fold on the shared trading calendar.
///
/// Indices count trading days of the union calendar of the strategy's tickers. Training uses
/// decision days in `training`, early stopping those in `validation`, and the fold forecasts
/// every decision day in `test`; `cutoff` is the first test day.
public struct FoldPlan: Sendable, Equatable {
    public let index: Int
    public let training: ClosedRange<Int>
    public let validation: ClosedRange<Int>?
    public let test: Range<Int>

    public var cutoff: Int { test.lowerBound }
}

/// Splits a calendar into time-ordered walk-forward folds.
public struct WalkForwardSplitter: Sendable {
    public let settings: WalkForwardSettings
    public let purgeDays: Int
    public let embargoDays: Int

    public init(settings: WalkForwardSettings, purgeDays: Int, embargoDays: Int) {
        self.settings = settings
        self.purgeDays = purgeDays
        self.embargoDays = embargoDays
    }

    /// Days from the first decision day to the first cutoff.
    public var daysBeforeFirstCutoff: Int { settings.trainDays + purgeDays + embargoDays }

    /// The folds over decision days `firstDecisionDay..<dayCount`.
    ///
    /// Leakage rule 2: a fold with cutoff T trains on decision days up to T - purge - embargo
    /// - 1, so every training label (dated up to that day + horizon) precedes the first bar
    /// that any test window reads (T - window + 1). Test spans never overlap: a fold tests
    /// until the next fold's cutoff at the latest.
    ///
    /// - Throws: `ForecastingError.noFolds` when not even one test day fits.
    public func folds(firstDecisionDay: Int, dayCount: Int) throws -> [FoldPlan] {
        let testLength = min(settings.testDays, settings.stepDays)
        var cutoff = firstDecisionDay + daysBeforeFirstCutoff
        guard cutoff < dayCount else {
            throw ForecastingError.noFolds(
                bars: dayCount - firstDecisionDay, needed: daysBeforeFirstCutoff + 1)
        }
        var folds: [FoldPlan] = []
        while cutoff < dayCount {
            let trainingEnd = cutoff - purgeDays - embargoDays - 1
            let trainingStart =
                settings.scheme == .expanding
                ? firstDecisionDay : trainingEnd - settings.trainDays + 1
            let (fitting, validation) = carveValidation(trainingStart...trainingEnd)
            folds.append(
                FoldPlan(
                    index: folds.count, training: fitting, validation: validation,
                    test: cutoff..<min(cutoff + testLength, dayCount)))
            cutoff += settings.stepDays
        }
        return folds
    }

    /// Cuts the validation span from the end of `span`, with the same purge before it.
    private func carveValidation(_ span: ClosedRange<Int>)
        -> (ClosedRange<Int>, ClosedRange<Int>?)
    {
        let validationLength = settings.validationDays
        let fittingEnd = span.upperBound - validationLength - purgeDays
        guard validationLength > 0, fittingEnd >= span.lowerBound else { return (span, nil) }
        let validationStart = span.upperBound - validationLength + 1
        return (span.lowerBound...fittingEnd, validationStart...span.upperBound)
    }
}
