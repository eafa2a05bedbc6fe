import CIntrinsics

/// Arithmetic the element-wise kernels need, on one float or on a vector of lanes.
///
/// The kernels are written once, generic over this protocol, and run on `Lanes` for the body
/// of a row and on `Float` for a tail shorter than a vector. Both conformances perform the
/// same IEEE operations in the same order, so a lane gives the same bits either way.
/// Explicit vectors are used because LLVM does not vectorise loops that read and write
/// through many pointers (it gives up on the runtime alias checks).
protocol FloatLanes {
    init(repeating value: Float)
    static func + (left: Self, right: Self) -> Self
    static func - (left: Self, right: Self) -> Self
    static func * (left: Self, right: Self) -> Self
    static func / (left: Self, right: Self) -> Self
    /// Lanewise square root, correctly rounded.
    func squareRoot() -> Self

    /// `self + left * right` rounded once, as `Float` and `SIMD` define it; the kernels call
    /// `adding(_:times:)`, which uses it only where the build targets FMA hardware.
    func addingProduct(_ left: Self, _ right: Self) -> Self
    /// Lanewise `min(max(self, low), high)`; a NaN lane stays NaN.
    func clamped(_ low: Float, _ high: Float) -> Self
    /// Lanewise `self > other ? self : other`; a NaN in `self` is lost, as in `Swift.max`.
    func maximum(_ other: Self) -> Self
    /// Lanewise `2^k` for a value `k + 1.5 * 2^23` with integral `k` in `[-126, 127]`.
    static func powerOfTwo(shifted: Self) -> Self

    static func load(_ pointer: UnsafePointer<Float>) -> Self
    func store(_ pointer: UnsafeMutablePointer<Float>)
}

#if NEURAL_AVX512
    /// The vector the kernels run on: sixteen lanes, one AVX-512 register. `Package.swift`
    /// builds this module for AVX-512 when the building machine has it.
    typealias Lanes = SIMD16<Float>
    private typealias LaneBits = SIMD16<UInt32>
#elseif NEURAL_AVX2
    /// The vector the kernels run on: eight lanes, one AVX register. `Package.swift` builds
    /// this module for AVX2 and FMA when the building machine has them.
    typealias Lanes = SIMD8<Float>
    private typealias LaneBits = SIMD8<UInt32>
#else
    /// The vector the kernels run on: four lanes, the baseline x86-64 SSE register.
    typealias Lanes = SIMD4<Float>
    private typealias LaneBits = SIMD4<UInt32>
#endif

extension FloatLanes {
    /// `self + left * right`: one fused multiply-add, rounded once, where the build targets
    /// FMA hardware (`NEURAL_FMA`); otherwise a multiplication then an addition (without FMA
    /// instructions `addingProduct` would be a library call per lane).
    @inline(__always)
    func adding(_ left: Self, times right: Self) -> Self {
        #if NEURAL_FMA
            addingProduct(left, right)
        #else
            self + left * right
        #endif
    }
}

/// The bit pattern of `1.5 * 2^23`, the shift `FloatLanes.powerOfTwo(shifted:)` expects.
private let shiftBits: UInt32 = 0x4B40_0000

extension Float: FloatLanes {
    @inline(__always)
    init(repeating value: Float) { self = value }

    @inline(__always)
    func clamped(_ low: Float, _ high: Float) -> Float { Swift.min(Swift.max(self, low), high) }

    @inline(__always)
    func maximum(_ other: Float) -> Float { self > other ? self : other }

    @inline(__always)
    static func powerOfTwo(shifted: Float) -> Float {
        // The low mantissa bits of `shifted` hold k; move them into the exponent field.
        Float(bitPattern: (shifted.bitPattern &- shiftBits &+ 127) &<< 23)
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Float { pointer.pointee }

    @inline(__always)
    func store(_ pointer: UnsafeMutablePointer<Float>) { pointer.pointee = self }
}

/// Written for the concrete `Lanes` type: on a generic `SIMD` the comparisons and integer
/// operations below are lane-by-lane loops, not vector instructions.
extension Lanes: FloatLanes {
    @inline(__always)
    func clamped(_ low: Float, _ high: Float) -> Lanes {
        // `replacing(with:where:)` compiles to compare-and-blend; `pointwiseMin` would be
        // an outlined call that also turns NaN into a bound.
        replacing(with: low, where: self .< low).replacing(with: high, where: self .> high)
    }

    @inline(__always)
    func maximum(_ other: Lanes) -> Lanes {
        other.replacing(with: self, where: self .> other)
    }

    @inline(__always)
    static func powerOfTwo(shifted: Lanes) -> Lanes {
        let bits = unsafeBitCast(shifted, to: LaneBits.self)
        let exponent = (bits &- shiftBits &+ 127) &<< 23
        return unsafeBitCast(exponent, to: Lanes.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
    }

    /// One vector square root; the standard library's takes the lanes one at a time.
    @inline(__always)
    func squareRoot() -> Lanes {
        #if NEURAL_AVX512
            walkforward_sqrt16(self)
        #elseif NEURAL_AVX2
            walkforward_sqrt8(self)
        #else
            walkforward_sqrt4(self)
        #endif
    }

    @inline(__always)
    func store(_ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: Lanes.self)
    }
}

/// One time step of a recurrent kernel for a single row, written once for any lane width.
protocol LaneStep {
    /// Updates the units from `unit` on (a vector of them for `Lanes`, one for `Float`) in
    /// row `row`.
    func update<V: FloatLanes>(_: V.Type, row: Int, unit: Int)
}

extension LaneStep {
    /// Runs `update` over the first `units` units of rows `0..<rows`, calling
    /// `beforeRow(row)` before each row.
    @inline(__always)
    func updateRows(_ rows: Int, units: Int, beforeRow: (Int) -> Void = { _ in }) {
        for row in 0..<rows {
            beforeRow(row)
            updateUnits(row: row, count: units)
        }
    }

    /// Runs `update` over the first `count` units of row `row`: a vector at a time, then
    /// the remainder one by one.
    @inline(__always)
    func updateUnits(row: Int, count: Int) {
        forEachLane(count) { unit in
            update(Lanes.self, row: row, unit: unit)
        } tail: { unit in
            update(Float.self, row: row, unit: unit)
        }
    }
}
