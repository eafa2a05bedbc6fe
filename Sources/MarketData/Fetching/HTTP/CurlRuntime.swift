import CCurl

/// Initialises libcurl once per process.
///
/// `curl_global_init` is not thread-safe on older libcurl, so it runs inside a Swift global
/// initialiser, which the runtime guarantees to execute exactly once even when several
/// threads reach it together.
enum CurlRuntime {
    static let initialisation: CURLcode = wf_curl_global_init_default()

    static func ensureInitialised() throws {
        let code = initialisation
        guard code == CURLE_OK else {
            throw HTTPClientError(
                kind: .other, curlCode: Int(code.rawValue),
                message: "curl_global_init failed: \(String(cString: curl_easy_strerror(code)))")
        }
    }
}
