import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A listening TCP socket on 127.0.0.1 with an accept loop on a background thread.
final class Listener: @unchecked Sendable {
    let port: UInt16
    private let descriptor: Int32
    private let lock = NSLock()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private var started = false

    /// Longest wait for a request head; a client that sends nothing is dropped after it.
    static let readTimeoutSeconds = 5
    static let headByteLimit = 64 << 10

    init() throws {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var reuse: Int32 = 1
        setsockopt(
            socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))

        // Port 0 lets the kernel pick a free port; getsockname reads it back.
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, length)
            }
        }
        var actual = sockaddr_in()
        var actualLength = length
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(socketDescriptor, $0, &actualLength)
            }
        }
        guard bound == 0, named == 0, listen(socketDescriptor, 128) == 0 else {
            let code = errno
            close(socketDescriptor)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
        descriptor = socketDescriptor
        port = UInt16(bigEndian: actual.sin_port)
    }

    /// Runs `handle` on a new thread for every accepted connection; `handle` must close it.
    func start(_ handle: @escaping @Sendable (Int32) -> Void) {
        lock.withLock { started = true }
        let thread = Thread { [self] in
            defer { finished.signal() }
            while !lock.withLock({ stopping }) {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 50) > 0 else { continue }
                let connection = accept(descriptor, nil, nil)
                guard connection >= 0 else { continue }
                var timeout = timeval(tv_sec: Listener.readTimeoutSeconds, tv_usec: 0)
                setsockopt(
                    connection, SOL_SOCKET, SO_RCVTIMEO, &timeout,
                    socklen_t(MemoryLayout<timeval>.size))
                Thread.detachNewThread { handle(connection) }
            }
        }
        thread.start()
    }

    /// Ends the accept loop (within one poll interval) and closes the socket; idempotent.
    func stop() {
        let wasRunning = lock.withLock {
            defer { stopping = true }
            return started && !stopping
        }
        guard wasRunning else { return }
        _ = finished.wait(timeout: .now() + 2)
        close(descriptor)
    }

    /// Reads up to the blank line that ends a request head; nil on timeout or overflow.
    static func readHead(_ connection: Int32) -> String? {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while received.count < headByteLimit {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            received += buffer[0..<count]
            if let end = received.firstRange(of: terminator) {
                return String(decoding: received[..<end.lowerBound], as: UTF8.self)
            }
        }
        return nil
    }

    /// Writes all of `data`, giving up quietly when the client has gone.
    static func sendAll(_ data: Data, to connection: Int32) {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let sent = send(connection, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard sent > 0 else { return }
                offset += sent
            }
        }
    }
}
