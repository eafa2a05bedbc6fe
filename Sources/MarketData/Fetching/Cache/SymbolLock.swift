import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock on one symbol's files, held while its cache is updated.
///
/// The lock is `flock(2)` on `Data/.<SYMBOL>.lock`. The kernel drops it when its holder exits
/// in any way, crash included, so a lock can never go stale: a leftover lock file from a
/// crashed fetch is simply locked again by the next one. The file is removed on release; to
/// keep that safe against a fetch that opened the old file just before the removal, a holder
/// checks after locking that the path still names the file it locked, and starts over if not.
/// The lock is between processes and threads alike, since each acquisition opens the file
/// anew. It does not work across machines on NFS; `Data/` is meant to be local.
final class SymbolLock {
    let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the lock, waiting up to `timeoutSeconds` for another holder to finish.
    ///
    /// - Parameter onWait: called once if the lock is busy at first.
    /// - Throws: `FetchError.lockTimeout` after the wait, `.lockFailed` when the file cannot
    ///   be opened or locked at all.
    static func acquire(
        path: String, symbol: Symbol, timeoutSeconds: Double, onWait: () -> Void
    ) throws -> SymbolLock {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var hasWaited = false
        // Bounded: each round either returns, throws, or sleeps 20 ms toward the deadline;
        // the cap guards against a clock that never advances.
        let roundLimit = Int(min(max(timeoutSeconds, 0), 86_400) / 0.02) + 1000
        for _ in 0..<roundLimit {
            let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw FetchError.lockFailed(
                    symbol: symbol.text, path: path, reason: String(cString: strerror(errno)))
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                if stillNamesFile(path: path, descriptor: descriptor) {
                    writeOwner(descriptor)
                    return SymbolLock(path: path, descriptor: descriptor)
                }
                close(descriptor)
                continue
            }
            let lockErrno = errno
            close(descriptor)
            guard lockErrno == EWOULDBLOCK || lockErrno == EINTR else {
                throw FetchError.lockFailed(
                    symbol: symbol.text, path: path, reason: String(cString: strerror(lockErrno)))
            }
            if Date() >= deadline { break }
            if !hasWaited {
                hasWaited = true
                onWait()
            }
            usleep(20_000)
        }
        throw FetchError.lockTimeout(symbol: symbol.text, path: path, waitedSeconds: timeoutSeconds)
    }

    /// Removes the lock file and drops the lock; safe to call twice.
    func release() {
        guard descriptor >= 0 else { return }
        // Unlink while still holding the lock, so no one can lock this inode and then find
        // that the path names it.
        unlink(path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    private static func stillNamesFile(path: String, descriptor: Int32) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(descriptor, &opened) == 0, stat(path, &named) == 0 else { return false }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }

    /// Records the holder for a person looking at a lock file; nothing reads it back.
    private static func writeOwner(_ descriptor: Int32) {
        let text = "pid \(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { write(descriptor, $0, strlen($0)) }
    }
}
