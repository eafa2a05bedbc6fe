import Foundation
import MarketData
import Testing

@testable import Forecasting

@Suite struct WalkForwardRunnerTests {
    func settings(
        window: Int = 10, horizon: Int = 1, model: ModelSettings.Kind = .ridge,
        leaks: Set<DeliberateLeak> = [], features: [Feature] = [.logReturn, .range, .volumeChange]
    ) -> ForecastSettings {
        SmallWalkForward.settings(
            model: model, window: window, target: Target(kind: .logReturn, horizon: horizon),
            features: features, leaks: leaks)
    }

    @Test func everyTestDayIsForecastOnceInDateOrder() throws {
        let series = [
            SyntheticSeries.randomWalk("AAA", count: 500, seed: 1),
            SyntheticSeries.randomWalk("BBB", count: 500, seed: 2),
        ]
        let result = try WalkForwardRunner(settings: settings()).run(series)
        let keys = result.predictions.map { "\($0.date) \($0.symbol)" }
        #expect(keys == keys.sorted())
        #expect(Set(keys).count == keys.count)
        let firstTest = result.folds[0].cutoffDate
        #expect(result.predictions.first?.date == firstTest)
        #expect(result.predictions.last?.date == series[0].lastDate)
        #expect(result.predictions.last?.actual == nil)
    }

    @Test(arguments: [1, 4], [5, 20])
    func perSymbolPurgeHoldsWhenASymbolMissesDays(horizon: Int, window: Int) throws {
        let full = SyntheticSeries.randomWalk("FULL", count: 520, seed: 4)
        let gappy = SyntheticSeries.randomWalk("GAPS", count: 520, seed: 5) { $0 % 7 == 3 }
        let runner = WalkForwardRunner(settings: settings(window: window, horizon: horizon))
        let (calendar, prepared) = runner.prepare([full, gappy])
        for plan in try runner.plan(prepared, calendar: calendar) {
            for symbol in prepared {
                let cut = symbol.firstBar(onOrAfter: plan.cutoff)
                guard let span = runner.trainingSpans(plan, for: symbol).fitting else { continue }
                // The last training label (bar span.upper + horizon) precedes the first bar
                // of the first test window (cut - window + 1), by the embargo too.
                #expect(span.upperBound + horizon < cut - window + 1 - 2 + 1)
            }
        }
    }

    @Test func garbageAfterTheCutoffChangesNothingBeforeIt() throws {
        let series = [SyntheticSeries.randomWalk("AAA", count: 420, seed: 8)]
        for model in [ModelSettings.Kind.ridge, .drift, .naive] {
            let audit = LeakageAudit(runner: WalkForwardRunner(settings: settings(model: model)))
            let verdicts = try audit.run(series)
            #expect(verdicts.count >= 2)
            #expect(verdicts.allSatisfy { $0.isClean }, "\(verdicts.map(\.description))")
        }
    }

    @Test func changingLatePricesLeavesEarlierPredictionsUnchanged() throws {
        let series = SyntheticSeries.randomWalk("AAA", count: 480, seed: 12)
        let runner = WalkForwardRunner(settings: settings())
        let baseline = try runner.run([series])
        let pivot = baseline.predictions[baseline.predictions.count / 2].date
        let edited = LeakageAudit.corrupt(series, after: pivot)
        let rerun = try runner.run([edited])
        let before = baseline.predictions.filter { $0.date <= pivot }.map(\.predicted)
        let after = rerun.predictions.filter { $0.date <= pivot }.map(\.predicted)
        #expect(before.map(\.bitPattern) == after.map(\.bitPattern))
        #expect(baseline.predictions.map(\.predicted) != rerun.predictions.map(\.predicted))
    }

    @Test func scalerIsFittedOnTrainingRowsOnly() throws {
        let series = SyntheticSeries.randomWalk("AAA", count: 420, seed: 3)
        let runner = WalkForwardRunner(settings: settings())
        let (calendar, prepared) = runner.prepare([series])
        let plan = try runner.plan(prepared, calendar: calendar)[0]
        let outcome = try runner.runFold(plan, of: 1, prepared: prepared, calendar: calendar)
        let span = runner.trainingSpans(plan, for: prepared[0]).fitting!
        let rows = Array(prepared[0].features[(span.lowerBound - 9)...span.upperBound])
        let expected = FeatureScaler.fit(kind: .standard, featureCount: 3, rows: rows)
        #expect(outcome.scaler == expected)
    }

    @Test(arguments: [DeliberateLeak.fitScalerOnAllData, .noPurge])
    func auditCatchesEachDeliberateLeak(_ leak: DeliberateLeak) throws {
        let series = [SyntheticSeries.randomWalk("AAA", count: 420, seed: 8)]
        let runner = WalkForwardRunner(settings: settings(horizon: 5, leaks: [leak]))
        let audit = LeakageAudit(runner: runner)
        #expect(audit.staticFindings() == ["deliberateLeaks switches on \"\(leak.rawValue)\""])
        let verdicts = try audit.run(series)
        #expect(verdicts.contains { !$0.isClean })
        let expected = leak == .noPurge ? "model weights differ" : "fitted scaler differs"
        #expect(verdicts.first { !$0.isClean }?.differences.contains(expected) == true)
    }

    @Test func auditCatchesAdjustedLevelsButNotAdjustedReturns() throws {
        let series = [SyntheticSeries.randomWalk("AAA", count: 420, seed: 8)]
        let leaky = settings(leaks: [.adjustedLevels], features: [.logReturn, .adjustedCloseLevel])
        #expect(
            try LeakageAudit(runner: WalkForwardRunner(settings: leaky)).run(series).contains {
                !$0.isClean
            })
        let honest = settings(features: [.adjustedLogReturn])
        #expect(
            try LeakageAudit(runner: WalkForwardRunner(settings: honest)).run(series).allSatisfy {
                $0.isClean
            })
        #expect(throws: ForecastingError.self) {
            try WalkForwardRunner(settings: settings(features: [.adjustedCloseLevel])).run(series)
        }
    }

    @Test func noPurgeNeverTrainsOnUnrealisedLabels() throws {
        // Without a purge the last training days of the last folds have no label yet; they
        // must be left out rather than trained on as NaN.
        var leaky = settings(horizon: 10, leaks: [.noPurge])
        leaky.walkForward.testDays = 10
        leaky.walkForward.stepDays = 10
        let series = [SyntheticSeries.randomWalk("AAA", count: 400, seed: 6)]
        let result = try WalkForwardRunner(settings: leaky).run(series)
        #expect(result.predictions.allSatisfy { $0.predicted.isFinite })
    }

    @Test func ridgeRecoversALinearRule() throws {
        // Labels are an exact linear function of the window: ridge with a tiny penalty
        // should reproduce them almost perfectly.
        var set = SampleSet(windowLength: 2, featureCount: 1)
        var random = SyntheticSeries.Generator(state: 5)
        for _ in 0..<200 {
            let a = Float.random(in: -1...1, using: &random)
            let b = Float.random(in: -1...1, using: &random)
            set.inputs += [a, b]
            set.targets.append(0.5 + 2 * Double(a) - 3 * Double(b))
            set.naive.append(0)
            set.origins.append((0, 0))
        }
        var ridge = RidgeForecaster(alpha: 1e-9)
        try ridge.fit(
            training: set, validation: nil, context: FitContext(fold: 0, seed: 0, threads: 1))
        let predictions = ridge.predict(set)
        for (prediction, target) in zip(predictions, set.targets) {
            #expect(abs(prediction - target) < 1e-5)
        }
    }

    @Test func featuresTooLongForTheDataAreAClearError() {
        let series = [SyntheticSeries.randomWalk("AAA", count: 30, seed: 1)]
        #expect(throws: ForecastingError.self) {
            try WalkForwardRunner(settings: settings(window: 40)).run(series)
        }
    }
}
