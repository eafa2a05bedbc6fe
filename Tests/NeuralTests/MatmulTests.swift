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
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let left = Matmul.Operand(
                    pointer: a.baseAddress!, rowStride: shape.transposeA ? shape.m : shape.k,
                    transposed: shape.transposeA)
                let right = Matmul.Operand(
                    pointer: b.baseAddress!, rowStride: shape.transposeB ? shape.k : shape.n,
                    transposed: shape.transposeB)
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
        #expect(isClose(fast, slow, rtol: 1e-5, atol: 1e-5), "\(worstMismatch(fast, slow))")
    }

    @Test func blasDescriptionNamesTheKernel() {
        #expect(Matmul.blasDescription.contains("core"))
    }
}
