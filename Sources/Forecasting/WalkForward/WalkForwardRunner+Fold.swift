import Foundation
import MarketData

extension WalkForwardRunner {
    /// Fits and forecasts one fold.
    public func runFold(
        _ plan: FoldPlan, of foldCount: Int, prepared: [PreparedSymbol],
        calendar: [TradingDate],
        progress: @escaping @Sendable (ForecastProgress) -> Void = { _ in }
    ) throws -> FoldOutcome {
        let started = Date()
        let spans = prepared.map { trainingSpans(plan, for: $0) }

        // Fit the scaler on the training rows only (leakage rule 3).
        let scaler = fitScaler(prepared: prepared, fittingSpans: spans.map(\.fitting))

        // Cut windows: training and validation from their purged spans, test from the fold.
        let training = samples(
            prepared, spans.map(\.fitting), scaler: scaler, stride: settings.stride)
        let validation = samples(prepared, spans.map(\.validation), scaler: scaler, stride: 1)
        let testSpans = prepared.map { symbol -> ClosedRange<Int>? in
            let first = max(
                symbol.firstBar(onOrAfter: plan.test.lowerBound), symbol.firstDecisionBar)
            guard let last = symbol.lastBar(onOrBefore: plan.test.upperBound - 1), first <= last
            else { return nil }
            return first...last
        }
        let test = samples(prepared, testSpans, scaler: scaler, stride: 1)
        guard !training.isEmpty else { throw ForecastingError.emptyTrainingSet(fold: plan.index) }

        progress(
            .foldStarted(
                fold: plan.index, of: foldCount, cutoff: calendar[plan.cutoff].iso,
                trainingSamples: training.count))
        var forecaster = makeForecaster(settings.model)
        let context = FitContext(
            fold: plan.index, seed: seed &+ UInt64(plan.index), threads: threads,
            progress: progress)
        try forecaster.fit(
            training: training, validation: validation.isEmpty ? nil : validation,
            context: context)
        let forecasts = test.isEmpty ? [] : forecaster.predict(test)
        let (predictions, horizonForecasts) = records(
            of: forecasts, for: test, prepared: prepared, fold: plan.index)
        let seconds = Date().timeIntervalSince(started)
        progress(.foldFinished(fold: plan.index, seconds: seconds))
        return FoldOutcome(
            plan: plan,
            trainingDates: calendar[plan.training.lowerBound]...calendar[plan.training.upperBound],
            validationDates: plan.validation.map {
                calendar[$0.lowerBound]...calendar[$0.upperBound]
            },
            testDates: calendar[plan.test.lowerBound]...calendar[plan.test.upperBound - 1],
            trainingSampleCount: training.count, validationSampleCount: validation.count,
            testSampleCount: test.count, scaler: scaler, forecaster: forecaster,
            predictions: predictions, horizonForecasts: horizonForecasts, seconds: seconds,
            trainingNaiveMeanAbsoluteError: zip(
                training.targets(horizonIndex: settings.target.tradingHorizonIndex),
                training.naive
            )
            .reduce(0) { $0 + abs($1.0 - $1.1) } / Double(training.count))
    }

    /// The forecasts `[samples, horizons]` of the test samples, dated and labelled: the
    /// traded horizon's as predictions for the trading rules, every horizon's as
    /// horizon forecasts.
    func records(
        of forecasts: [Double], for test: SampleSet, prepared: [PreparedSymbol], fold: Int
    ) -> ([Prediction], [HorizonForecast]) {
        let target = settings.target
        let horizonCount = target.horizons.count
        var predictions: [Prediction] = []
        var horizonForecasts: [HorizonForecast] = []
        for (sample, origin) in test.origins.enumerated() {
            let symbol = prepared[origin.symbol]
            let date = symbol.bars[origin.bar].date
            let naive = target.naiveForecast(at: origin.bar, bars: symbol.bars)
            let row = forecasts[(sample * horizonCount)..<((sample + 1) * horizonCount)]
            for (index, horizon) in target.horizons.enumerated() {
                horizonForecasts.append(
                    HorizonForecast(
                        date: date, symbol: symbol.symbol, fold: fold, horizon: horizon,
                        predicted: row[row.startIndex + index],
                        actual: symbol.horizonLabels[origin.bar][index], naive: naive))
            }
            let forecast = row[row.startIndex + target.tradingHorizonIndex]
            predictions.append(
                Prediction(
                    date: date, symbol: symbol.symbol, fold: fold, predicted: forecast,
                    actual: symbol.labels[origin.bar], naive: naive,
                    expectedLogReturn: target.expectedLogReturn(
                        forecast: forecast, at: origin.bar, bars: symbol.bars)))
        }
        return (predictions, horizonForecasts)
    }

    /// The bars of one symbol that fit and validate a fold, purged on its own calendar.
    ///
    /// Leakage rule 2, per symbol: a symbol with fewer trading days than the union calendar
    /// would be under-purged by a purge counted in union days, so the purge is re-applied
    /// in the symbol's own bars: a training label at bar i + horizon must precede the first
    /// bar (cut - window + 1) of the first window that follows it, for the longest horizon.
    func trainingSpans(_ plan: FoldPlan, for symbol: PreparedSymbol)
        -> (fitting: ClosedRange<Int>?, validation: ClosedRange<Int>?)
    {
        let purge = settings.purgeDays
        let testCut = symbol.firstBar(onOrAfter: plan.cutoff)
        // A training label must exist at every horizon, so the longest decides: with a
        // purge it always does, without one (the no-purge leak) the last bars before the
        // data's end have no label yet.
        let lastLabelled = symbol.bars.count - 1 - settings.target.maximumHorizon
        let trainingLimit = min(testCut - purge - settings.embargoDays - 1, lastLabelled)
        let start = max(
            symbol.firstDecisionBar, symbol.firstBar(onOrAfter: plan.training.lowerBound))
        func span(_ lower: Int, _ upper: Int?) -> ClosedRange<Int>? {
            guard let upper, lower <= upper else { return nil }
            return lower...upper
        }
        guard let validationDays = plan.validation else {
            let end = symbol.lastBar(onOrBefore: plan.training.upperBound).map {
                min($0, trainingLimit)
            }
            return (span(start, end), nil)
        }
        let validationCut = symbol.firstBar(onOrAfter: validationDays.lowerBound)
        let fittingEnd = symbol.lastBar(onOrBefore: plan.training.upperBound)
            .map { min($0, validationCut - purge - 1, trainingLimit) }
        let validationEnd = symbol.lastBar(onOrBefore: validationDays.upperBound)
            .map { min($0, trainingLimit) }
        return (span(start, fittingEnd), span(max(start, validationCut), validationEnd))
    }

    func fitScaler(prepared: [PreparedSymbol], fittingSpans: [ClosedRange<Int>?]) -> FeatureScaler {
        var rows: [[Double]] = []
        for (symbol, span) in zip(prepared, fittingSpans) {
            if settings.deliberateLeaks.contains(.fitScalerOnAllData) {
                // The deliberate leak: every defined row, future test rows included.
                let first = symbol.firstDecisionBar - settings.windowLength + 1
                rows += symbol.features[first...]
            } else if let span {
                rows +=
                    symbol.features[(span.lowerBound - settings.windowLength + 1)...span.upperBound]
            }
        }
        return FeatureScaler.fit(
            kind: settings.scaler, featureCount: settings.features.count, rows: rows)
    }

    /// Windows ending at the bars of `spans`, every `stride` bars counted back from the end
    /// so that the most recent day is always included.
    func samples(
        _ prepared: [PreparedSymbol], _ spans: [ClosedRange<Int>?], scaler: FeatureScaler,
        stride: Int
    ) -> SampleSet {
        var set = SampleSet(
            windowLength: settings.windowLength, featureCount: settings.features.count,
            horizonCount: settings.target.horizons.count)
        for (index, (symbol, span)) in zip(prepared, spans).enumerated() {
            guard let span else { continue }
            let bars = Swift.stride(from: span.upperBound, through: span.lowerBound, by: -stride)
            for t in bars.reversed() {
                set.append(
                    window: t, of: symbol, symbolIndex: index, scaler: scaler,
                    target: settings.target)
            }
        }
        return set
    }
}
