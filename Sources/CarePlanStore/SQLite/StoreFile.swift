import Foundation
import CarePlanCore
#if canImport(Glibc)
    import Glibc
#endif

/// Creates the store's folder and file with owner-only permissions before SQLite opens it,
/// and tightens an existing store's files to owner-only. SQLite gives its -wal and -shm files
/// the same permissions as the database file.
enum StoreFile {
    static func prepare(path: String) throws(StoreError) {
        guard !path.isEmpty, !path.hasSuffix("/"), !isFolder(path) else {
            throw StoreError.cannotOpen(path: path, reason: "it is a folder; give a file name such as careplan.sqlite")
        }
        try makeFolder(FilePathText.folder(of: path), for: path)
        // Only a file that does not exist yet is opened here. Closing a descriptor of a file
        // drops every POSIX lock this process holds on it, so opening an existing store that
        // another connection in this process is using would silently unlock that connection's
        // transactions (seen as "database disk image is malformed").
        var existing = stat()
        if lstat(path, &existing) != 0 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                close(descriptor)
            } else if errno != EEXIST {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
        } else if access(path, R_OK | W_OK) != 0 {
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        // A store copied in or made with a loose umask: tighten it and its journal files.
        for file in [path, path + "-wal", path + "-shm"] {
            var status = stat()
            if lstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_mode & 0o077 != 0 {
                chmod(file, status.st_mode & 0o700)
            }
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// Makes `folder` and its parents (mode 0700), with a one-line reason when it cannot.
    private static func makeFolder(_ folder: String, for path: String) throws(StoreError) {
        do {
            try SecureFile.makeFolder(folder)
        } catch {
            switch error {
            case .notAFolder(let blocking):
                throw StoreError.cannotOpen(path: path, reason: "\(blocking) is a file, not a folder")
            case .cannotMake(let folder, let reason):
                throw StoreError.cannotOpen(path: path, reason: "cannot make the folder \(folder): \(reason)")
            }
        }
    }
}
