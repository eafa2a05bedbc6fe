import CBLAS
import Foundation

/// The one place the Neural module computes matrix products, and the only one that calls
/// BLAS: a single-precision matrix product.
///
/// Computes `C = alpha * op(A) * op(B) + beta * C` on row-major matrices, where `op(A)` is
/// `[m, k]` and `op(B)` is `[k, n]`; `transposeA` means `A` is stored as `[k, m]`. Leading
/// dimensions are the stored row lengths. The products run in OpenBLAS or in the module's
/// own `LaneProduct` kernels, whichever `engine` names. `reference` is a plain-Swift version
/// of the same contract that the tests hold both to.
enum Matmul {
    /// Which code computes the products.
    enum Engine: String, Sendable {
        /// `cblas_sgemm`.
        case openBLAS = "openblas"
        /// `LaneProduct` for the products it handles, `cblas_sgemm` for the others.
        case lanes
    }

    /// The environment variable that overrides `defaultEngine`, for measuring one engine
    /// against the other; the command line refuses values other than the engines' names
    /// (`ProcessorSupport.checkEnvironment`).
    static let engineVariable = "WALKFORWARD_MATMUL"

    /// The engine of this process: `WALKFORWARD_MATMUL=openblas|lanes` if set, otherwise
    /// `defaultEngine`.
    static let engine: Engine = {
        let variable = ProcessInfo.processInfo.environment[engineVariable]
        return variable.flatMap(Engine.init(rawValue:)) ?? defaultEngine
    }()

    /// The lane kernels wherever this build has fused multiply-adds, OpenBLAS otherwise.
    /// OpenBLAS 0.3.21 has unpacked small-matrix kernels only for its Skylake-X family of
    /// targets, and even there the lane kernels ran a recurrent step's products as fast or
    /// faster, hot in cache: 98-115 GFLOP/s against 95-115 for its Cooperlake kernel on a
    /// Zen 4 core (105 against 57 for the five-row layer-1 weight gradient), 135-144
    /// against 97-130 for its Skylake-X kernel on an Emerald Rapids core. In training on
    /// Zen 4 the two engines tied for every cell. Elsewhere OpenBLAS packs every operand,
    /// however small, or falls back to SSE3 kernels on processors it does not know.
    static var defaultEngine: Engine {
        #if NEURAL_FMA
            .lanes
        #else
            .openBLAS
        #endif
    }

    /// Row-major operand description.
    struct Operand {
        var pointer: UnsafePointer<Float>
        var rowStride: Int
        var transposed: Bool = false
    }

    /// OpenBLAS would otherwise start its own thread pool inside each of our worker threads
    /// and oversubscribe the cores; the module splits batches across threads itself.
    private static let singleThreadedBLAS: Void = {
        openblas_set_num_threads(1)
    }()

    /// OpenBLAS (0.3.21, x86-64) sends products of at most 10^6 multiply-adds to an
    /// unpacked small-matrix kernel and larger ones to its packing kernel. For the shapes of
    /// a recurrent step the small kernel is clearly faster: `[64, 64] x [64, 256]` takes
    /// 24-27 us in one call and 2 x 10.5 us as two 32-row calls (Cooperlake kernel on Zen 4).
    static let smallProductLimit = 1_000_000

    /// Products up to this size are split into row blocks under `smallProductLimit`. The
    /// recurrent layers keep their products below it (`LayerPass.blockSteps`); for larger
    /// ones, such as products over all 60 time steps at once, splitting measured no better.
    static let splitProductLimit = 4 * smallProductLimit

    /// `C[m, n] = alpha * op(A) op(B) + beta * C` through `cblas_sgemm`.
    ///
    /// A product of up to `splitProductLimit` multiply-adds runs as equal row blocks of
    /// `C` small enough for OpenBLAS's small-matrix kernel (a block of a transposed `A` is
    /// a block of its stored columns). Every element of `C` is still one dot product over
    /// all of `k`, and the blocks depend only on the shape, so results stay deterministic.
    static func multiply(
        m: Int, n: Int, k: Int, alpha: Float = 1,
        _ a: Operand, _ b: Operand, beta: Float,
        into c: UnsafeMutablePointer<Float>, rowStride ldc: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "negative matrix dimension")
        guard m > 0, n > 0 else { return }
        let size = m * n * k
        if size > smallProductLimit, size <= splitProductLimit, m > 1 {
            let blockCount = min(m, (size + smallProductLimit - 1) / smallProductLimit)
            let blockRows = (m + blockCount - 1) / blockCount
            var row = 0
            while row < m {
                let rows = min(blockRows, m - row)
                var block = a
                block.pointer += a.transposed ? row : row * a.rowStride
                gemm(
                    m: rows, n: n, k: k, alpha: alpha, block, b, beta: beta,
                    into: c + row * ldc, rowStride: ldc)
                row += rows
            }
        } else {
            gemm(m: m, n: n, k: k, alpha: alpha, a, b, beta: beta, into: c, rowStride: ldc)
        }
    }

    private static func gemm(
        m: Int, n: Int, k: Int, alpha: Float,
        _ a: Operand, _ b: Operand, beta: Float,
        into c: UnsafeMutablePointer<Float>, rowStride ldc: Int
    ) {
        if engine == .lanes, LaneProduct.handles(alpha: alpha, b: b, beta: beta) {
            LaneProduct.multiply(m: m, n: n, k: k, a, b, beta: beta, into: c, rowStride: ldc)
            return
        }
        _ = singleThreadedBLAS
        cblas_sgemm(
            CblasRowMajor,
            a.transposed ? CblasTrans : CblasNoTrans,
            b.transposed ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha,
            a.pointer, Int32(a.rowStride), b.pointer, Int32(b.rowStride),
            beta, c, Int32(ldc))
    }

    /// The same product with plain loops, accumulated in `Double`; slow, for tests.
    static func reference(
        m: Int, n: Int, k: Int, alpha: Float = 1,
        _ a: Operand, _ b: Operand, beta: Float,
        into c: UnsafeMutablePointer<Float>, rowStride ldc: Int
    ) {
        for row in 0..<m {
            for column in 0..<n {
                var sum = 0.0
                for inner in 0..<k {
                    let left =
                        a.transposed
                        ? a.pointer[inner * a.rowStride + row]
                        : a.pointer[row * a.rowStride + inner]
                    let right =
                        b.transposed
                        ? b.pointer[column * b.rowStride + inner]
                        : b.pointer[inner * b.rowStride + column]
                    sum += Double(left) * Double(right)
                }
                let old = beta == 0 ? 0 : Double(beta) * Double(c[row * ldc + column])
                c[row * ldc + column] = Float(Double(alpha) * sum + old)
            }
        }
    }

    /// Names the BLAS build and the kernel it picked for this CPU, for benchmark reports.
    static var blasDescription: String {
        let config = openblas_get_config().map { String(cString: $0) } ?? "unknown"
        let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
        return "\(config); core \(core)"
    }
}
