import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fake of Stooq, Yahoo's chart API and Alpha Vantage on 127.0.0.1, for tests only.
///
/// It binds a free loopback port, answers each connection on its own thread with one
/// HTTP/1.1 response and `Connection: close`, and serves the three vendor formats from tables
/// the test fills. Scripted faults (`enqueue`) replace or damage the next matching answers.
/// Every request is recorded. All loops are bounded: the accept loop polls a stop flag every
/// 50 ms, reads give up after 5 s, and request heads are capped at 64 KiB.
public final class FakeVendorServer: @unchecked Sendable {
    public let port: UInt16
    /// `http://127.0.0.1:<port>`, the value for `--base-url`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    let listener: Listener
    let lock = NSLock()
    var bars: [String: [FakeBar]] = [:]
    var timeZones: [String: String] = [:]
    var splits: [String: [(date: String, numerator: Int, denominator: Int)]] = [:]
    var dividends: [String: [(date: String, amount: Double)]] = [:]
    var faults: [(vendor: FakeVendor, symbol: String?, fault: FakeFault)] = []
    var recorded: [RecordedRequest] = []
    var inFlight = 0
    var inFlightPeak = 0
    var latency: Double = 0
    var requiredAlphaVantageKey: String?
    var requiredStooqKey: String?
    var crumbRequired = false

    /// The cookie value `/` sets and the crumb `/v1/test/getcrumb` returns for it. The crumb
    /// holds a `/` and a `.` like real ones, so clients must percent-encode it.
    public static let cookieValue = "d=FakeCookie123&S=fake"
    public static let crumb = "aB3/xY.9z"

    /// Binds 127.0.0.1 on a free port and starts answering.
    ///
    /// - Throws: `POSIXError` when no socket can be bound.
    public init() throws {
        listener = try Listener()
        port = listener.port
        listener.start { [weak self] descriptor in
            guard let self else {
                close(descriptor)
                return
            }
            self.serve(descriptor)
        }
    }

    deinit { listener.stop() }

    /// Stops accepting connections and waits briefly for the accept loop to end.
    public func stop() { listener.stop() }

    // MARK: Configuration

    /// Serves `bars` (ascending dates) for `symbol` in every format. Stooq's `aapl.us` and
    /// Yahoo's `AAPL` both find the bars stored under `AAPL`.
    public func setBars(_ bars: [FakeBar], for symbol: String) {
        lock.withLock { self.bars[symbol.uppercased()] = bars }
    }

    /// Yahoo's exchange time zone for `symbol` (default `America/New_York`); sessions open at
    /// 09:30 local time.
    public func setYahooTimeZone(_ identifier: String, for symbol: String) {
        lock.withLock { timeZones[symbol.uppercased()] = identifier }
    }

    /// Splits and dividends reported in Yahoo's `events`.
    public func setYahooEvents(
        for symbol: String, splits: [(date: String, numerator: Int, denominator: Int)] = [],
        dividends: [(date: String, amount: Double)] = []
    ) {
        lock.withLock {
            self.splits[symbol.uppercased()] = splits
            self.dividends[symbol.uppercased()] = dividends
        }
    }

    /// Queues `fault` for the next `count` data requests to `vendor` (for `symbol` only, when
    /// given). Faults are used in the order queued.
    public func enqueue(
        _ fault: FakeFault, vendor: FakeVendor, symbol: String? = nil, count: Int = 1
    ) {
        lock.withLock {
            for _ in 0..<count { faults.append((vendor, symbol?.uppercased(), fault)) }
        }
    }

    /// A pause before every answer, to make concurrency measurable.
    public var latencySeconds: Double {
        get { lock.withLock { latency } }
        set { lock.withLock { latency = newValue } }
    }

    /// When set, Alpha Vantage refuses any other key with an `Error Message`.
    public var alphaVantageKey: String? {
        get { lock.withLock { requiredAlphaVantageKey } }
        set { lock.withLock { requiredAlphaVantageKey = newValue } }
    }

    /// When set, Stooq serves its API-key page unless `&apikey=` carries this key.
    public var stooqKey: String? {
        get { lock.withLock { requiredStooqKey } }
        set { lock.withLock { requiredStooqKey = newValue } }
    }

    /// When true, Yahoo's chart answers 401 unless the request has the cookie and crumb.
    public var yahooRequiresCrumb: Bool {
        get { lock.withLock { crumbRequired } }
        set { lock.withLock { crumbRequired = newValue } }
    }

    // MARK: Observations

    /// Every request so far, in arrival order.
    public var requests: [RecordedRequest] { lock.withLock { recorded } }

    /// Requests to vendor data endpoints (not Yahoo's cookie or crumb pages).
    public var dataRequests: [RecordedRequest] { requests.filter { $0.vendor != nil } }

    /// The most requests that were being answered at the same moment.
    public var maximumConcurrentRequests: Int { lock.withLock { inFlightPeak } }

    /// Forgets recorded requests and the concurrency peak.
    public func resetRecords() {
        lock.withLock {
            recorded.removeAll()
            inFlightPeak = 0
        }
    }

    // MARK: Serving

    private func serve(_ descriptor: Int32) {
        defer { close(descriptor) }
        guard let head = Listener.readHead(descriptor) else { return }
        guard let request = FakeVendorServer.parse(head) else {
            send(FakeResponse(status: 400, body: "bad request"), to: descriptor)
            return
        }
        let pause = lock.withLock {
            recorded.append(request)
            inFlight += 1
            inFlightPeak = max(inFlightPeak, inFlight)
            return latency
        }
        if pause > 0 { Thread.sleep(forTimeInterval: pause) }
        let (response, fault) = route(request)
        if case .delay(let seconds)? = fault { Thread.sleep(forTimeInterval: seconds) }
        // Counted out before the bytes go out: a client may finish reading and start its next
        // request before this thread runs again, and must not be counted twice.
        lock.withLock { inFlight -= 1 }

        switch fault {
        case .cutShort?:
            send(response, to: descriptor, bodyByteLimit: response.body.count / 2)
        case .respond(let status, let headers, let body)?:
            send(FakeResponse(status: status, headers: headers, body: body), to: descriptor)
        case .respondBytes(let status, let headers, let body)?:
            var raw = FakeResponse(status: status, headers: headers, body: "")
            raw.body = body
            send(raw, to: descriptor)
        case .delay?, nil:
            send(response, to: descriptor)
        }
    }

    /// The normal answer to `request` and the fault to apply to it, if one is queued.
    private func route(_ request: RecordedRequest) -> (FakeResponse, FakeFault?) {
        let fault = request.vendor.flatMap { takeFault(vendor: $0, symbol: symbol(of: request)) }
        switch request.vendor {
        case .stooq?: return (stooqResponse(request), fault)
        case .yahoo?: return (yahooChartResponse(request), fault)
        case .alphaVantage?: return (alphaVantageResponse(request), fault)
        case nil: return (yahooSessionResponse(request), nil)
        }
    }

    private func takeFault(vendor: FakeVendor, symbol: String) -> FakeFault? {
        lock.withLock {
            let index = faults.firstIndex {
                $0.vendor == vendor && ($0.symbol == nil || $0.symbol == symbol)
            }
            return index.map { faults.remove(at: $0).fault }
        }
    }

    /// The table key a data request is for.
    func symbol(of request: RecordedRequest) -> String {
        switch request.vendor {
        case .stooq?:
            let name = (request.query["s"] ?? "").uppercased()
            return name.hasSuffix(".US") ? String(name.dropLast(3)) : name
        case .yahoo?:
            return String(request.path.dropFirst("/v8/finance/chart/".count)).uppercased()
        case .alphaVantage?:
            return (request.query["symbol"] ?? "").uppercased()
        case nil:
            return ""
        }
    }

    func table(_ symbol: String) -> [FakeBar]? {
        lock.withLock { bars[symbol] }
    }

    private func send(_ response: FakeResponse, to descriptor: Int32, bodyByteLimit: Int? = nil) {
        var head = "HTTP/1.1 \(response.status) \(FakeResponse.reason(response.status))\r\n"
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n"
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
            head += "\(name): \(value)\r\n"
        }
        head += "\r\n"
        let body = bodyByteLimit.map { Data(response.body.prefix($0)) } ?? response.body
        Listener.sendAll(Data(head.utf8) + body, to: descriptor)
    }

    static func parse(_ head: String) -> RecordedRequest? {
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count == 3 else { return nil }
        let target = String(parts[1])
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let pieces = target.split(separator: "?", maxSplits: 1)
        let rawPath = pieces.first.map(String.init) ?? target
        let path = rawPath.removingPercentEncoding ?? rawPath
        var query: [String: String] = [:]
        for pair in (pieces.count > 1 ? pieces[1] : "").split(separator: "&") {
            let nameAndValue = pair.split(separator: "=", maxSplits: 1).map(String.init)
            let value = nameAndValue.count > 1 ? nameAndValue[1] : ""
            query[nameAndValue[0].removingPercentEncoding ?? nameAndValue[0]] =
                value.removingPercentEncoding ?? value
        }
        let vendor: FakeVendor?
        if rawPath == "/q/d/l/" || rawPath == "/q/d/l" {
            vendor = .stooq
        } else if rawPath.hasPrefix("/v8/finance/chart/") {
            vendor = .yahoo
        } else if rawPath == "/query" {
            vendor = .alphaVantage
        } else {
            vendor = nil
        }
        return RecordedRequest(
            method: String(parts[0]), target: target, path: path, query: query,
            headers: headers, vendor: vendor)
    }
}
