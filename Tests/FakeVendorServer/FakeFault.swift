import Foundation

/// A scripted misbehaviour, used up by the first matching data request.
public enum FakeFault: Sendable {
    /// Answer with exactly this status, headers and body.
    case respond(status: Int, headers: [String: String], body: String)
    /// Wait this long, then answer normally (longer than the client's timeout to test it).
    case delay(seconds: Double)
    /// Announce the full Content-Length, send half the body, and close the connection.
    case cutShort
    /// Answer with these exact bytes as the body, such as a gzip-compressed payload.
    case respondBytes(status: Int, headers: [String: String], body: Data)

    public static func tooManyRequests(retryAfter: String?) -> FakeFault {
        .respond(
            status: 429, headers: retryAfter.map { ["Retry-After": $0] } ?? [:],
            body: "Edge: Too Many Requests")
    }

    public static let serverError = FakeFault.respond(
        status: 500, headers: [:], body: "Internal Server Error")
    public static let badGateway = FakeFault.respond(
        status: 502, headers: [:], body: "Bad Gateway")
    public static let notFoundPlain = FakeFault.respond(
        status: 404, headers: [:], body: "Not Found")

    public static let stooqNoData = FakeFault.respond(status: 200, headers: [:], body: "No data")
    public static let stooqDailyLimit = FakeFault.respond(
        status: 200, headers: [:], body: "Exceeded the daily hits limit")
    /// A stand-in for the page Stooq serves when it wants a download key.
    public static let stooqAPIKeyPage = FakeFault.respond(
        status: 200, headers: ["Content-Type": "text/html; charset=utf-8"],
        body: FakeVendorServer.stooqKeyPageBody)

    public static let yahooInvalidCookie = FakeFault.respond(
        status: 401, headers: ["Content-Type": "application/json;charset=utf-8"],
        body: #"{"finance":{"result":null,"error":{"code":"Unauthorized","#
            + #""description":"Invalid Cookie"}}}"#)
    public static let yahooInvalidCrumb = FakeFault.respond(
        status: 401, headers: ["Content-Type": "application/json;charset=utf-8"],
        body: #"{"finance":{"result":null,"error":{"code":"Unauthorized","#
            + #""description":"Invalid Crumb"}}}"#)

    public static let alphaVantageNote = alphaVantageBody(
        "Note", "Thank you for using this fake! The call frequency is 5 calls per minute.")
    public static let alphaVantageInformation = alphaVantageBody(
        "Information", "The fake daily rate limit is 25 requests per day.")
    public static let alphaVantageErrorMessage = alphaVantageBody(
        "Error Message", "Invalid API call. Please retry or read the documentation.")

    /// A JSON body with HTTP 200, as Alpha Vantage sends its complaints.
    public static func alphaVantageBody(_ field: String, _ message: String) -> FakeFault {
        .respond(
            status: 200, headers: ["Content-Type": "application/json"],
            body: "{\n    \"\(field)\": \"\(message)\"\n}")
    }

    /// An HTTP 200 with an arbitrary (broken) body.
    public static func malformed(_ body: String) -> FakeFault {
        .respond(status: 200, headers: [:], body: body)
    }
}
