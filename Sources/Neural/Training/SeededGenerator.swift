import Foundation

/// A small, fast, seeded random number generator: xoshiro256** seeded through SplitMix64.
///
/// Blackman and Vigna, "Scrambled linear pseudorandom number generators" (2018). The same
/// seed gives the same stream on every platform, which the leakage audit relies on.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    init(seed: UInt64) {
        var mixer = seed
        state = (
            Self.splitMix(&mixer), Self.splitMix(&mixer),
            Self.splitMix(&mixer), Self.splitMix(&mixer)
        )
    }

    /// A generator for one labelled sub-stream, such as (seed, epoch, batch, sample).
    init(seed: UInt64, stream: [UInt64]) {
        var mixed = seed
        for label in stream {
            var mixer = mixed ^ (label &* 0x9E37_79B9_7F4A_7C15)
            mixed = Self.splitMix(&mixer)
        }
        self.init(seed: mixed)
    }

    mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotate(state.3, 45)
        return result
    }

    /// Uniform in `[0, 1)` with 24 random bits, every value exactly representable.
    mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// Uniform in `[low, high)`.
    mutating func nextFloat(in low: Float, _ high: Float) -> Float {
        low + (high - low) * nextUnitFloat()
    }

    /// Standard normal by the Box–Muller transform, computed in `Double`.
    mutating func nextGaussian() -> Float {
        let u1 = (Double(next() >> 11) + 1) * 0x1p-53
        let u2 = Double(next() >> 11) * 0x1p-53
        return Float((-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
    }

    private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
