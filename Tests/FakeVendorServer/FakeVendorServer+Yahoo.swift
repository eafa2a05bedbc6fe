import Foundation

extension FakeVendorServer {
    static let yahooJSON = ["Content-Type": "application/json;charset=utf-8"]

    /// `/` sets the session cookie; `/v1/test/getcrumb` returns the crumb for it.
    func yahooSessionResponse(_ request: RecordedRequest) -> FakeResponse {
        switch request.path {
        case "/":
            return FakeResponse(
                status: 200,
                headers: [
                    "Content-Type": "text/html",
                    "Set-Cookie": "A3=\(FakeVendorServer.cookieValue); Path=/; HttpOnly",
                ],
                body: "<html><body>fake consent page</body></html>")
        case "/v1/test/getcrumb":
            guard hasSessionCookie(request) else {
                return FakeResponse(status: 401, headers: [:], body: "")
            }
            return FakeResponse(
                status: 200, headers: ["Content-Type": "text/plain"],
                body: FakeVendorServer.crumb)
        default:
            return FakeResponse(status: 404, headers: [:], body: "Not Found")
        }
    }

    private func hasSessionCookie(_ request: RecordedRequest) -> Bool {
        (request.headers["cookie"] ?? "").contains("A3=\(FakeVendorServer.cookieValue)")
    }

    /// `/v8/finance/chart/<SYMBOL>?period1=…&period2=…&interval=1d&events=div,splits`.
    func yahooChartResponse(_ request: RecordedRequest) -> FakeResponse {
        if yahooRequiresCrumb {
            if !hasSessionCookie(request) { return FakeVendorServer.unauthorized("Invalid Cookie") }
            if request.query["crumb"] != FakeVendorServer.crumb {
                return FakeVendorServer.unauthorized("Invalid Crumb")
            }
        }
        let symbol = symbol(of: request)
        guard let rows = table(symbol), !rows.isEmpty else {
            return FakeResponse(
                status: 404, headers: FakeVendorServer.yahooJSON,
                body: #"{"chart":{"result":null,"error":{"code":"Not Found","#
                    + #""description":"No data found, symbol may be delisted"}}}"#)
        }
        let zoneName = lock.withLock { timeZones[symbol] } ?? "America/New_York"
        let zone = TimeZone(identifier: zoneName) ?? TimeZone(identifier: "UTC")!
        let start = Int(request.query["period1"] ?? "") ?? Int.min
        let end = Int(request.query["period2"] ?? "") ?? Int.max
        let sessions = rows.map { (bar: $0, time: FakeVendorServer.sessionOpen($0.date, zone)) }
            .filter { $0.time >= start && $0.time < end }
        guard !sessions.isEmpty else {
            return FakeResponse(
                status: 400, headers: FakeVendorServer.yahooJSON,
                body: #"{"chart":{"result":null,"error":{"code":"Bad Request","#
                    + #""description":"Data doesn't exist for startDate = \#(start), "#
                    + #"endDate = \#(end)"}}}"#)
        }
        let body = chartBody(symbol: symbol, zone: zone, zoneName: zoneName, sessions: sessions)
        return FakeResponse(status: 200, headers: FakeVendorServer.yahooJSON, body: body)
    }

    private func chartBody(
        symbol: String, zone: TimeZone, zoneName: String,
        sessions: [(bar: FakeBar, time: Int)]
    ) -> String {
        func column(_ value: (FakeBar) -> Double, integer: Bool = false) -> String {
            let cells = sessions.map { session in
                session.bar.isNull
                    ? "null"
                    : integer
                        ? FakeVendorServer.integer(value(session.bar)) : "\(value(session.bar))"
            }
            return "[" + cells.joined(separator: ",") + "]"
        }
        // Like Yahoo, gmtoffset is the offset in force now, not at each session.
        let offset = zone.secondsFromGMT(for: Date())
        var json = #"{"chart":{"result":[{"meta":{"currency":"USD","symbol":"\#(symbol)","#
        json += #""exchangeName":"FAKE","instrumentType":"EQUITY","gmtoffset":\#(offset),"#
        json += #""timezone":"FAKE","exchangeTimezoneName":"\#(zoneName)","#
        json += #""dataGranularity":"1d","range":""},"#
        json += #""timestamp":[\#(sessions.map { String($0.time) }.joined(separator: ","))],"#
        json += eventsJSON(symbol: symbol, zone: zone, sessions: sessions)
        json += #""indicators":{"quote":[{"close":\#(column { $0.close }),"#
        json += #""low":\#(column { $0.low }),"volume":\#(column({ $0.volume }, integer: true)),"#
        json += #""open":\#(column { $0.open }),"high":\#(column { $0.high })}],"#
        json += #""adjclose":[{"adjclose":\#(column { $0.adjustedClose })}]}}],"error":null}}"#
        return json
    }

    private func eventsJSON(
        symbol: String, zone: TimeZone, sessions: [(bar: FakeBar, time: Int)]
    ) -> String {
        let (splitList, dividendList) = lock.withLock {
            (splits[symbol] ?? [], dividends[symbol] ?? [])
        }
        let served = Set(sessions.map(\.bar.date))
        let splitEntries = splitList.filter { served.contains($0.date) }.map { split in
            let time = FakeVendorServer.sessionOpen(split.date, zone)
            return #""\#(time)":{"date":\#(time),"numerator":\#(split.numerator),"#
                + #""denominator":\#(split.denominator),"#
                + #""splitRatio":"\#(split.numerator):\#(split.denominator)"}"#
        }
        let dividendEntries = dividendList.filter { served.contains($0.date) }.map { dividend in
            let time = FakeVendorServer.sessionOpen(dividend.date, zone)
            return #""\#(time)":{"amount":\#(dividend.amount),"date":\#(time)}"#
        }
        guard !splitEntries.isEmpty || !dividendEntries.isEmpty else { return "" }
        return #""events":{"dividends":{\#(dividendEntries.joined(separator: ","))},"#
            + #""splits":{\#(splitEntries.joined(separator: ","))}},"#
    }

    static func unauthorized(_ description: String) -> FakeResponse {
        FakeResponse(
            status: 401, headers: yahooJSON,
            body: #"{"finance":{"result":null,"error":{"code":"Unauthorized","#
                + #""description":"\#(description)"}}}"#)
    }

    /// Unix time of 09:30 local time on `isoDate` in `zone`, like Yahoo's session stamps.
    static func sessionOpen(_ isoDate: String, _ zone: TimeZone) -> Int {
        let parts = isoDate.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: parts[0], month: parts[1], day: parts[2], hour: 9, minute: 30)
        return Int(calendar.date(from: components)!.timeIntervalSince1970)
    }
}
