import Foundation

/// Which store to open: a file (SQLite) or a PostgreSQL server (the team store).
public enum StoreAddress: Sendable, Equatable {
    /// An SQLite file.
    case file(String)
    /// A PostgreSQL database.
    case postgres(PostgresAddress)

    /// Reads what was typed after `--store` or set in `CAREPLAN_STORE`: `postgresql://` or
    /// `postgres://` names a server, anything else is a file path.
    ///
    /// - Parameter allowPassword: false for a command-line argument, which other users see in
    ///   `ps` and the shell keeps in its history: a password there is refused.
    public static func parse(_ text: String, environment: [String: String], allowPassword: Bool) throws(StoreError) -> StoreAddress {
        guard text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") else {
            return .file(StoreLocation.expandingHome(text, environment: environment))
        }
        return .postgres(try PostgresAddress(url: text, environment: environment, allowPassword: allowPassword))
    }
}

/// A PostgreSQL server and database, with the parts left out of the address filled in as
/// libpq does: from `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGPASSWORD`, then
/// `~/.pgpass` (or `PGPASSFILE`), then the defaults (the login name, port 5432).
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// The host name or address, or a folder holding the server's socket.
    public var host: String
    /// The port.
    public var port: Int
    /// The database login.
    public var user: String
    /// The database name.
    public var database: String
    /// The password, if one was found; never shown.
    var password: String?
    /// `disable`, `prefer` (the default) or `require`.
    public var sslMode: String

    /// The address without its password: safe to show and to log.
    public var description: String { "postgresql://\(user)@\(hostForDisplay):\(port)/\(database)" }

    private var hostForDisplay: String { host.contains(":") ? "[\(host)]" : host }

    /// True when a password was found for this login.
    public var hasPassword: Bool { password != nil }

    /// Reads a `postgresql://[user[:password]@]host[:port]/database[?sslmode=...]` address,
    /// filling what it leaves out from `environment` as libpq would.
    public init(url: String, environment: [String: String], allowPassword: Bool = true) throws(StoreError) {
        let shown = Self.withoutPassword(url)
        guard let parts = URLComponents(string: url) else {
            throw StoreError.cannotOpen(path: shown, reason: "not a PostgreSQL address; write postgresql://user@host:port/database")
        }
        if parts.password != nil, !allowPassword {
            throw StoreError.cannotOpen(
                path: shown,
                reason: "a password in --store shows in ps and the shell history; put it in PGPASSWORD or ~/.pgpass instead")
        }
        let login = ProcessInfo.processInfo.userName
        host = parts.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? environment["PGHOST"] ?? "localhost"
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if let explicit = parts.port {
            guard (1...65535).contains(explicit) else {
                throw StoreError.cannotOpen(path: shown, reason: "not a PostgreSQL address: the port must be from 1 to 65535")
            }
            port = explicit
        } else if let text = environment["PGPORT"] {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw StoreError.cannotOpen(path: shown, reason: "PGPORT is not a port number")
            }
            port = number
        } else {
            port = 5432
        }
        user = parts.user.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? environment["PGUSER"] ?? login
        let name = String(parts.path.drop { $0 == "/" })
        database = name.isEmpty ? (environment["PGDATABASE"] ?? user) : (name.removingPercentEncoding ?? name)
        guard !database.contains("/") else {
            throw StoreError.cannotOpen(path: shown, reason: "the database name cannot contain /")
        }
        sslMode = environment["PGSSLMODE"] ?? "prefer"
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "sslmode": sslMode = item.value ?? ""
            case "host": host = item.value ?? host
            default:
                throw StoreError.cannotOpen(path: shown, reason: "unknown setting \(item.name) (careplan knows sslmode and host)")
            }
        }
        guard ["disable", "prefer", "require", "verify-full"].contains(sslMode) else {
            throw StoreError.cannotOpen(path: shown, reason: "sslmode must be disable, prefer, require or verify-full")
        }
        password =
            parts.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
            ?? PasswordFile.lookUp(host: host, port: port, database: database, user: user, environment: environment)
    }

    /// `url` with any password replaced, for messages about an address that did not parse.
    static func withoutPassword(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://"), let at = url[schemeEnd.upperBound...].firstIndex(of: "@") else { return url }
        let credentials = url[schemeEnd.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}

/// `~/.pgpass`, as libpq reads it: lines of host:port:database:user:password, `*` matching
/// anything, `\:` and `\\` escaped; ignored unless only its owner can read it.
enum PasswordFile {
    static func lookUp(host: String, port: Int, database: String, user: String, environment: [String: String]) -> String? {
        let path = environment["PGPASSFILE"] ?? (environment["HOME"].map { $0 + "/.pgpass" } ?? "")
        var status = stat()
        guard !path.isEmpty, stat(path, &status) == 0, status.st_mode & 0o077 == 0,
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return nil }
        let wanted = [host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 || ($0 == "localhost" && $1.hasPrefix("/")) }) {
                return fields[4]
            }
        }
        return nil
    }

    private static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
