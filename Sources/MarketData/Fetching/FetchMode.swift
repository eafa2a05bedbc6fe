/// How a symbol's cached file was brought up to date.
public enum FetchMode: String, Sendable, Codable {
    /// No file existed; the requested range was fetched.
    case new
    /// Only the days after the last cached one (plus an overlap) were fetched and appended.
    case incremental
    /// `refresh` was asked for: everything fetched again and the file replaced.
    case refresh
    /// The cache could not be extended safely (history revised, another source); everything
    /// was fetched again and the file replaced.
    case fullRefetch = "full-refetch"
    /// The cache already covered the requested range; nothing was fetched.
    case upToDate = "up-to-date"
}
