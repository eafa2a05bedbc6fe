import Testing

@testable import walkforward
