import Testing

@testable import Forecasting

@Suite struct WalkForwardSplitterTests {
    func splitter(
        scheme: WalkForwardSettings.Scheme = .expanding, train: Int, test: Int, step: Int,
        validation: Int = 0, purge: Int, embargo: Int
    ) -> WalkForwardSplitter {
        var settings = WalkForwardSettings()
        settings.scheme = scheme
        settings.trainDays = train
        settings.testDays = test
        settings.stepDays = step
        settings.validationDays = validation
        return WalkForwardSplitter(settings: settings, purgeDays: purge, embargoDays: embargo)
    }

    @Test func firstCutoffLeavesTrainPurgeAndEmbargo() throws {
        // window 60 and horizon 1 give purge 60; first decision day 59.
        let folds = try splitter(train: 100, test: 50, step: 50, purge: 60, embargo: 5)
            .folds(firstDecisionDay: 59, dayCount: 400)
        #expect(folds.map(\.cutoff) == [224, 274, 324, 374])
        #expect(folds[0].training == 59...158)
        #expect(folds[3].training == 59...308)
        #expect(folds[3].test == 374..<400)
    }

    @Test func rollingFoldsKeepTheirLength() throws {
        let folds = try splitter(
            scheme: .rolling, train: 120, test: 30, step: 30, purge: 10, embargo: 2
        )
        .folds(firstDecisionDay: 0, dayCount: 600)
        for fold in folds { #expect(fold.training.count == 120) }
    }

    @Test func refusesDataTooShortForOneFold() {
        #expect(throws: ForecastingError.noFolds(bars: 100, needed: 162)) {
            try splitter(train: 100, test: 50, step: 50, purge: 60, embargo: 1)
                .folds(firstDecisionDay: 0, dayCount: 100)
        }
    }

    @Test(arguments: [1, 5, 20, 60], [1, 3, 10])
    func noTrainingLabelReachesATestInput(window: Int, horizon: Int) throws {
        for embargo in [0, 5] {
            for (train, test, step, validation) in [
                (50, 10, 10, 0), (200, 40, 25, 30), (80, 60, 60, 15),
            ] {
                let purge = window + horizon - 1
                let folds = try splitter(
                    train: train, test: test, step: step, validation: validation, purge: purge,
                    embargo: embargo
                ).folds(firstDecisionDay: window - 1, dayCount: 700)
                var previousTestEnd: Int?
                for fold in folds {
                    let firstTestInput = fold.cutoff - window + 1
                    // The last training label is dated training.upperBound + horizon.
                    #expect(fold.training.upperBound + horizon < firstTestInput)
                    if let validationSpan = fold.validation {
                        #expect(validationSpan.upperBound + horizon < firstTestInput)
                        #expect(
                            fold.training.upperBound + horizon < validationSpan.lowerBound - window
                                + 1)
                    }
                    #expect(fold.test.lowerBound >= (previousTestEnd ?? 0))
                    previousTestEnd = fold.test.upperBound
                }
                #expect(!folds.isEmpty)
            }
        }
    }
}
