/// Sizes computed from numbers a person or a file supplied, with overflow reported as nil
/// instead of trapping: each number may be within its own bounds while their product is not.
enum CheckedSize {
    /// The product of `factors`, or nil when it exceeds `Int.max`.
    static func product(_ factors: Int...) -> Int? {
        var result = 1
        for factor in factors {
            let (value, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// The sum of `terms`, or nil when it exceeds `Int.max`.
    static func sum(_ terms: Int...) -> Int? {
        sum(of: terms)
    }

    /// The sum of `terms`, or nil when it exceeds `Int.max`.
    static func sum(of terms: [Int]) -> Int? {
        var result = 0
        for term in terms {
            let (value, overflow) = result.addingReportingOverflow(term)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// The sum of sizes that were themselves checked: nil when one of them overflowed (is
    /// nil) or their sum does.
    static func total(_ parts: [Int?]) -> Int? {
        let known = parts.compactMap { $0 }
        return known.count == parts.count ? sum(of: known) : nil
    }
}
