import Testing

@testable import Forecasting

@Suite struct FeatureScalerTests {
    let rows: [[Double]] = [[1, 10, 5], [3, 30, 5], [5, 20, 5]]

    @Test func standardScalerUsesPopulationMomentsOfTheFittedRows() {
        let scaler = FeatureScaler.fit(kind: .standard, featureCount: 3, rows: rows)
        #expect(scaler.offset == [3, 20, 5])
        #expect(abs(scaler.scale[0] - (8.0 / 3).squareRoot()) < 1e-12)
        #expect(abs(scaler.apply(5, feature: 0) - 2 / (8.0 / 3).squareRoot()) < 1e-12)
    }

    @Test func minMaxScalerMapsTheFittedRangeToUnitInterval() {
        let scaler = FeatureScaler.fit(kind: .minMax, featureCount: 3, rows: rows)
        #expect(scaler.apply(1, feature: 0) == 0)
        #expect(scaler.apply(5, feature: 0) == 1)
        #expect(scaler.apply(20, feature: 1) == 0.5)
        // Later rows outside the fitted range are not clipped: the scaler never adapts.
        #expect(scaler.apply(9, feature: 0) == 2)
    }

    @Test func constantFeatureMapsToZeroNotNaN() {
        for kind in [FeatureScaler.Kind.standard, .minMax] {
            let scaler = FeatureScaler.fit(kind: kind, featureCount: 3, rows: rows)
            #expect(scaler.scale[2] == 1)
            #expect(scaler.apply(5, feature: 2) == 0)
        }
        #expect(
            FeatureScaler.fit(kind: .none, featureCount: 3, rows: rows).apply(7, feature: 1) == 7)
    }
}
