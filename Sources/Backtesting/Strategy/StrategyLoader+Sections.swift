import Forecasting
import MarketData

extension StrategyLoader {
    static func forecastSettings(_ root: StrategyObject, warnings: inout [String]) throws
        -> ForecastSettings
    {
        var settings = ForecastSettings()
        settings.deliberateLeaks = try leaks(root)
        if let names = try root.stringArray("features") {
            guard !names.isEmpty else {
                throw root.error("features", "is empty, expected at least one feature")
            }
            var listed: Set<Feature> = []
            settings.features = try names.map { name, line in
                guard let feature = Feature(name: name) else {
                    throw root.error(
                        "features", "holds \"\(name)\", expected one of \(Feature.allowedNames)",
                        line: line)
                }
                if feature.isBackAdjustedLevel, !settings.deliberateLeaks.contains(.adjustedLevels)
                {
                    throw root.error(
                        "features",
                        "holds \"adjusted_close\", a back-adjusted level that encodes later "
                            + "splits and "
                            + "dividends; use \"adjusted_log_return\", or list "
                            + "\"adjusted-levels\" in "
                            + "deliberateLeaks to study the leak", line: line)
                }
                // A repeat adds nothing but inputs; thousands of them would size the model.
                guard listed.insert(feature).inserted else {
                    throw root.error(
                        "features", "lists \"\(name)\" twice, expected distinct features",
                        line: line)
                }
                return feature
            }
        }
        settings.target = try target(root, warnings: &warnings)
        settings.windowLength = try root.integer("window", default: 60, range: 1...2000)
        settings.stride = try root.integer("stride", default: 1, range: 1...1000)
        settings.scaler = try root.choice("scaler", default: FeatureScaler.Kind.standard)
        settings.model = try model(root)
        settings.walkForward = try walkForward(root)
        try checkModelSize(root, settings)
        return settings
    }

    /// The most inputs, window days times features, that ridge regression takes: its Gram
    /// matrix has the square of this many entries (128 MB here) and is factored in cubic time.
    static let maximumRidgeInputs = 4096

    /// Refuses a ridge window too wide to factor. Networks are held to the machine's memory
    /// when they train (`Trainer.fit` measures their buffers), where the thread count and the
    /// number of training windows, which cap the batch, are known.
    private static func checkModelSize(_ root: StrategyObject, _ settings: ForecastSettings)
        throws
    {
        let window = settings.windowLength
        let inputCount = window * settings.features.count
        if settings.model.kind == .ridge, inputCount > maximumRidgeInputs {
            throw root.error(
                "window",
                "is \(window) days of \(settings.features.count) features, \(inputCount) "
                    + "inputs; expected at most \(maximumRidgeInputs) for model.cell \"ridge\"; "
                    + "shorten the window or list fewer features")
        }
    }

    private static func leaks(_ root: StrategyObject) throws -> Set<DeliberateLeak> {
        guard let names = try root.stringArray("deliberateLeaks") else { return [] }
        return Set(
            try names.map { name, line in
                guard let leak = DeliberateLeak(rawValue: name) else {
                    let allowed = DeliberateLeak.allCases.map { "\"\($0.rawValue)\"" }
                    throw root.error(
                        "deliberateLeaks",
                        "holds \"\(name)\", expected any of \(allowed.joined(separator: ", "))",
                        line: line)
                }
                return leak
            })
    }

    private static func target(_ root: StrategyObject, warnings: inout [String]) throws -> Target {
        guard let object = try root.object("target") else { return Target() }
        try object.rejectUnknownKeys(["kind", "horizon", "horizons"])
        let kind = try object.choice("kind", default: Target.Kind.logReturn)
        let horizon = try object.integer("horizon", default: 1, range: 1...250)
        if kind == .level {
            warnings.append(
                "target.kind \"level\": price levels are non-stationary, so a model that copies "
                    + "the last price scores well; compare against the naive forecast")
        }
        let horizons = try self.horizons(object, tradingHorizon: horizon)
        return Target(kind: kind, horizon: horizon, horizons: horizons)
    }

    /// `target.horizons`: distinct whole days in ascending order, the trading horizon among
    /// them; nil when absent, which means the trading horizon alone.
    private static func horizons(_ object: StrategyObject, tradingHorizon: Int) throws -> [Int]? {
        guard let items = try object.integerArray("horizons", range: 1...250) else { return nil }
        let listed = "[" + items.map { String($0.0) }.joined(separator: ", ") + "]"
        guard !items.isEmpty else {
            throw object.error(
                "horizons", "is empty, expected ascending horizons such as [1, 5, 20]")
        }
        for (previous, (current, line)) in zip(items, items.dropFirst()) {
            if current == previous.0 {
                throw object.error(
                    "horizons", "lists \(current) twice, expected distinct horizons", line: line)
            }
            if current < previous.0 {
                throw object.error(
                    "horizons",
                    "is \(listed), expected horizons in ascending order "
                        + "(\(current) comes after \(previous.0))", line: line)
            }
        }
        let horizons = items.map(\.0)
        guard horizons.contains(tradingHorizon) else {
            throw object.error(
                "horizons",
                "is \(listed), expected it to contain target.horizon (\(tradingHorizon)), the "
                    + "horizon that is traded; add it, or set target.horizon to one of these")
        }
        return horizons
    }

    private static func model(_ root: StrategyObject) throws -> ModelSettings {
        var model = ModelSettings()
        guard let object = try root.object("model") else { return model }
        try object.rejectUnknownKeys([
            "cell", "layers", "hidden", "head", "epochs", "batch", "learningRate", "seed",
            "dropout", "weightDecay", "clipNorm", "loss", "patience", "ridgeAlpha",
        ])
        model.kind = try object.choice("cell", default: ModelSettings.Kind.ridge)
        model.layers = try object.integer("layers", default: model.layers, range: 1...8)
        model.hiddenSize = try object.integer("hidden", default: model.hiddenSize, range: 1...1024)
        model.head = try object.choice("head", default: ModelSettings.Head.last)
        model.epochs = try object.integer("epochs", default: model.epochs, range: 1...10_000)
        model.batchSize = try object.integer("batch", default: model.batchSize, range: 1...65_536)
        model.learningRate = try object.number(
            "learningRate", default: model.learningRate, range: 1e-8...10)
        model.seed = UInt64(
            try object.integer("seed", default: Int(model.seed), range: 0...Int(Int32.max)))
        model.dropout = try object.number("dropout", default: 0, range: 0...0.95)
        model.weightDecay = try object.number("weightDecay", default: 0, range: 0...1)
        model.clipNorm =
            object.isNull("clipNorm")
            ? nil : try object.number("clipNorm", default: 1, range: 1e-6...1e6)
        model.loss = try object.choice("loss", default: ModelSettings.LossKind.mse)
        if object.has("patience"), !object.isNull("patience") {
            model.patience = try object.integer("patience", default: 5, range: 1...10_000)
        }
        model.ridgeAlpha = try object.number(
            "ridgeAlpha", default: model.ridgeAlpha, range: 0...1e12)
        return model
    }

    private static func walkForward(_ root: StrategyObject) throws -> WalkForwardSettings {
        var settings = WalkForwardSettings()
        guard let object = try root.object("walkForward") else { return settings }
        if let scheme = try object.string("scheme"),
            ["random", "shuffled", "shuffle", "kfold"].contains(scheme)
        {
            throw object.error(
                "scheme",
                "is \"\(scheme)\": a random or shuffled split trains on days after the test days, "
                    + "so the model learns the future it is scored on; use \"expanding\" "
                    + "or \"rolling\""
            )
        }
        if object.has("shuffle") {
            throw object.error(
                "shuffle",
                "is refused: shuffling samples across time lets training see the test period; "
                    + "walk-forward splits are always in time order")
        }
        try object.rejectUnknownKeys([
            "scheme", "train", "test", "step", "purge", "embargo", "validation",
        ])
        settings.scheme = try object.choice("scheme", default: WalkForwardSettings.Scheme.expanding)
        settings.trainDays = try object.integer(
            "train", default: settings.trainDays, range: 1...100_000)
        settings.testDays = try object.integer(
            "test", default: settings.testDays, range: 1...100_000)
        settings.stepDays = try object.integer(
            "step", default: settings.testDays, range: 1...100_000)
        if let purge = object.node["purge"], purge.number != nil {
            settings.purgeDays = try object.integer("purge", default: 0, range: 0...10_000)
        } else if let purge = try object.string("purge"), purge != "auto" {
            throw object.error(
                "purge", "is \"\(purge)\", expected \"auto\" or a whole number of days")
        }
        settings.embargoDays = try object.integer("embargo", default: 0, range: 0...10_000)
        settings.validationDays = try object.integer("validation", default: 0, range: 0...100_000)
        return settings
    }

    static func tradingSettings(_ root: StrategyObject) throws -> TradingSettings {
        var trading = TradingSettings()
        if let signal = try root.object("signal") {
            try signal.rejectUnknownKeys(["rule", "threshold"])
            trading.rule = try signal.choice("rule", default: TradingSettings.Rule.longFlat)
            trading.threshold = try signal.number("threshold", default: 0, range: -10...10)
        }
        if let costs = try root.object("costs") {
            try costs.rejectUnknownKeys(["commissionBps", "slippageBps", "minimumCommission"])
            trading.commissionBasisPoints = try costs.number(
                "commissionBps", default: 0, range: 0...10_000)
            trading.slippageBasisPoints = try costs.number(
                "slippageBps", default: 0, range: 0...10_000)
            trading.minimumCommission = try costs.number(
                "minimumCommission", default: 0, range: 0...1e9)
        }
        if let execution = try root.string("execution"),
            execution == "same-close" || execution == "close"
        {
            throw root.error(
                "execution",
                "is \"\(execution)\": a forecast made from day t's close cannot be filled at that "
                    + "same close; use \"next-open\" (default) or \"next-close\"")
        }
        trading.execution = try root.choice(
            "execution", default: TradingSettings.Execution.nextOpen)
        trading.benchmark = try root.choice(
            "benchmark", default: TradingSettings.Benchmark.buyAndHold)
        trading.capital = try root.number("capital", default: trading.capital, range: 1...1e15)
        if let sizing = try root.object("sizing") {
            try sizing.rejectUnknownKeys([
                "method", "fraction", "targetVolatility", "lookback", "maxWeight",
                "rebalanceTolerance",
            ])
            trading.sizing = try sizing.choice(
                "method", default: TradingSettings.Sizing.fixedFraction)
            trading.fraction = try sizing.number("fraction", default: 1, range: 0...10)
            trading.targetVolatility = try sizing.number(
                "targetVolatility", default: 0.15, range: 0.001...10)
            trading.volatilityLookbackDays = try sizing.integer(
                "lookback", default: 20, range: 2...1000)
            trading.maximumWeight = try sizing.number("maxWeight", default: 1, range: 0...10)
            trading.rebalanceTolerance = try sizing.number(
                "rebalanceTolerance", default: 0, range: 0...1)
        }
        return trading
    }
}
