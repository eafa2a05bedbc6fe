/// A fully connected layer `y = x W^T + b` in `nn.Linear`'s layout, as kernels on raw
/// buffers: `x [rows, inputs]`, `W [outputs, inputs]`, `b [outputs]`, `y [rows, outputs]`.
enum Dense {
    static func forward(
        rows: Int, inputs: Int, outputs: Int,
        x: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        into y: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows {
            (y + row * outputs).update(from: bias, count: outputs)
        }
        Matmul.multiply(
            m: rows, n: outputs, k: inputs,
            .init(pointer: x, rowStride: inputs),
            .init(pointer: weight, rowStride: inputs, transposed: true),
            beta: 1, into: y, rowStride: outputs)
    }

    /// Accumulates `dW += dy^T x` and `db += Σ dy`; writes `dx = dy W` when asked.
    static func backward(
        rows: Int, inputs: Int, outputs: Int,
        x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        outputGradient dy: UnsafePointer<Float>,
        weightGradient: UnsafeMutablePointer<Float>, biasGradient: UnsafeMutablePointer<Float>,
        inputGradient dx: UnsafeMutablePointer<Float>?
    ) {
        Matmul.multiply(
            m: outputs, n: inputs, k: rows,
            .init(pointer: dy, rowStride: outputs, transposed: true),
            .init(pointer: x, rowStride: inputs),
            beta: 1, into: weightGradient, rowStride: inputs)
        for row in 0..<rows {
            for column in 0..<outputs {
                biasGradient[column] += dy[row * outputs + column]
            }
        }
        if let dx {
            Matmul.multiply(
                m: rows, n: inputs, k: outputs,
                .init(pointer: dy, rowStride: outputs),
                .init(pointer: weight, rowStride: inputs),
                beta: 0, into: dx, rowStride: inputs)
        }
    }
}
