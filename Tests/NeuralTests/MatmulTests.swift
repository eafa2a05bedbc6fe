import Testing

@testable import Neural

@Suite struct MatmulTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        var m: Int
        var n: Int
        var k: Int
        var transposeA: Bool
        var transposeB: Bool
        var alpha: Float
        var beta: Float
        var testDescription: String {
            "\(m)x\(n)x\(k) tA=\(transposeA) tB=\(transposeB) alpha=\(alpha) beta=\(beta)"
        }
    }

    static let shapes: [Shape] = [
        Shape(m: 1, n: 1, k: 1, transposeA: false, transposeB: false, alpha: 1, beta: 0),
        Shape(m: 7, n: 5, k: 3, transposeA: false, transposeB: true, alpha: 1, beta: 1),
        Shape(m: 32, n: 256, k: 64, transposeA: false, transposeB: true, alpha: 1, beta: 1),
        Shape(m: 256, n: 64, k: 96, transposeA: true, transposeB: false, alpha: 1, beta: 1),
        Shape(m: 33, n: 17, k: 40, transposeA: true, transposeB: true, alpha: 0.5, beta: -2),
        Shape(m: 9, n: 64, k: 256, transposeA: false, transposeB: false, alpha: 1, beta: 0),
        // Split into row blocks for OpenBLAS's small-matrix kernel (1e6 < m n k <= 4e6).
        Shape(m: 64, n: 256, k: 64, transposeA: false, transposeB: false, alpha: 1, beta: 1),
        Shape(m: 61, n: 200, k: 129, transposeA: false, transposeB: true, alpha: 2, beta: 0),
        // A transposed `A` splits along its stored columns (the weight-gradient shape).
        Shape(m: 64, n: 256, k: 128, transposeA: true, transposeB: false, alpha: 1, beta: 1),
        Shape(m: 61, n: 130, k: 200, transposeA: true, transposeB: true, alpha: 1, beta: 0.5),
    ]

    @Test(arguments: shapes)
    func blasProductMatchesThePlainSwiftReference(_ shape: Shape) {
        let a = gaussianValues(shape.m * shape.k, seed: 1)
        let b = gaussianValues(shape.k * shape.n, seed: 2)
        let start = gaussianValues(shape.m * shape.n, seed: 3)
        var fast = start
        var slow = start
        let lda = shape.transposeA ? shape.m : shape.k
        let ldb = shape.transposeB ? shape.k : shape.n
        let bounds = Self.roundingBounds(
            m: shape.m, n: shape.n, k: shape.k, alpha: shape.alpha, beta: shape.beta,
            start: start, rowStride: shape.n,
            left: { shape.transposeA ? a[$1 * lda + $0] : a[$0 * lda + $1] },
            right: { shape.transposeB ? b[$1 * ldb + $0] : b[$0 * ldb + $1] })
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let left = Matmul.Operand(
                    pointer: a.baseAddress!, rowStride: lda, transposed: shape.transposeA)
                let right = Matmul.Operand(
                    pointer: b.baseAddress!, rowStride: ldb, transposed: shape.transposeB)
                fast.withUnsafeMutableBufferPointer {
                    Matmul.multiply(
                        m: shape.m, n: shape.n, k: shape.k, alpha: shape.alpha, left, right,
                        beta: shape.beta, into: $0.baseAddress!, rowStride: shape.n)
                }
                slow.withUnsafeMutableBufferPointer {
                    Matmul.reference(
                        m: shape.m, n: shape.n, k: shape.k, alpha: shape.alpha, left, right,
                        beta: shape.beta, into: $0.baseAddress!, rowStride: shape.n)
                }
            }
        }
        Self.expectWithinBounds(fast, slow, bounds)
    }

    /// For each element of `C = alpha op(A) op(B) + beta C`, the rounding error a float
    /// computation may carry whatever order it sums in (OpenBLAS's kernels differ from one
    /// processor to the next): `(k + 2) u (|alpha| sum |a b| + |beta c|)` with `u = 2^-24`,
    /// the classic bound for a sum of `k` products, one scaling and one addition. Elements
    /// of `C` outside the product (padding) get a bound of zero: they must not change.
    static func roundingBounds(
        m: Int, n: Int, k: Int, alpha: Float, beta: Float, start: [Float], rowStride ldc: Int,
        left: (_ row: Int, _ inner: Int) -> Float, right: (_ inner: Int, _ column: Int) -> Float
    ) -> [Double] {
        let unit = Double(Float.ulpOfOne) / 2
        var bounds = [Double](repeating: 0, count: start.count)
        for row in 0..<m {
            for column in 0..<n {
                var products = 0.0
                for inner in 0..<k {
                    products += Double(abs(left(row, inner) * right(inner, column)))
                }
                let magnitude =
                    Double(abs(alpha)) * products + Double(abs(beta * start[row * ldc + column]))
                bounds[row * ldc + column] = Double(k + 2) * unit * magnitude
            }
        }
        return bounds
    }

    /// Every element of `computed` within its bound of `exact`, plus half a unit in the last
    /// place for the reference, which rounds its double sum to float once.
    static func expectWithinBounds(_ computed: [Float], _ exact: [Float], _ bounds: [Double]) {
        let outside = zip(zip(computed, exact), bounds).enumerated().filter { _, element in
            let ((value, exact), bound) = element
            return abs(Double(value) - Double(exact)) > bound + Double(exact.ulp) / 2
        }
        #expect(
            outside.isEmpty,
            "first element outside its bound: \(outside.first.map { "\($0)" } ?? "")")
    }

    /// Shapes for the lane kernels: every count of rows left over after the tiles of six
    /// (AVX2, SSE) or eight rows (AVX-512), column blocks of two vectors, one vector and a
    /// scalar tail, an empty sum, and stored rows longer than the matrices they hold.
    struct LaneShape: Sendable, CustomTestStringConvertible {
        var m: Int
        var n: Int
        var k: Int
        var transposeA: Bool
        var beta: Float
        /// Added to every stored row length, so that rows do not follow each other.
        var padding = 0
        var testDescription: String {
            "\(m)x\(n)x\(k) tA=\(transposeA) beta=\(beta) padding=\(padding)"
        }
    }

    static let laneShapes: [LaneShape] = [
        LaneShape(m: 1, n: 1, k: 1, transposeA: false, beta: 0),
        LaneShape(m: 32, n: 256, k: 64, transposeA: false, beta: 1),
        LaneShape(m: 32, n: 64, k: 256, transposeA: false, beta: 0),
        LaneShape(m: 64, n: 256, k: 128, transposeA: true, beta: 1),
        LaneShape(m: 5, n: 256, k: 128, transposeA: true, beta: 1),
        LaneShape(m: 7, n: 27, k: 13, transposeA: false, beta: 1, padding: 3),
        LaneShape(m: 8, n: 27, k: 13, transposeA: true, beta: 0, padding: 5),
        LaneShape(m: 9, n: 11, k: 2, transposeA: false, beta: 0, padding: 1),
        LaneShape(m: 10, n: 24, k: 31, transposeA: true, beta: 1, padding: 2),
        LaneShape(m: 11, n: 40, k: 17, transposeA: false, beta: 1),
        LaneShape(m: 12, n: 3, k: 9, transposeA: true, beta: 1),
        LaneShape(m: 13, n: 16, k: 0, transposeA: false, beta: 1),
        LaneShape(m: 4, n: 16, k: 0, transposeA: true, beta: 0),
        LaneShape(m: 6, n: 48, k: 5, transposeA: true, beta: 0),
        LaneShape(m: 15, n: 70, k: 21, transposeA: false, beta: 1, padding: 4),
    ]

    /// `LaneProduct`'s result on random operands, the reference's, and for each element the
    /// rounding error it may carry (`roundingBounds`).
    private static func laneAndReference(
        _ shape: LaneShape, rowBlocks: [Range<Int>]? = nil
    ) -> (lanes: [Float], reference: [Float], bounds: [Double]) {
        let lda = (shape.transposeA ? shape.m : shape.k) + shape.padding
        let ldb = shape.n + shape.padding
        let ldc = shape.n + shape.padding
        let a = gaussianValues(max(1, (shape.transposeA ? shape.k : shape.m) * lda), seed: 4)
        let b = gaussianValues(max(1, shape.k * ldb), seed: 5)
        let start = gaussianValues(shape.m * ldc, seed: 6)
        var lanes = start
        var reference = start
        let bounds = roundingBounds(
            m: shape.m, n: shape.n, k: shape.k, alpha: 1, beta: shape.beta, start: start,
            rowStride: ldc,
            left: { shape.transposeA ? a[$1 * lda + $0] : a[$0 * lda + $1] },
            right: { b[$0 * ldb + $1] })
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let left = Matmul.Operand(
                    pointer: a.baseAddress!, rowStride: lda, transposed: shape.transposeA)
                let right = Matmul.Operand(pointer: b.baseAddress!, rowStride: ldb)
                lanes.withUnsafeMutableBufferPointer { c in
                    for rows in rowBlocks ?? [0..<shape.m] {
                        var block = left
                        block.pointer += shape.transposeA ? rows.lowerBound : rows.lowerBound * lda
                        LaneProduct.multiply(
                            m: rows.count, n: shape.n, k: shape.k, block, right,
                            beta: shape.beta, into: c.baseAddress! + rows.lowerBound * ldc,
                            rowStride: ldc)
                    }
                }
                reference.withUnsafeMutableBufferPointer {
                    Matmul.reference(
                        m: shape.m, n: shape.n, k: shape.k, left, right, beta: shape.beta,
                        into: $0.baseAddress!, rowStride: ldc)
                }
            }
        }
        return (lanes, reference, bounds)
    }

    @Test(arguments: laneShapes)
    func laneProductMatchesThePlainSwiftReference(_ shape: LaneShape) {
        let (lanes, reference, bounds) = Self.laneAndReference(shape)
        Self.expectWithinBounds(lanes, reference, bounds)
    }

    @Test func laneProductResultsDependOnTheShapeNotOnTheTiling() {
        // 23 rows computed at once run as 6 + 6 + 6 + 5 (8 + 8 + 7 on AVX-512); one row at
        // a time, each is a tile of its own. Every element is the same sum in the same order
        // either way.
        let shape = LaneShape(m: 23, n: 43, k: 37, transposeA: true, beta: 1, padding: 2)
        let whole = Self.laneAndReference(shape).lanes
        let rowByRow = Self.laneAndReference(shape, rowBlocks: (0..<23).map { $0..<($0 + 1) })
        #expect(whole == rowByRow.lanes)
    }

    @Test func engineIsTheLaneKernelsWhereTheBuildHasFusedMultiplyAdds() {
        // A build without fused multiply-adds (the portable one) keeps OpenBLAS.
        let expected: Matmul.Engine =
            ProcessorSupport.requiredFlags.contains("fma") ? .lanes : .openBLAS
        #expect(Matmul.defaultEngine == expected)
    }

    @Test func laneProductLeavesOtherProductsToBLAS() {
        let b = [Float](repeating: 1, count: 4)
        b.withUnsafeBufferPointer {
            let plain = Matmul.Operand(pointer: $0.baseAddress!, rowStride: 2)
            var transposed = plain
            transposed.transposed = true
            #expect(LaneProduct.handles(alpha: 1, b: plain, beta: 0))
            #expect(LaneProduct.handles(alpha: 1, b: plain, beta: 1))
            #expect(!LaneProduct.handles(alpha: 1, b: transposed, beta: 0))
            #expect(!LaneProduct.handles(alpha: 2, b: plain, beta: 0))
            #expect(!LaneProduct.handles(alpha: 1, b: plain, beta: 0.5))
        }
    }

    /// The blocked transpose behind the weight copies and the weight-gradient sums, on
    /// shapes that leave partial 16 x 16 blocks on both sides.
    @Test(arguments: [(5, 256), (37, 19), (16, 16), (1, 3)])
    func transposeSetsOrAddsEveryElement(_ rows: Int, _ columns: Int) {
        let source = gaussianValues(rows * columns, seed: 7)
        let start = gaussianValues(rows * columns, seed: 8)
        var set = [Float](repeating: .nan, count: rows * columns)
        var added = start
        source.withUnsafeBufferPointer { source in
            LayerPass.transpose(
                rows: rows, columns: columns, source.baseAddress!, into: &set)
            LayerPass.transpose(
                rows: rows, columns: columns, source.baseAddress!, into: &added, adding: true)
        }
        for row in 0..<rows {
            for column in 0..<columns {
                let value = source[row * columns + column]
                #expect(set[column * rows + row] == value)
                #expect(added[column * rows + row] == start[column * rows + row] + value)
            }
        }
    }

    @Test func blasDescriptionNamesTheKernel() {
        #expect(Matmul.blasDescription.contains("core"))
    }
}
