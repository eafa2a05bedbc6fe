/// Whether `actual` is within `atol + rtol × |expected|` of `expected`, numpy-style.
///
/// NaN matches only NaN and an infinity only itself, so undefined and unbounded results can be
/// checked with the same helper as finite ones.
func isClose(_ actual: Double, _ expected: Double, rtol: Double = 1e-12, atol: Double = 0)
    -> Bool
{
    if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
    if actual == expected { return true }
    return abs(actual - expected) <= atol + rtol * abs(expected)
}

/// Whether two arrays have the same length and are close element by element.
func isClose(_ actual: [Double], _ expected: [Double], rtol: Double = 1e-12, atol: Double = 0)
    -> Bool
{
    actual.count == expected.count
        && zip(actual, expected).allSatisfy { isClose($0, $1, rtol: rtol, atol: atol) }
}
