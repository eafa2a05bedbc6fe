import Foundation
import MarketData

/// Proves, fold by fold, that nothing dated after a fold's cutoff reached its model.
///
/// The dynamic check (leakage rule 6): rerun each fold on data in which every bar dated
/// after the cutoff T is replaced by garbage, and demand that the fitted scaler, the model
/// parameters and the forecast for T come out bit-identical. Back-adjusted closes are a
/// function of later splits and dividends, so the garbage also rescales every adjusted
/// close up to T, as a different future would; returns computed from adjusted closes are
/// unaffected by that, levels are not.
public struct LeakageAudit: Sendable {
    /// The verdict on one fold.
    public struct FoldVerdict: Sendable, Equatable {
        public let fold: Int
        public let cutoff: TradingDate
        /// Empty when the fold is clean; otherwise what changed, e.g. "model weights differ".
        public let differences: [String]

        public var isClean: Bool { differences.isEmpty }

        /// `fold 3 (cutoff 2015-01-02): model weights differ`.
        public var description: String {
            "fold \(fold) (cutoff \(cutoff)): "
                + (isClean ? "identical" : differences.joined(separator: "; "))
        }
    }

    public let runner: WalkForwardRunner

    public init(runner: WalkForwardRunner) {
        self.runner = runner
    }

    /// Reasons the strategy is leaky by construction, read from its settings alone.
    public func staticFindings() -> [String] {
        var findings = runner.settings.deliberateLeaks.sorted().map {
            "deliberateLeaks switches on \"\($0.rawValue)\""
        }
        if runner.settings.features.contains(where: \.isBackAdjustedLevel) {
            findings.append("a back-adjusted price level is a model input")
        }
        return findings
    }

    /// Runs the dynamic check on every fold.
    public func run(
        _ series: [PriceSeries], progress: @escaping @Sendable (FoldVerdict) -> Void = { _ in }
    ) throws -> [FoldVerdict] {
        let (calendar, prepared) = runner.prepare(series)
        let plans = try runner.plan(prepared, calendar: calendar)
        var verdicts: [FoldVerdict] = []
        for plan in plans {
            let cutoff = calendar[plan.cutoff]
            let honest = try runner.runFold(
                plan, of: plans.count, prepared: prepared, calendar: calendar)
            let corrupted = series.map { LeakageAudit.corrupt($0, after: cutoff) }
            let (_, corruptedPrepared) = runner.prepare(corrupted)
            let rerun = try runner.runFold(
                plan, of: plans.count, prepared: corruptedPrepared, calendar: calendar)
            let verdict = FoldVerdict(
                fold: plan.index, cutoff: cutoff,
                differences: LeakageAudit.differences(honest, rerun, cutoff: cutoff))
            progress(verdict)
            verdicts.append(verdict)
        }
        return verdicts
    }

    /// `series` with every bar after `cutoff` replaced by deterministic garbage that still
    /// passes validation, and adjusted closes up to `cutoff` rescaled.
    public static func corrupt(_ series: PriceSeries, after cutoff: TradingDate) -> PriceSeries {
        let bars = series.bars.enumerated().map { index, bar -> Bar in
            guard bar.date > cutoff else {
                var kept = bar
                // A power of two rescales exactly, so adjusted returns stay bit-identical.
                kept.adjustedClose = bar.adjustedClose * 0.5
                return kept
            }
            let factor = 1.7 + sin(Double(index) * 1.3)
            let close = bar.close * factor
            return Bar(
                date: bar.date, open: close * 0.97, high: close * 1.05, low: close * 0.93,
                close: close, adjustedClose: close * 0.25, volume: bar.volume * 3 + 17)
        }
        return PriceSeries(symbol: series.symbol, bars: bars)
    }

    static func differences(_ honest: FoldOutcome, _ rerun: FoldOutcome, cutoff: TradingDate)
        -> [String]
    {
        var found: [String] = []
        if !bitEqual(
            honest.scaler.offset + honest.scaler.scale, rerun.scaler.offset + rerun.scaler.scale)
        {
            found.append("fitted scaler differs")
        }
        if !bitEqual(honest.forecaster.fittedParameters, rerun.forecaster.fittedParameters) {
            found.append("model weights differ")
        }
        // Every horizon's forecast counts, not only the traded one.
        let before = honest.horizonForecasts.filter { $0.date <= cutoff }
        let after = rerun.horizonForecasts.filter { $0.date <= cutoff }
        if !bitEqual(before.map(\.predicted), after.map(\.predicted)) {
            found.append("prediction for \(cutoff) differs")
        }
        return found
    }

    private static func bitEqual(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
