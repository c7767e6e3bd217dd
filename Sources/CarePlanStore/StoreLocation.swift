/// Where the store lives when no path is given, and how a typed path is read.
public enum StoreLocation {
    /// `$CAREPLAN_STORE`, else `$XDG_DATA_HOME/careplan/careplan.sqlite`, else
    /// `~/.local/share/careplan/careplan.sqlite`. A `~` at the start is the home folder, also
    /// when the shell did not expand it (a quoted `"~/plans.sqlite"` in `CAREPLAN_STORE`).
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["CAREPLAN_STORE"], !explicit.isEmpty {
            return expandingHome(explicit, environment: environment)
        }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return dataHome + "/careplan/careplan.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/careplan/careplan.sqlite"
    }

    /// `path` with a leading `~` or `~/` read as `$HOME`. Never makes a folder named `~`.
    public static func expandingHome(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}
