import PostgresNIO

/// What went wrong talking to the team store's server, in words safe to show: the server's
/// message (which names tables and constraints, never values) and never its detail (which can
/// hold values), nor the password.
enum PostgresFailure: Error, Sendable {
    /// The connection dropped (server stopped, network gone); the next call reconnects.
    case connectionLost
    /// A connection could not be made, and why.
    case cannotConnect(String)
    /// The server refused a statement: its SQLSTATE and message.
    case server(sqlState: String, message: String)
    /// A change was not saved (or may not have been), and why.
    case notSaved(String)

    init(_ error: any Error) {
        if let failure = error as? PostgresFailure {
            self = failure
            return
        }
        guard let error = error as? PSQLError else {
            self = .connectionLost
            return
        }
        switch error.code {
        case .server:
            self = .server(
                sqlState: error.serverInfo?[.sqlState] ?? "XX000", message: error.serverInfo?[.message] ?? "the server refused")
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            self = .connectionLost
        default:
            self = .server(sqlState: "XX000", message: error.code.description)
        }
    }

    /// A failure to connect, with the reason a user can act on.
    init(connecting error: any Error, _ server: PostgresAddress) {
        guard let error = error as? PSQLError else {
            // NIO's own errors: refused, unreachable, timed out.
            let text = "\(error)"
            if text.contains("refused") || text.contains("connectTimeout") || text.contains("Timeout") {
                self = .cannotConnect("no PostgreSQL server answers at \(server.host):\(server.port) (is it running?)")
            } else if text.contains("No such file") {
                self = .cannotConnect("no PostgreSQL server socket in \(server.host) for port \(server.port) (is it running?)")
            } else {
                self = .cannotConnect("the server cannot be reached (\(String(text.prefix(80))))")
            }
            return
        }
        switch (error.code, error.serverInfo?[.sqlState]) {
        case (.server, "28P01"):
            self = .cannotConnect("the password for login \(server.user) was not accepted")
        case (.server, "28000"):
            self = .cannotConnect("login \(server.user) is not allowed to connect (check the server's pg_hba.conf and the login name)")
        case (.server, "3D000"):
            self = .cannotConnect("there is no database \(server.database) on the server")
        case (.server, "57P03"):
            self = .cannotConnect("the server is starting up or shutting down; try again in a moment")
        case (.server, "53300"):
            self = .cannotConnect("the server has too many connections; try again in a moment")
        case (.authMechanismRequiresPassword, _):
            self = .cannotConnect(
                "the server asks for a password for login \(server.user): set PGPASSWORD or add it to ~/.pgpass (mode 0600)")
        case (.sslUnsupported, _):
            self = .cannotConnect("the server does not offer TLS, and sslmode asks for it")
        case (.server, _):
            self = .cannotConnect(error.serverInfo?[.message] ?? "the server refused the connection")
        case (.serverClosedConnection, _), (.connectionError, _), (.uncleanShutdown, _):
            self = .cannotConnect("no PostgreSQL server answers at \(server.host):\(server.port) (is it running?)")
        default:
            self = .cannotConnect("the connection failed (\(error.code.description))")
        }
    }

    var isConnectionLost: Bool {
        if case .connectionLost = self { return true }
        return false
    }

    /// The SQLSTATE of a server refusal.
    var sqlState: String? {
        if case .server(let state, _) = self { return state }
        return nil
    }

    /// As a store error, for a store at `server`.
    func storeError(_ server: PostgresAddress) -> StoreError {
        switch self {
        case .connectionLost:
            return .unavailable(location: server.description, reason: "the connection to the server was lost; try again")
        case .cannotConnect(let reason):
            return .cannotOpen(path: server.description, reason: reason)
        case .notSaved(let reason):
            return .notSaved(reason: reason)
        case .server(let state, let message):
            switch state {
            case "42501":
                return .notPermitted(
                    reason: "login \(server.user) may not do that here (\(message)); ask the team's admin about your role and organisation")
            case "57014":
                return .unavailable(location: server.description, reason: "the server cancelled the statement")
            default:
                return .unavailable(location: server.description, reason: "the server refused: \(message) (SQLSTATE \(state))")
            }
        }
    }
}
