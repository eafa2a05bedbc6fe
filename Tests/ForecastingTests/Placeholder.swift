import Testing

@testable import Forecasting
