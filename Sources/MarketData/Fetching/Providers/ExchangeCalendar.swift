import Foundation

/// Turns Yahoo's session timestamps into exchange-local dates.
///
/// The named time zone is preferred because it follows daylight saving for every date in the
/// history; `meta.gmtoffset` is only the offset in force when the answer was made, so it is
/// the fallback when the zone name is unknown to this system.
struct ExchangeCalendar {
    let timeZone: TimeZone?
    let fixedOffsetSeconds: Int

    init(meta: ChartMeta) {
        self.timeZone = meta.exchangeTimezoneName.flatMap(TimeZone.init(identifier:))
        self.fixedOffsetSeconds = meta.gmtoffset ?? 0
    }

    func date(of timestamp: Int) -> TradingDate {
        let offset =
            timeZone?.secondsFromGMT(for: Date(timeIntervalSince1970: Double(timestamp)))
            ?? fixedOffsetSeconds
        return TradingDate(unixSeconds: timestamp, utcOffsetSeconds: offset)
    }

    func priceEvents(_ events: ChartEvents) -> [PriceEvent] {
        var result: [PriceEvent] = []
        for split in (events.splits ?? [:]).values where split.denominator != 0 {
            result.append(
                PriceEvent(
                    kind: .split, date: date(of: split.date),
                    value: split.numerator / split.denominator,
                    detail: split.splitRatio ?? "\(split.numerator):\(split.denominator)"))
        }
        for dividend in (events.dividends ?? [:]).values {
            result.append(
                PriceEvent(kind: .dividend, date: date(of: dividend.date), value: dividend.amount))
        }
        return result.sorted { ($0.date, $0.kind.rawValue) < ($1.date, $1.kind.rawValue) }
    }
}
