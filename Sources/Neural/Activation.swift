/// Fast single-precision `exp`, logistic sigmoid and `tanh`, written so the compiler can
/// vectorise loops over them (no calls, no branches, no traps).
///
/// `exp` reduces `x = k ln 2 + r` with `|r| <= ln 2 / 2` (Cody–Waite split of `ln 2`), uses the
/// degree-7 Taylor polynomial for `e^r` (truncation below 1e-8 relative) and builds `2^k` from
/// its bit pattern. `tanh` uses its odd Taylor series below 0.3125, where the exponential form
/// would cancel, and `1 - 2 / (e^{2|x|} + 1)` above. Both stay within a few float ulps of libm,
/// which keeps parity with PyTorch well inside 1e-5. NaN inputs give NaN outputs, so a
/// diverging model is still detected.
enum Activation {
    /// Adding then subtracting 1.5 * 2^23 rounds a float of magnitude < 2^22 to an integer.
    private static let roundingShift: Float = 12_582_912

    @inline(__always)
    static func exp(_ value: Float) -> Float {
        let x = Swift.min(Swift.max(value, -87.33), 88.72)
        let shifted = x * 1.442_695_04 + roundingShift
        let k = shifted - roundingShift
        let r = (x - k * 0.693_359_375) + k * 2.121_944_4e-4
        var p: Float = 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // The low mantissa bits of `shifted` hold k; move them into the exponent field.
        let exponent = (shifted.bitPattern &- roundingShift.bitPattern &+ 127) << 23
        return p * Float(bitPattern: exponent)
    }

    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }

    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        let magnitude = Swift.min(Swift.abs(x), 9.1)
        let large = 1 - 2 / (exp(2 * magnitude) + 1)
        let square = magnitude * magnitude
        var p: Float = 21_844.0 / 6_081_075
        p = p * square - 1_382.0 / 155_925
        p = p * square + 62.0 / 2_835
        p = p * square - 17.0 / 315
        p = p * square + 2.0 / 15
        p = p * square - 1.0 / 3
        let small = magnitude + magnitude * square * p
        let result = magnitude < 0.3125 ? small : large
        // Restores the sign; NaN fails both comparisons above and is passed through here.
        return x.isNaN ? x : (x < 0 ? -result : result)
    }

    /// Applies the sigmoid in place to `count` values.
    static func sigmoid(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count {
            values[index] = sigmoid(values[index])
        }
    }

    /// Applies `tanh` in place to `count` values.
    static func tanh(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count {
            values[index] = tanh(values[index])
        }
    }

    /// Applies `max(x, 0)` in place to `count` values.
    static func relu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count {
            values[index] = Swift.max(values[index], 0)
        }
    }
}
