/// Fast single-precision `exp`, logistic sigmoid and `tanh` on one float or a vector of
/// lanes (no calls, no branches, no traps), for the element-wise kernels.
///
/// `exp` reduces `x = k ln 2 + r` with `|r| <= ln 2 / 2` (Cody–Waite split of `ln 2`, so the
/// reduction stays exact for large `|x|`), evaluates a degree-5 minimax polynomial for `e^r`
/// (6.7e-8 relative before rounding) and builds `2^k` from its bit pattern. The sigmoid is
/// `1 / (1 + e^-x)`, relatively accurate also far into the negative tail, where
/// `(1 + tanh(x / 2)) / 2` would cancel. `tanh` is an odd rational minimax fit
/// `x P(x^2) / Q(x^2)` with numerator and denominator of degree 4 in `x^2` on `|x| <= 9`
/// (fitted for relative error with `scipy.optimize.linprog`; 1e-7 before rounding, under
/// 4e-7 in float), clamped where float `tanh` reaches ±1: one division and no exponential.
/// All stay within a few float ulps of libm, which keeps parity with PyTorch well inside
/// 1e-5. NaN inputs give NaN outputs, so a diverging model is still detected.
enum Activation {
    /// Adding then subtracting 1.5 * 2^23 rounds a float of magnitude < 2^22 to an integer.
    private static let roundingShift: Float = 12_582_912

    @inline(__always)
    static func exp<V: FloatLanes>(_ value: V) -> V {
        let x = value.clamped(-87.33, 88.72)
        let shifted = V(repeating: roundingShift).adding(x, times: V(repeating: 1.442_695_04))
        let k = shifted - V(repeating: roundingShift)
        let r = x.adding(k, times: V(repeating: -0.693_359_375))
            .adding(k, times: V(repeating: 2.121_944_4e-4))
        // Estrin's scheme rather than Horner's: the sigmoid loops are bound by this chain's
        // latency, not by the one extra multiplication.
        let square = r * r
        let low = V(repeating: 0.499_990_17).adding(V(repeating: 0.166_670_59), times: r)
        let high = V(repeating: 4.191_096_1e-2).adding(V(repeating: 8.319_862_2e-3), times: r)
        let p = (V(repeating: 1) + r).adding(square, times: low.adding(square, times: high))
        return p * V.powerOfTwo(shifted: shifted)
    }

    @inline(__always)
    static func sigmoid<V: FloatLanes>(_ x: V) -> V {
        V(repeating: 1) / (V(repeating: 1) + exp(V(repeating: 0) - x))
    }

    @inline(__always)
    static func tanh<V: FloatLanes>(_ x: V) -> V {
        // Float tanh rounds to ±1 beyond 9.01; the clamp lets NaN through.
        let clamped = x.clamped(-9, 9)
        let square = clamped * clamped
        var numerator = V(repeating: 1.169_435_5e-8)
        numerator = V(repeating: 1.945_576_7e-5).adding(numerator, times: square)
        numerator = V(repeating: 3.428_048_2e-3).adding(numerator, times: square)
        numerator = V(repeating: 0.133_251_37).adding(numerator, times: square)
        numerator = V(repeating: 0.999_999_94).adding(numerator, times: square)
        var denominator = V(repeating: 7.109_184_1e-7)
        denominator = V(repeating: 3.173_283_5e-4).adding(denominator, times: square)
        denominator = V(repeating: 2.562_303_3e-2).adding(denominator, times: square)
        denominator = V(repeating: 0.466_584_68).adding(denominator, times: square)
        denominator = V(repeating: 1).adding(denominator, times: square)
        return clamped * numerator / denominator
    }

    /// Applies the sigmoid in place to `count` values.
    static func sigmoid(_ values: UnsafeMutablePointer<Float>, count: Int) {
        forEachLane(count) { index in
            sigmoid(Lanes.load(values + index)).store(values + index)
        } tail: { index in
            values[index] = sigmoid(values[index])
        }
    }

    /// Applies `tanh` in place to `count` values.
    static func tanh(_ values: UnsafeMutablePointer<Float>, count: Int) {
        forEachLane(count) { index in
            tanh(Lanes.load(values + index)).store(values + index)
        } tail: { index in
            values[index] = tanh(values[index])
        }
    }

    /// `values = sigmoid(values + bias)` element by element, in place, for `count` values.
    ///
    /// The step kernels call this and `tanh(_:adding:count:)` over a whole gate block before
    /// combining the gates: a loop body with one short dependency chain lets the processor
    /// overlap many iterations, where one fused body holding all of a unit's activations is
    /// bound by their chained latency (measured about twice as slow).
    static func sigmoid(
        _ values: UnsafeMutablePointer<Float>, adding bias: UnsafePointer<Float>, count: Int
    ) {
        forEachLane(count) { index in
            sigmoid(Lanes.load(values + index) + Lanes.load(bias + index)).store(values + index)
        } tail: { index in
            values[index] = sigmoid(values[index] + bias[index])
        }
    }

    /// `values = tanh(values + bias)` element by element, in place, for `count` values.
    static func tanh(
        _ values: UnsafeMutablePointer<Float>, adding bias: UnsafePointer<Float>, count: Int
    ) {
        forEachLane(count) { index in
            tanh(Lanes.load(values + index) + Lanes.load(bias + index)).store(values + index)
        } tail: { index in
            values[index] = tanh(values[index] + bias[index])
        }
    }

    /// Applies `max(x, 0)` in place to `count` values.
    static func relu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count {
            values[index] = Swift.max(values[index], 0)
        }
    }
}

/// Calls `body(i)` for each vector of indices `i..<i+Lanes.scalarCount` in `0..<count`, then
/// `tail(i)` for each index left over.
@inline(__always)
func forEachLane(_ count: Int, _ body: (Int) -> Void, tail: (Int) -> Void) {
    var index = 0
    while index &+ Lanes.scalarCount <= count {
        body(index)
        index &+= Lanes.scalarCount
    }
    while index < count {
        tail(index)
        index &+= 1
    }
}
