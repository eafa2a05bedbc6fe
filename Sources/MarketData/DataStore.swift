import Foundation

/// The `Data/` directory: one `<SYMBOL>.csv` per symbol plus its provenance.
public struct DataStore: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Where the price file of `symbol` lives; the symbol is already validated, so it cannot
    /// escape the directory.
    public func priceFile(for symbol: Symbol) -> URL {
        directory.appendingPathComponent("\(symbol.text).csv")
    }

    /// Where the provenance record of `symbol` lives.
    public func provenanceFile(for symbol: Symbol) -> URL {
        directory.appendingPathComponent("\(symbol.text).json")
    }

    /// Reads and validates the cached prices of `symbol`.
    public func load(_ symbol: Symbol) throws -> PriceCSV.Contents {
        try PriceCSV.read(priceFile(for: symbol), symbol: symbol)
    }

    /// True when a price file for `symbol` exists.
    public func contains(_ symbol: Symbol) -> Bool {
        FileManager.default.fileExists(atPath: priceFile(for: symbol).path)
    }
}
