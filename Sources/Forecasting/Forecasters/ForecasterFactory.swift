/// Makes the forecaster a strategy's `model.cell` names.
public enum ForecasterFactory {
    public static func make(_ settings: ModelSettings) -> any Forecaster {
        switch settings.kind {
        case .naive: return NaiveForecaster()
        case .drift: return DriftForecaster()
        case .ridge: return RidgeForecaster(alpha: settings.ridgeAlpha)
        case .rnn, .lstm, .gru, .mlp: return RecurrentForecaster(settings: settings)
        }
    }
}
