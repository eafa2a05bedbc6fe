import Testing

@testable import Backtesting
