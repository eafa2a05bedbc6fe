import Foundation

extension FakeVendorServer {
    /// `/query?function=TIME_SERIES_DAILY&symbol=IBM&outputsize=compact|full&apikey=…`:
    /// newest first, every value a string, four-space indentation, errors with HTTP 200.
    func alphaVantageResponse(_ request: RecordedRequest) -> FakeResponse {
        let json = ["Content-Type": "application/json"]
        if let key = alphaVantageKey, request.query["apikey"] != key {
            return FakeResponse(
                status: 200, headers: json,
                body: "{\n    \"Error Message\": \"the parameter apikey is invalid or missing. "
                    + "Please claim your free API key on the website.\"\n}")
        }
        let symbol = symbol(of: request)
        guard request.query["function"] == "TIME_SERIES_DAILY",
            var rows = table(symbol)?.filter({ !$0.isNull }), !rows.isEmpty
        else {
            return FakeResponse(
                status: 200, headers: json,
                body: "{\n    \"Error Message\": \"Invalid API call. Please retry or visit the "
                    + "documentation for TIME_SERIES_DAILY.\"\n}")
        }
        let compact = request.query["outputsize"] != "full"
        if compact { rows = Array(rows.suffix(100)) }

        var body = "{\n    \"Meta Data\": {\n"
        body +=
            "        \"1. Information\": \"Daily Prices (open, high, low, close) and "
            + "Volumes\",\n"
        body += "        \"2. Symbol\": \"\(symbol)\",\n"
        body += "        \"3. Last Refreshed\": \"\(rows.last!.date)\",\n"
        body += "        \"4. Output Size\": \"\(compact ? "Compact" : "Full size")\",\n"
        body += "        \"5. Time Zone\": \"US/Eastern\"\n    },\n"
        body += "    \"Time Series (Daily)\": {\n"
        let entries = rows.reversed().map { bar in
            let fields = [
                ("1. open", FakeVendorServer.fourDecimals(bar.open)),
                ("2. high", FakeVendorServer.fourDecimals(bar.high)),
                ("3. low", FakeVendorServer.fourDecimals(bar.low)),
                ("4. close", FakeVendorServer.fourDecimals(bar.close)),
                ("5. volume", FakeVendorServer.integer(bar.volume)),
            ].map { "            \"\($0.0)\": \"\($0.1)\"" }
            return "        \"\(bar.date)\": {\n" + fields.joined(separator: ",\n") + "\n        }"
        }
        body += entries.joined(separator: ",\n") + "\n    }\n}"
        return FakeResponse(status: 200, headers: json, body: body)
    }

    static func fourDecimals(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
