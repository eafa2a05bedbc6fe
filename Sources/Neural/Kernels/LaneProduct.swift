/// Matrix products on the module's lane vectors, for the small shapes of a recurrent step.
///
/// OpenBLAS 0.3.21 has unpacked small-matrix kernels only for its Skylake-X family of
/// targets; on others (its `Zen` and `Haswell` kernels) every product of a recurrent step,
/// however small, copies both operands into packed panels first, and the copies took a fifth
/// of LSTM training on a Zen 3 core. These kernels read the operands where they are: the
/// right operand row by row, a few vectors wide, and the left one element by element,
/// broadcast to a vector, whether it is stored as is or transposed.
///
/// Each element of `C` is one sum over `k` in increasing order, a multiply-add at a time
/// (fused on FMA builds), so the result depends only on the shape, not on how `C` is tiled.
enum LaneProduct {
    /// The most rows of `C` one tile computes. On AVX2, six rows of two vectors are twelve
    /// accumulators, which with the two right-operand vectors and a broadcast fill the 16
    /// registers. AVX-512 has 32, and eight rows measured 7-10 % faster in training than six
    /// (paired runs, `benchmarks/paired.sh`); larger tiles are no longer unrolled by the
    /// compiler and run at half the speed.
    #if NEURAL_AVX512
        static let tileRows = 8
    #else
        static let tileRows = 6
    #endif

    /// Whether these kernels compute this product: `B` stored as is, `alpha` 1 and `beta`
    /// 0 or 1. Other products go to BLAS.
    static func handles(alpha: Float, b: Matmul.Operand, beta: Float) -> Bool {
        alpha == 1 && !b.transposed && (beta == 0 || beta == 1)
    }

    /// `C[m, n] = op(A) B + beta * C` for `beta` 0 or 1 (see `handles`).
    static func multiply(
        m: Int, n: Int, k: Int, _ a: Matmul.Operand, _ b: Matmul.Operand, beta: Float,
        into c: UnsafeMutablePointer<Float>, rowStride ldc: Int
    ) {
        precondition(!b.transposed && (beta == 0 || beta == 1), "unsupported product")
        let left = LeftOperand(a)
        let lanes = Lanes.scalarCount
        var column = 0
        while column + 2 * lanes <= n {
            columnBlock(
                Tile<2>.self, m: m, k: k, left, b.pointer + column, b.rowStride, beta: beta,
                c + column, ldc)
            column += 2 * lanes
        }
        if column + lanes <= n {
            columnBlock(
                Tile<1>.self, m: m, k: k, left, b.pointer + column, b.rowStride, beta: beta,
                c + column, ldc)
            column += lanes
        }
        for tail in column..<n {
            for row in 0..<m {
                var sum: Float = 0
                for inner in 0..<k {
                    sum = sum.adding(left[row, inner], times: b.pointer[inner * b.rowStride + tail])
                }
                let target = c + row * ldc + tail
                target.pointee = beta == 0 ? sum : sum + target.pointee
            }
        }
    }

    /// `A` as `[m, k]` whatever its storage: element `(row, inner)` sits at
    /// `row * rowStep + inner * innerStep`.
    struct LeftOperand {
        var pointer: UnsafePointer<Float>
        var rowStep: Int
        var innerStep: Int

        init(_ operand: Matmul.Operand) {
            pointer = operand.pointer
            rowStep = operand.transposed ? 1 : operand.rowStride
            innerStep = operand.transposed ? operand.rowStride : 1
        }

        @inline(__always)
        subscript(row: Int, inner: Int) -> Float {
            pointer[row * rowStep + inner * innerStep]
        }
    }

    /// The accumulators of one tile: `rows` rows of `C`, `vectors` lane vectors wide.
    typealias Tile<let vectors: Int> = InlineArray<vectors, Lanes>

    /// One column block of `C`, `vectors` lane vectors wide, over all `m` rows: tiles of
    /// `tileRows` rows, then one tile of the rows left over.
    @inline(__always)
    private static func columnBlock<let vectors: Int>(
        _: Tile<vectors>.Type, m: Int, k: Int, _ a: LeftOperand,
        _ b: UnsafePointer<Float>, _ ldb: Int, beta: Float,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        var row = 0
        while row + tileRows <= m {
            #if NEURAL_AVX512
                tile(InlineArray<8, Tile<vectors>>.self, k: k, a, row, b, ldb, beta, c, ldc)
            #else
                tile(InlineArray<6, Tile<vectors>>.self, k: k, a, row, b, ldb, beta, c, ldc)
            #endif
            row += tileRows
        }
        switch m - row {
        #if NEURAL_AVX512
            case 7: tile(InlineArray<7, Tile<vectors>>.self, k: k, a, row, b, ldb, beta, c, ldc)
            case 6: tile(InlineArray<6, Tile<vectors>>.self, k: k, a, row, b, ldb, beta, c, ldc)
        #endif
        case 5: tile(InlineArray<5, Tile<vectors>>.self, k: k, a, row, b, ldb, beta, c, ldc)
        case 4: tile(InlineArray<4, Tile<vectors>>.self, k: k, a, row, b, ldb, beta, c, ldc)
        case 3: tile(InlineArray<3, Tile<vectors>>.self, k: k, a, row, b, ldb, beta, c, ldc)
        case 2: tile(InlineArray<2, Tile<vectors>>.self, k: k, a, row, b, ldb, beta, c, ldc)
        case 1: tile(InlineArray<1, Tile<vectors>>.self, k: k, a, row, b, ldb, beta, c, ldc)
        default: break
        }
    }

    /// Rows `firstRow..<firstRow + rows` of one column block. The accumulators are fixed-size
    /// arrays indexed by constants once the loops over rows and vectors are unrolled, so
    /// they live in registers; each step of the inner loop loads one row of `B` and
    /// broadcasts one element of `A` per row of `C`. Its offsets use wrapping arithmetic
    /// (they are bounded by the operands' sizes): the overflow checks of `*` were not hoisted
    /// out of the loop and cost a fifth of its instructions (the products ran 13 % faster in
    /// training without them).
    @inline(__always)
    private static func tile<let rows: Int, let vectors: Int>(
        _: InlineArray<rows, Tile<vectors>>.Type, k: Int, _ a: LeftOperand, _ firstRow: Int,
        _ b: UnsafePointer<Float>, _ ldb: Int, _ beta: Float,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        var sums = InlineArray<rows, Tile<vectors>>(repeating: Tile(repeating: Lanes()))
        var left = a.pointer + firstRow * a.rowStep
        var right = b
        for _ in 0..<k {
            let rightRow = Tile<vectors> { Lanes.load(right + $0 &* Lanes.scalarCount) }
            for row in 0..<rows {
                let broadcast = Lanes(repeating: left[row &* a.rowStep])
                for vector in 0..<vectors {
                    sums[row][vector] = sums[row][vector].adding(broadcast, times: rightRow[vector])
                }
            }
            left += a.innerStep
            right += ldb
        }
        for row in 0..<rows {
            for vector in 0..<vectors {
                let target = c + (firstRow + row) * ldc + vector * Lanes.scalarCount
                let sum = sums[row][vector]
                (beta == 0 ? sum : sum + Lanes.load(target)).store(target)
            }
        }
    }
}
