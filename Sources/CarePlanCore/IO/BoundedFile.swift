public import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Reads files people hand to careplan (plans, FHIR bundles, directory files, scripts) with a
/// size limit, and only regular files: a folder, a device such as /dev/zero or a pipe gets a
/// true one-line reason instead of a hang, a crash or memory filling up.
public enum BoundedFile {
    /// The most careplan reads from each kind of file, in bytes (see docs/performance.md).
    public enum Limit {
        /// A plan JSON document.
        public static let plan = PlanJSON.maximumDocumentSize
        /// A FHIR R4 Bundle.
        public static let fhirBundle = 32 * 1024 * 1024
        /// A services directory file (Open Referral UK JSON or CSV).
        public static let directory = 64 * 1024 * 1024
        /// A shell script run with -f.
        public static let script = 64 * 1024 * 1024
    }

    /// Why a file was not read.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong, without the file name (the caller names it).
        public var reason: String
        public var description: String { reason }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    public static func read(_ path: String, limit: Int) throws(Problem) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Problem(reason: reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Problem(reason: reason(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Problem(reason: "is a folder, not a file")
        default: throw Problem(reason: "is not a regular file (a device, a pipe or a socket)")
        }
        guard Int(status.st_size) <= limit else {
            throw Problem(reason: "the file is \(status.st_size) bytes; at most \(limit) bytes are read")
        }
        var data = Data(count: Int(status.st_size) + 1)
        var total = 0
        let failure: Int32? = data.withUnsafeMutableBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            while total < buffer.count {
                let count = Glibc.read(descriptor, base + total, buffer.count - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { break }
                total += count
            }
            return nil
        }
        if let failure { throw Problem(reason: reason(failure)) }
        // The file grew while being read: refuse rather than read a moving target.
        guard total <= Int(status.st_size), total <= limit else {
            throw Problem(reason: "the file changed while it was read; try again")
        }
        data.count = total
        return data
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        case EISDIR: "is a folder, not a file"
        default: String(cString: strerror(code))
        }
    }
}
