import Foundation
import MarketData
import Testing

@testable import Forecasting

/// Strategies that forecast several horizons at once: purge, sample selection, every model
/// kind, and the leakage audit.
@Suite struct MultiHorizonTests {
    static let horizons = [1, 5, 20]

    func settings(
        model: ModelSettings.Kind = .ridge, window: Int = 10, horizon: Int = 1,
        horizons: [Int] = MultiHorizonTests.horizons, validation: Int = 0,
        leaks: Set<DeliberateLeak> = []
    ) -> ForecastSettings {
        SmallWalkForward.settings(
            model: model, window: window, target: Target(horizon: horizon, horizons: horizons),
            features: [.logReturn, .range], validation: validation, leaks: leaks
        ) { model in
            model.hiddenSize = 4
            model.epochs = 2
            model.batchSize = 32
        }
    }

    @Test func autoPurgeCountsTheLongestHorizon() {
        #expect(settings(window: 10, horizon: 1).purgeDays == 10 + 20 - 1)
        #expect(settings(window: 10, horizon: 5, horizons: [5]).purgeDays == 10 + 5 - 1)
        #expect(settings(leaks: [.noPurge]).purgeDays == 0)
    }

    @Test(arguments: [0, 30])
    func noTrainingLabelAtAnyHorizonReachesATestInput(validation: Int) throws {
        let full = SyntheticSeries.randomWalk("FULL", count: 560, seed: 4)
        let gappy = SyntheticSeries.randomWalk("GAPS", count: 560, seed: 5) { $0 % 7 == 3 }
        let window = 10
        let runner = WalkForwardRunner(
            settings: settings(window: window, horizon: 1, validation: validation))
        let (calendar, prepared) = runner.prepare([full, gappy])
        let plans = try runner.plan(prepared, calendar: calendar)
        #expect(plans.count >= 3)
        for plan in plans {
            for symbol in prepared {
                let firstTestInput = symbol.firstBar(onOrAfter: plan.cutoff) - window + 1
                let spans = runner.trainingSpans(plan, for: symbol)
                let fitting = try #require(spans.fitting)
                // The longest label (bar + 20) precedes the first bar a test window reads.
                // A purge sized for the traded horizon (1) alone would leave it 19 bars late.
                #expect(fitting.upperBound + 20 < firstTestInput)
                if let held = spans.validation {
                    #expect(held.upperBound + 20 < firstTestInput)
                    #expect(fitting.upperBound + 20 < held.lowerBound - window + 1)
                }
            }
        }
        #expect(validation == 0 || plans.contains { $0.validation != nil })
    }

    @Test func trainingSamplesHaveEveryHorizonsLabelEvenWithoutAPurge() throws {
        // Under the no-purge leak the training span runs up to the data's end; a sample
        // whose 20-day label is not realised yet must be left out, not trained on as NaN.
        var leaky = settings(leaks: [.noPurge])
        leaky.walkForward.testDays = 10
        leaky.walkForward.stepDays = 10
        let runner = WalkForwardRunner(settings: leaky)
        let (calendar, prepared) = runner.prepare([
            SyntheticSeries.randomWalk("AAA", count: 300, seed: 6)
        ])
        let last = try #require(try runner.plan(prepared, calendar: calendar).last)
        let spans = [runner.trainingSpans(last, for: prepared[0]).fitting]
        let scaler = runner.fitScaler(prepared: prepared, fittingSpans: spans)
        let training = runner.samples(prepared, spans, scaler: scaler, stride: 1)
        #expect(training.horizonCount == 3)
        #expect(training.targets.count == training.count * 3)
        #expect(training.targets.allSatisfy { $0.isFinite })
        #expect(spans[0]?.upperBound == prepared[0].bars.count - 1 - 20)
    }

    @Test(arguments: ModelSettings.Kind.allCases)
    func everyModelKindForecastsEveryHorizon(_ kind: ModelSettings.Kind) throws {
        let series = [
            SyntheticSeries.randomWalk("AAA", count: 340, seed: 1),
            SyntheticSeries.randomWalk("BBB", count: 340, seed: 2),
        ]
        let result = try WalkForwardRunner(settings: settings(model: kind, horizon: 5)).run(series)
        #expect(result.horizons == [1, 5, 20])
        #expect(result.horizonForecasts.count == 3 * result.predictions.count)
        let keys = result.horizonForecasts.map { "\($0.date) \($0.symbol) \($0.horizon + 100)" }
        #expect(keys == keys.sorted())
        #expect(result.horizonForecasts.allSatisfy { $0.predicted.isFinite })
        // The traded horizon's column is exactly what predictions.csv and the trades use.
        let traded = result.horizonForecasts.filter { $0.horizon == 5 }
        #expect(traded.map(\.predicted) == result.predictions.map(\.predicted))
        #expect(traded.map(\.actual) == result.predictions.map(\.actual))
        // Each horizon has its own label: the 20-day one is realised 15 days later.
        let unrealised: [Int] = [1, 5, 20].map { horizon in
            result.horizonForecasts.filter { $0.horizon == horizon && $0.actual == nil }.count
        }
        #expect(unrealised == [2, 10, 40])
    }

    @Test func ridgeFitsEachHorizonAsItsOwnRegression() throws {
        // Three exact linear rules of a two-day window, one per horizon.
        var joint = SampleSet(windowLength: 2, featureCount: 1, horizonCount: 3)
        var random = SyntheticSeries.Generator(state: 11)
        for _ in 0..<200 {
            let a = Double.random(in: -1...1, using: &random)
            let b = Double.random(in: -1...1, using: &random)
            joint.inputs += [Float(a), Float(b)]
            joint.targets += [0.5 + 2 * a - 3 * b, -b, 4 * a + 0.1]
            joint.naive.append(0)
            joint.origins.append((0, 0))
        }
        let context = FitContext(fold: 0, seed: 0, threads: 1)
        var ridge = RidgeForecaster(alpha: 1e-9)
        try ridge.fit(training: joint, validation: nil, context: context)
        let forecasts = ridge.predict(joint)
        #expect(forecasts.count == 600)
        for (forecast, target) in zip(forecasts, joint.targets) {
            #expect(abs(forecast - target) < 1e-5)
        }
        // Sharing the Gram matrix changes nothing: each column is bit for bit the
        // single-horizon fit on that horizon's labels.
        for horizon in 0..<3 {
            var single = SampleSet(windowLength: 2, featureCount: 1)
            single.inputs = joint.inputs
            single.targets = joint.targets(horizonIndex: horizon)
            single.naive = joint.naive
            single.origins = joint.origins
            var alone = RidgeForecaster(alpha: 1e-9)
            try alone.fit(training: single, validation: nil, context: context)
            let column = stride(from: horizon, to: forecasts.count, by: 3).map { forecasts[$0] }
            #expect(alone.predict(single).map(\.bitPattern) == column.map(\.bitPattern))
        }
    }

    @Test func recurrentNetworkLearnsThreeHorizonsAtOnce() throws {
        // Each horizon's label is its own function of the window, on its own scale and
        // offset, so one shared output standardisation would fit them badly.
        func samples(_ count: Int, seed: UInt64) -> SampleSet {
            var set = SampleSet(windowLength: 5, featureCount: 1, horizonCount: 3)
            var random = SyntheticSeries.Generator(state: seed)
            for _ in 0..<count {
                let window = (0..<5).map { _ in Double.random(in: -1...1, using: &random) }
                let noise = { Double.random(in: -0.02...0.02, using: &random) }
                set.inputs += window.map(Float.init)
                set.targets += [
                    0.01 * window[4] + 0.001 * noise(),
                    0.05 * (window[4] + window[3]) + 0.005 * noise(),
                    0.3 - 0.4 * window[2] + 0.04 * noise(),
                ]
                set.naive.append(0)
                set.origins.append((0, 0))
            }
            return set
        }
        let training = samples(256, seed: 1)
        let test = samples(200, seed: 2)
        var model = ModelSettings()
        model.kind = .gru
        model.hiddenSize = 8
        model.epochs = 20
        model.batchSize = 32
        model.learningRate = 0.01
        var forecaster = RecurrentForecaster(settings: model)
        try forecaster.fit(
            training: training, validation: nil, context: FitContext(fold: 0, seed: 3, threads: 1))
        let forecasts = forecaster.predict(test)
        #expect(forecasts.count == test.count * 3)
        for horizon in 0..<3 {
            let actual = test.targets(horizonIndex: horizon)
            let predicted = stride(from: horizon, to: forecasts.count, by: 3).map { forecasts[$0] }
            let error = rootMeanSquare(zip(predicted, actual).map { $0 - $1 })
            let naiveError = rootMeanSquare(actual)
            #expect(error < 0.25 * naiveError, "horizon \(horizon): \(error) vs \(naiveError)")
        }
        // One network, three outputs: weights plus a mean and a scale per horizon.
        #expect(forecaster.fittedParameters.count == forecaster.parameterCount + 6)
    }

    @Test(arguments: [ModelSettings.Kind.lstm, .ridge, .drift])
    func auditPassesAMultiHorizonStrategy(_ kind: ModelSettings.Kind) throws {
        let series = [SyntheticSeries.randomWalk("AAA", count: 400, seed: 8)]
        let runner = WalkForwardRunner(settings: settings(model: kind, horizon: 5, validation: 30))
        let verdicts = try LeakageAudit(runner: runner).run(series)
        #expect(verdicts.count >= 2)
        #expect(verdicts.allSatisfy { $0.isClean }, "\(verdicts.map(\.description))")
    }

    @Test func auditCatchesAPurgeSizedForTheTradedHorizonAlone() throws {
        // window + 1 - 1 days suit the 1-day label, but the 20-day labels of the last
        // training days then read bars after the cutoff.
        var short = settings(model: .ridge, window: 10, horizon: 1)
        short.walkForward.purgeDays = 10
        short.walkForward.embargoDays = 0
        let series = [SyntheticSeries.randomWalk("AAA", count: 400, seed: 8)]
        let verdicts = try LeakageAudit(runner: WalkForwardRunner(settings: short)).run(series)
        #expect(verdicts.contains { $0.differences.contains("model weights differ") })
    }

    private func rootMeanSquare(_ values: [Double]) -> Double {
        (values.reduce(0) { $0 + $1 * $1 } / Double(values.count)).squareRoot()
    }
}
