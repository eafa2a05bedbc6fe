import Backtesting
import Forecasting
import Foundation
import MarketData

/// Everything one backtest produced, ready to be written under `Reports/<run-id>/`.
public struct RunReport: Sendable {
    /// One price file a run read, with its fingerprint.
    public struct DataFile: Sendable, Equatable {
        public let symbol: Symbol
        public let path: String
        public let sha256: String
        public let rowCount: Int
        public let firstDate: TradingDate
        public let lastDate: TradingDate

        public init(
            symbol: Symbol, path: String, sha256: String, rowCount: Int, firstDate: TradingDate,
            lastDate: TradingDate
        ) {
            self.symbol = symbol
            self.path = path
            self.sha256 = sha256
            self.rowCount = rowCount
            self.firstDate = firstDate
            self.lastDate = lastDate
        }
    }

    public let id: RunID
    public let strategy: Strategy
    public let strategyPath: String
    public let strategySHA256: String
    public let dataFiles: [DataFile]
    public let dataWarnings: [DataWarning]
    public let forecast: WalkForwardResult
    public let simulation: SimulationResult
    /// `metrics.csv` rows in order.
    public let metrics: [(name: String, value: Double)]
    public let seed: UInt64
    public let threads: Int
    public let version: String
    public let createdAt: Date
    /// Named durations in seconds (data, training, simulation, ...).
    public let timings: [(name: String, seconds: Double)]

    public init(
        id: RunID, strategy: Strategy, strategyPath: String, strategySHA256: String,
        dataFiles: [DataFile], dataWarnings: [DataWarning], forecast: WalkForwardResult,
        simulation: SimulationResult, metrics: [(name: String, value: Double)], seed: UInt64,
        threads: Int, version: String, createdAt: Date, timings: [(name: String, seconds: Double)]
    ) {
        self.id = id
        self.strategy = strategy
        self.strategyPath = strategyPath
        self.strategySHA256 = strategySHA256
        self.dataFiles = dataFiles
        self.dataWarnings = dataWarnings
        self.forecast = forecast
        self.simulation = simulation
        self.metrics = metrics
        self.seed = seed
        self.threads = threads
        self.version = version
        self.createdAt = createdAt
        self.timings = timings
    }

    /// The value of metric `name`, NaN when absent.
    public func metric(_ name: String) -> Double {
        metrics.first { $0.name == name }?.value ?? .nan
    }
}
