public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files that hold personal data: owner-only (0600) and all-or-nothing.
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
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }
}
