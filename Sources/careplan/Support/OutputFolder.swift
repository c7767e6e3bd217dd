import Foundation

/// A folder careplan writes files into: made owner-only when missing.
enum OutputFolder {
    /// Makes `folder` (mode 0700) unless it exists; refuses a file in its place.
    static func make(_ folder: String) throws {
        var status = stat()
        if stat(folder, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            throw Failure("cannot write to \(folder): it is a file, not a folder")
        }
        if mkdir(folder, 0o700) != 0, errno != EEXIST {
            throw Failure("cannot make the folder \(folder): \(String(cString: strerror(errno)))")
        }
    }
}
