import CCurl
import Foundation

/// One libcurl easy handle: its open connections and its in-memory cookie store.
///
/// A session performs one transfer at a time and must stay on one thread at a time (libcurl
/// easy handles are not thread-safe); make one per worker. Reusing a session across requests
/// to the same host reuses the connection and keeps the cookies Yahoo's handshake sets.
public final class HTTPSession {
    private let configuration: HTTPClient
    private let handle: UnsafeMutableRawPointer?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init(configuration: HTTPClient) {
        self.configuration = configuration
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        if (try? CurlRuntime.ensureInitialised()) != nil {
            self.handle = curl_easy_init()
        } else {
            self.handle = nil
        }
        if let handle {
            // An empty file name switches the cookie engine on without reading any file, so
            // cookies live in memory only and vanish with the session.
            _ = wf_curl_setopt_string(handle, CURLOPT_COOKIEFILE, "")
        }
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
        errorBuffer.deallocate()
    }

    /// Performs a GET of `url` with extra header lines such as `"Accept: text/csv"`.
    ///
    /// - Returns: the final response whatever its status.
    /// - Throws: `HTTPClientError` when no complete answer arrived: timeout, connection
    ///   failure, body over the limit, or a setup failure.
    public func get(_ url: String, headers: [String] = []) throws -> HTTPResponse {
        try CurlRuntime.ensureInitialised()
        guard let handle else {
            throw HTTPClientError(
                kind: .other, curlCode: Int(CURLE_FAILED_INIT.rawValue),
                message: "curl_easy_init returned no handle")
        }

        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        for line in headers { headerList = curl_slist_append(headerList, line) }
        defer { curl_slist_free_all(headerList) }

        let sink = TransferSink(bodyLimit: configuration.maximumBodyBytes)
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }
        errorBuffer[0] = 0
        try configure(handle, url: url, headers: headerList, context: context.toOpaque())

        let code = curl_easy_perform(handle)
        // The header list is freed on return; the handle must not keep pointing at it.
        _ = wf_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
        guard code == CURLE_OK else { throw failure(code, sink: sink) }

        var status = 0
        _ = wf_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    private func configure(
        _ handle: UnsafeMutableRawPointer, url: String,
        headers: UnsafeMutablePointer<curl_slist>?, context: UnsafeMutableRawPointer
    ) throws {
        let milliseconds = { (seconds: Double) in max(1, Int((seconds * 1000).rounded())) }
        try check(wf_curl_setopt_string(handle, CURLOPT_URL, url))
        try check(wf_curl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        // Signals and threads do not mix; timeouts then rely on the threaded resolver.
        try check(wf_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(wf_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        try check(wf_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        try check(wf_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1))
        try check(wf_curl_setopt_long(handle, CURLOPT_MAXREDIRS, 5))
        try check(wf_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        try check(wf_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        try check(
            wf_curl_setopt_long(
                handle, CURLOPT_CONNECTTIMEOUT_MS,
                milliseconds(configuration.connectTimeoutSeconds)))
        try check(
            wf_curl_setopt_long(
                handle, CURLOPT_TIMEOUT_MS, milliseconds(configuration.totalTimeoutSeconds)))
        try check(wf_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        try check(wf_curl_setopt_string(handle, CURLOPT_USERAGENT, configuration.userAgent))
        // Refuses early when the server announces a length over the cap; the write callback
        // enforces the cap when it does not.
        try check(
            wf_curl_setopt_off(
                handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maximumBodyBytes)))
        try check(wf_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers))
        try check(wf_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(wf_curl_setopt_write_function(handle, TransferSink.receiveBody))
        try check(wf_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        try check(wf_curl_setopt_header_function(handle, TransferSink.receiveHeader))
        try check(wf_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
    }

    private func check(_ code: CURLcode) throws {
        guard code == CURLE_OK else { throw failure(code, sink: nil) }
    }

    private func failure(_ code: CURLcode, sink: TransferSink?) -> HTTPClientError {
        let detail = String(cString: errorBuffer)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let kind: HTTPClientError.Kind
        if sink?.bodyLimitExceeded == true || code == CURLE_FILESIZE_EXCEEDED {
            kind = .bodyTooLarge
        } else {
            kind = HTTPSession.kind(of: code)
        }
        return HTTPClientError(kind: kind, curlCode: Int(code.rawValue), message: message)
    }

    /// Which failures are worth a retry: timeouts and broken or refused connections.
    static func kind(of code: CURLcode) -> HTTPClientError.Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut
        case CURLE_COULDNT_CONNECT, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_SEND_ERROR,
            CURLE_RECV_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connection
        default:
            return .other
        }
    }
}

/// Collects one transfer's body and headers; reached from libcurl's C callbacks through an
/// unmanaged pointer that the session keeps retained for the duration of the transfer.
private final class TransferSink {
    let bodyLimit: Int
    var body = Data()
    var headers: [(name: String, value: String)] = []
    var headerBytes = 0
    var bodyLimitExceeded = false

    // Headers are small; this bound only stops a hostile server from growing memory forever.
    static let headerByteLimit = 256 << 10

    init(bodyLimit: Int) {
        self.bodyLimit = bodyLimit
    }

    static let receiveBody: wf_curl_write_callback = { data, size, count, context in
        guard let context else { return 0 }
        let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
        let byteCount = size * count
        guard sink.body.count + byteCount <= sink.bodyLimit else {
            sink.bodyLimitExceeded = true
            return 0  // any count other than byteCount makes libcurl abort the transfer
        }
        if let data, byteCount > 0 {
            data.withMemoryRebound(to: UInt8.self, capacity: byteCount) { bytes in
                sink.body.append(bytes, count: byteCount)
            }
        }
        return byteCount
    }

    static let receiveHeader: wf_curl_write_callback = { data, size, count, context in
        guard let context, let data else { return 0 }
        let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
        let byteCount = size * count
        sink.headerBytes += byteCount
        guard sink.headerBytes <= headerByteLimit else { return 0 }
        let line = data.withMemoryRebound(to: UInt8.self, capacity: byteCount) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: byteCount), as: UTF8.self)
        }
        sink.record(headerLine: line)
        return byteCount
    }

    private func record(headerLine line: String) {
        // A status line starts a new response (a redirect or a 100 Continue came first);
        // only the final response's headers are kept.
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(
            in: .whitespacesAndNewlines)
        headers.append((name: name, value: value))
    }
}
