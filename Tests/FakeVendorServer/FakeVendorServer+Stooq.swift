import Foundation

extension FakeVendorServer {
    /// Stands in for the page Stooq shows when downloads need a key.
    static let stooqKeyPageBody = """
        <html><body><p>Access to CSV downloads requires an apikey.</p>
        <p>Get your apikey on the quote page and add &amp;apikey=&lt;your key&gt; to the
        download link.</p></body></html>
        """

    /// `/q/d/l/?s=aapl.us&i=d&d1=YYYYMMDD&d2=YYYYMMDD`: CSV with CRLF line ends.
    func stooqResponse(_ request: RecordedRequest) -> FakeResponse {
        if let key = stooqKey, request.query["apikey"] != key {
            return FakeResponse(
                status: 200, headers: ["Content-Type": "text/html; charset=utf-8"],
                body: FakeVendorServer.stooqKeyPageBody)
        }
        let start = request.query["d1"] ?? "00000000"
        let end = request.query["d2"] ?? "99999999"
        let rows = (table(symbol(of: request)) ?? []).filter { bar in
            let compact = bar.date.replacingOccurrences(of: "-", with: "")
            return !bar.isNull && compact >= start && compact <= end
        }
        guard !rows.isEmpty else {
            return FakeResponse(
                status: 200, headers: ["Content-Type": "text/plain"], body: "No data")
        }
        var body = "Date,Open,High,Low,Close,Volume\r\n"
        for bar in rows {
            let values = [bar.open, bar.high, bar.low, bar.close].map { "\($0)" }
            body +=
                ([bar.date] + values + [FakeVendorServer.integer(bar.volume)])
                .joined(separator: ",") + "\r\n"
        }
        return FakeResponse(
            status: 200,
            headers: [
                "Content-Type": "text/csv",
                "Content-Disposition": "attachment;filename=\(request.query["s"] ?? "x")_d.csv",
            ],
            body: body)
    }

    static func integer(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) : "\(value)"
    }
}
