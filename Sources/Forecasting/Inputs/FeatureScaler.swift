/// A per-feature affine transform `(x - offset) / scale`, fitted on training rows only.
public struct FeatureScaler: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Mean zero, unit standard deviation.
        case standard
        /// Range [0, 1] over the fitted rows.
        case minMax = "min-max"
        /// Leave inputs as they are.
        case none
    }

    public let kind: Kind
    public private(set) var offset: [Double]
    public private(set) var scale: [Double]

    /// An identity scaler for `featureCount` features.
    public init(kind: Kind, featureCount: Int) {
        self.kind = kind
        self.offset = Array(repeating: 0, count: featureCount)
        self.scale = Array(repeating: 1, count: featureCount)
    }

    /// Fits offsets and scales on `rows`, each holding one value per feature.
    ///
    /// Leakage rule 3: the caller passes the fold's training rows and nothing else. A feature
    /// that is constant on those rows keeps scale 1, so it maps to zero instead of NaN.
    public static func fit(kind: Kind, featureCount: Int, rows: [[Double]]) -> FeatureScaler {
        var scaler = FeatureScaler(kind: kind, featureCount: featureCount)
        guard kind != .none, !rows.isEmpty else { return scaler }
        for feature in 0..<featureCount {
            let column = rows.map { $0[feature] }
            switch kind {
            case .standard:
                let mean = column.reduce(0, +) / Double(column.count)
                let variance =
                    column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
                scaler.offset[feature] = mean
                scaler.scale[feature] = variance > 0 ? variance.squareRoot() : 1
            case .minMax:
                let low = column.min() ?? 0
                let high = column.max() ?? 1
                scaler.offset[feature] = low
                scaler.scale[feature] = high > low ? high - low : 1
            case .none:
                break
            }
        }
        return scaler
    }

    /// The scaled value of feature `feature`.
    @inline(__always)
    public func apply(_ value: Double, feature: Int) -> Double {
        (value - offset[feature]) / scale[feature]
    }
}
