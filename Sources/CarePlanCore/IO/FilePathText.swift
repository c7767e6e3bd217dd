/// The parts of a file path given as text, as POSIX `dirname` reads them.
///
/// Foundation's `NSString.deletingLastPathComponent` stops the process on Linux for a path
/// whose last part is one character with no folder before it (`q`, `a/`), which a user can type
/// as a store, export or output name: careplan takes paths apart here instead.
public enum FilePathText {
    /// The folder `path` names a file in: `.` for a bare name, `/` at the root; trailing
    /// slashes are ignored (`a/b/` is in `a`).
    public static func folder(of path: String) -> String {
        var bytes = Array(path.utf8)
        let slash = UInt8(ascii: "/")
        while bytes.count > 1, bytes.last == slash { bytes.removeLast() }
        if bytes == [slash] { return "/" }
        guard let last = bytes.lastIndex(of: slash) else { return "." }
        var folder = bytes[..<last]
        while folder.count > 1, folder.last == slash { folder.removeLast() }
        return folder.isEmpty ? "/" : String(decoding: folder, as: UTF8.self)
    }
}
