import MarketData

/// What can go wrong while preparing data, splitting it or fitting a forecaster.
public enum ForecastingError: Error, CustomStringConvertible, Equatable {
    case notEnoughData(symbol: String, bars: Int, needed: Int, reason: String)
    case noFolds(bars: Int, needed: Int)
    case emptyTrainingSet(fold: Int)
    case singularSystem(fold: Int)
    case trainingDiverged(fold: Int, detail: String)
    /// The network's buffers for this window, batch and size exceed the machine's memory.
    case modelTooLarge(fold: Int, detail: String)
    case leakRefused(String)

    public var description: String {
        switch self {
        case .notEnoughData(let symbol, let bars, let needed, let reason):
            return "\(symbol): \(bars) bars in the chosen date range, at least \(needed) needed "
                + "(\(reason)); widen start/end or shorten window and walkForward.train"
        case .noFolds(let bars, let needed):
            return "no walk-forward fold fits: \(bars) trading days, the first fold needs "
                + "\(needed) (train + purge + embargo + 1 test day); shorten walkForward.train"
        case .emptyTrainingSet(let fold):
            return "fold \(fold): no training sample left after the purge"
        case .singularSystem(let fold):
            return "fold \(fold): ridge system is singular; raise model.ridgeAlpha"
        case .trainingDiverged(let fold, let detail):
            return "fold \(fold): training failed: \(detail)"
        case .modelTooLarge(let fold, let detail):
            return "fold \(fold): \(detail); lower model.batch, model.hidden, model.layers or "
                + "window"
        case .leakRefused(let message):
            return message
        }
    }
}
