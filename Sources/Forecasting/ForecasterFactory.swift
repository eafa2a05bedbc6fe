/// Makes the forecaster a strategy's `model.cell` names.
public enum ForecasterFactory {
    public static func make(_ settings: ModelSettings) -> any Forecaster {
        switch settings.kind {
        case .naive: return NaiveForecaster()
        case .drift: return DriftForecaster()
        case .ridge: return RidgeForecaster(alpha: settings.ridgeAlpha)
        // TODO: recurrent and MLP forecasters — they arrive with the Neural module's trainer;
        // until then a neural cell falls back to ridge so the pipeline stays runnable.
        case .rnn, .lstm, .gru, .mlp: return RidgeForecaster(alpha: settings.ridgeAlpha)
        }
    }
}
