// `LaneProduct` against `cblas_sgemm` on the products of one LSTM training chunk (2 layers,
// hidden 64, 32 rows, blocks of 4 steps), one thread, operands hot in cache: the best of 7
// repetitions of 5,000 calls each. Built from the module's own sources:
//
//   bash benchmarks/micro/lane_shapes/run.sh
import CBLAS
import Foundation

openblas_set_num_threads(1)
let capacity = 1 << 20
let a = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
let b = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
let c = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
for index in 0..<capacity {
    a[index] = Float(index % 7) * 0.01
    b[index] = Float(index % 5) * 0.01
    c[index] = 0
}

func seconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Best time of one call, over 7 repetitions of 5,000 calls.
func best(_ call: () -> Void) -> Double {
    var fastest = Double.infinity
    for _ in 0..<7 {
        let start = seconds()
        for _ in 0..<5_000 { call() }
        fastest = min(fastest, (seconds() - start) / 5_000)
    }
    return fastest
}

let shapes: [(name: String, transposed: Bool, m: Int, n: Int, k: Int, beta: Float)] = [
    ("forward h W_hh^T, beta 1", false, 32, 256, 64, 1),
    ("backward dG W_hh", false, 32, 64, 256, 0),
    ("input projection, 4 steps", false, 128, 256, 64, 0),
    ("dx = dG W_ih, 4 steps", false, 128, 64, 256, 0),
    ("dW_hh^T += h^T dG, 4 steps", true, 64, 256, 128, 1),
    ("dW_ih^T += x^T dG, layer 1", true, 5, 256, 128, 1),
]
print("OpenBLAS core \(String(cString: openblas_get_corename()))")
for shape in shapes {
    let left = Matmul.Operand(
        pointer: a, rowStride: shape.transposed ? shape.m : shape.k, transposed: shape.transposed)
    let right = Matmul.Operand(pointer: b, rowStride: shape.n)
    let blas = best {
        cblas_sgemm(
            CblasRowMajor, shape.transposed ? CblasTrans : CblasNoTrans, CblasNoTrans,
            Int32(shape.m), Int32(shape.n), Int32(shape.k), 1, a, Int32(left.rowStride), b,
            Int32(shape.n), shape.beta, c, Int32(shape.n))
    }
    let lanes = best {
        LaneProduct.multiply(
            m: shape.m, n: shape.n, k: shape.k, left, right, beta: shape.beta, into: c,
            rowStride: shape.n)
    }
    let operations = 2 * Double(shape.m * shape.n * shape.k)
    let name = shape.name.padding(toLength: 28, withPad: " ", startingAt: 0)
    print(
        name, "m \(shape.m) n \(shape.n) k \(shape.k):",
        String(
            format: "OpenBLAS %5.1f  lanes %5.1f GFLOP/s", operations / blas / 1e9,
            operations / lanes / 1e9))
}
