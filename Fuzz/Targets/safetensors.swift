import Foundation

@testable import Neural

/// Feeds any bytes to the safetensors reader as a model file; a thrown error is the expected
/// outcome. A file it accepts also predicts one short window, so an architecture that loads
/// but cannot run is found too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let (model, _) = try? Safetensors.decode(bytes, path: "fuzz.safetensors") else {
        return 0
    }
    let steps = 3
    let inputs = [Float](repeating: 0.25, count: steps * model.configuration.inputSize)
    if (try? model.requireMemoryToPredict(timeSteps: steps, batchSize: 1)) != nil {
        _ = model.predict(inputs, batchSize: 1)
    }
    return 0
}
