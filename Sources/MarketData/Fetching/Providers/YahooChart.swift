import Foundation

// The parts of Yahoo's v8 chart JSON that the provider reads. Every array of values may hold
// nulls, so the element types are optional.

struct ChartEnvelope: Decodable {
    let chart: Chart
}

struct Chart: Decodable {
    let result: [ChartResult]?
    let error: VendorErrorBody?
}

struct VendorErrorBody: Decodable {
    let code: String?
    let description: String?
}

/// Yahoo's error bodies: `chart.error` from the chart API, `finance.error` from the rest.
struct ErrorEnvelope: Decodable {
    struct Wrapper: Decodable {
        let error: VendorErrorBody?
    }

    let chart: Wrapper?
    let finance: Wrapper?
}

struct ChartResult: Decodable {
    let meta: ChartMeta
    let timestamp: [Int]?
    let indicators: Indicators
    let events: ChartEvents?
}

struct ChartMeta: Decodable {
    let gmtoffset: Int?
    let exchangeTimezoneName: String?
}

struct Indicators: Decodable {
    let quote: [Quote]
    let adjclose: [AdjustedCloses]?
}

struct Quote: Decodable {
    var open: [Double?]?
    var high: [Double?]?
    var low: [Double?]?
    var close: [Double?]?
    var volume: [Double?]?
}

struct AdjustedCloses: Decodable {
    let adjclose: [Double?]?
}

struct ChartEvents: Decodable {
    struct Dividend: Decodable {
        let amount: Double
        let date: Int
    }

    struct Split: Decodable {
        let date: Int
        let numerator: Double
        let denominator: Double
        let splitRatio: String?
    }

    let dividends: [String: Dividend]?
    let splits: [String: Split]?
}
