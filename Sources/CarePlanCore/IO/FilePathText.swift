/// The parts of a file path given as text, as POSIX `dirname` and `basename` read them.
///
/// Foundation's NSString path methods stop the process on Linux for some paths a user can type
/// as a store, export or output name: `deletingLastPathComponent` for a last part of one
/// character with no folder before it (`q`, `a/`), `lastPathComponent` and `pathExtension` for
/// `//é`. careplan takes paths apart here instead.
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

    /// The last part of `path`: `/` for the root, nothing for nothing; trailing slashes are
    /// ignored (`a/b/` is `b`).
    public static func name(of path: String) -> String {
        var bytes = Array(path.utf8)
        let slash = UInt8(ascii: "/")
        while bytes.count > 1, bytes.last == slash { bytes.removeLast() }
        if bytes == [slash] { return "/" }
        let start = bytes.lastIndex(of: slash).map { $0 + 1 } ?? 0
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// What follows the last dot of the last part of `path` (`md` for `notes/a.md`); nothing
    /// when there is no dot, or the only one starts the name (`.json` is a hidden file).
    public static func fileExtension(of path: String) -> String {
        let name = name(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }
}
