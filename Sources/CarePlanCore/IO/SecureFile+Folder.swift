import Foundation

extension SecureFile {
    /// Why a folder could not be made.
    public enum FolderError: Error, Sendable {
        /// `path`, the folder or one of its parents, is something other than a folder.
        case notAFolder(path: String)
        /// `path` could not be made, for the operating system's `reason`.
        case cannotMake(path: String, reason: String)
    }

    /// Makes `folder` and any parents it lacks, each owner-only (0700); a folder that exists
    /// is left as it is.
    public static func makeFolder(_ folder: String) throws(FolderError) {
        var status = stat()
        if stat(folder, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path: folder) }
            return
        }
        let parent = FilePathText.folder(of: folder)
        if parent != folder { try makeFolder(parent) }
        if mkdir(folder, 0o700) != 0, errno != EEXIST {
            throw .cannotMake(path: folder, reason: String(cString: strerror(errno)))
        }
    }
}
