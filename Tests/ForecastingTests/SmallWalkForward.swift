@testable import Forecasting

/// The walk-forward shape the runner tests share on synthetic series: 150 training days,
/// 60-day test spans and steps, an embargo of 2 days.
enum SmallWalkForward {
    static func settings(
        model: ModelSettings.Kind = .ridge, window: Int = 10, target: Target = Target(),
        features: [Feature] = [.logReturn, .range, .volumeChange], validation: Int = 0,
        leaks: Set<DeliberateLeak> = [], adjustModel: (inout ModelSettings) -> Void = { _ in }
    ) -> ForecastSettings {
        var walk = WalkForwardSettings()
        walk.trainDays = 150
        walk.testDays = 60
        walk.stepDays = 60
        walk.embargoDays = 2
        walk.validationDays = validation
        var modelSettings = ModelSettings()
        modelSettings.kind = model
        adjustModel(&modelSettings)
        return ForecastSettings(
            features: features, target: target, windowLength: window, model: modelSettings,
            walkForward: walk, deliberateLeaks: leaks)
    }
}
