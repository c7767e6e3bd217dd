/// Where the store lives when no path is given.
public enum StoreLocation {
    /// `$CAREPLAN_STORE`, else `$XDG_DATA_HOME/careplan/careplan.sqlite`, else
    /// `~/.local/share/careplan/careplan.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["CAREPLAN_STORE"], !explicit.isEmpty {
            return explicit
        }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return dataHome + "/careplan/careplan.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/careplan/careplan.sqlite"
    }
}
