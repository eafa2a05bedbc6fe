/// What can go wrong while writing or reading reports.
public enum ReportingError: Error, CustomStringConvertible, Equatable {
    case invalidRunID(String)
    case runExists(path: String)
    case runNotFound(id: String, directory: String)
    case unreadableRun(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidRunID(let text):
            return "invalid run id '\(text)': use 1 to \(RunID.maximumLength) letters, digits, "
                + "'.', '_' or '-'"
        case .runExists(let path):
            return "\(path) already exists; choose another --run-id or remove the old run"
        case .runNotFound(let id, let directory):
            return "no run '\(id)' in \(directory); `walkforward reports` lists the runs"
        case .unreadableRun(let path, let reason):
            return "\(path): cannot read the run: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }
}
