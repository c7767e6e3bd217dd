public import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Writes files that hold personal data: owner-only (0600) and all-or-nothing.
///
/// The data goes to a temporary file beside the target, created exclusively (O_EXCL, never
/// through a symbolic link) under an unpredictable name, then renamed over the target. If the
/// write fails, or careplan is interrupted (SIGINT, SIGTERM) while writing, the temporary file
/// is removed: no half-written copy of a plan is left behind.
public enum SecureFile {
    /// Why a file could not be written.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// The file.
        public var path: String
        /// The operating system's reason.
        public var reason: String

        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to `path` through a temporary file and a rename, so readers see either
    /// the old file or the whole new one, never half; the result is mode 0600.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let temporary = try TemporaryFile(for: path)
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(temporary.descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if let failure {
            temporary.discard()
            throw WriteError(path: path, reason: failure)
        }
        try temporary.commit()
    }

    /// A temporary file beside `path` that becomes `path` on `commit()`, or vanishes.
    public final class TemporaryFile {
        /// The file to write to.
        public let descriptor: Int32
        /// Where it is.
        public let temporaryPath: String
        /// Where it will go.
        public let path: String
        private var finished = false

        /// Creates the temporary file, refusing a target that is a folder.
        public init(for path: String) throws(WriteError) {
            var status = stat()
            if path.isEmpty || path.hasSuffix("/") || (stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR) {
                throw WriteError(path: path, reason: "it is a folder; give a file name")
            }
            let directory = FilePathText.folder(of: path)
            let name = FilePathText.name(of: path)
            var random = SystemRandomNumberGenerator()
            let token = String(random.next(), radix: 36) + String(random.next(), radix: 36)
            temporaryPath = (directory == "/" ? "" : directory) + "/.\(name).\(token).tmp"
            self.path = path
            // Tracked before the file exists: an interrupt between creating it and tracking it
            // would otherwise leave it behind (unlinking a name not yet created is harmless).
            InterruptCleanup.track(temporaryPath)
            descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                InterruptCleanup.untrack()
                throw WriteError(path: path, reason: reason)
            }
        }

        /// Flushes the file to disk and renames it over the target.
        public func commit() throws(WriteError) {
            guard !finished else { return }
            var failure: String?
            if fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
            close(descriptor)
            finished = true
            if failure == nil, rename(temporaryPath, path) != 0 { failure = String(cString: strerror(errno)) }
            InterruptCleanup.untrack()
            if let failure {
                unlink(temporaryPath)
                throw WriteError(path: path, reason: failure)
            }
        }

        /// Removes the temporary file; the target is left as it was.
        public func discard() {
            guard !finished else { return }
            close(descriptor)
            unlink(temporaryPath)
            finished = true
            InterruptCleanup.untrack()
        }

        deinit { discard() }
    }
}

/// Removes the temporary file being written when SIGINT or SIGTERM arrives, then ends the
/// process as the signal would. The path lives in a fixed C buffer because a signal handler
/// may only call async-signal-safe functions (unlink, signal, raise).
enum InterruptCleanup {
    nonisolated(unsafe) static let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    nonisolated(unsafe) static var previous: (interrupt: __sighandler_t?, terminate: __sighandler_t?)?

    /// Starts removing `path` on an interrupt; the handlers in place before come back with
    /// `untrack()` (the shell's Ctrl-C cancels a line, and must go on doing so).
    static func track(_ path: String) {
        let bytes = Array(path.utf8CString.prefix(Int(PATH_MAX)))
        buffer.update(from: bytes, count: bytes.count)
        buffer[bytes.count - 1] = 0
        if previous == nil {
            previous = (signal(SIGINT, handler), signal(SIGTERM, handler))
            // A process may start with these signals blocked (inherited from whatever spawned
            // it); then the handler would never run and the file would stay.
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGINT)
            sigaddset(&signals, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        }
    }

    static func untrack() {
        buffer[0] = 0
        if let previous {
            signal(SIGINT, previous.interrupt)
            signal(SIGTERM, previous.terminate)
            self.previous = nil
        }
    }

    private static let handler: @convention(c) (Int32) -> Void = { signalNumber in
        if InterruptCleanup.buffer[0] != 0 { unlink(InterruptCleanup.buffer) }
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }
}
