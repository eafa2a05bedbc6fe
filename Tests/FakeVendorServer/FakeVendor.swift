/// The three vendor formats the fake speaks.
public enum FakeVendor: String, Sendable {
    case stooq
    case yahoo
    case alphaVantage
}
