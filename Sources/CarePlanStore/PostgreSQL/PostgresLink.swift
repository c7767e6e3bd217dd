import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to the team store's server, used by one caller at a time, reconnecting when
/// the last one was lost. Calls block until the server answers (the shell and the commands are
/// synchronous; the connection's work runs on NIO's event loop, never on Swift's thread pool).
///
/// Nothing here logs: queries carry people's data, and the logger discards everything.
final class PostgresLink: @unchecked Sendable {
    let server: PostgresAddress
    /// Serialises use of the connection (one transaction at a time); recursive, so a caller's
    /// per-row callback may ask the store again.
    private let lock = NSRecursiveLock()
    private var connection: PostgresConnection?
    private var listeners: [String: @Sendable (String) -> Void] = [:]
    private static let logger = Logger(label: "careplan.postgres") { _ in SwiftLogNoOpLogHandler() }

    init(_ server: PostgresAddress) throws(StoreError) {
        self.server = server
        do {
            try withLock { _ = try live() }
        } catch let failure as PostgresFailure {
            throw failure.storeError(server)
        } catch {
            throw StoreError.cannotOpen(path: server.description, reason: "\(error)")
        }
    }

    deinit {
        if let connection { try? connection.close().wait() }
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Runs one statement and returns all its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try withLock {
            let connection = try live()
            do {
                return try connection.query(query, logger: Self.logger).wait()
            } catch {
                let failure = PostgresFailure(error)
                if failure.isConnectionLost { drop() }
                throw failure
            }
        }
    }

    /// Runs a read, reconnecting and trying once more when the connection had been lost (the
    /// server restarted while the shell sat at its prompt): a read can always be repeated.
    func read<T>(_ work: () throws -> T) throws -> T {
        try withLock {
            do {
                return try work()
            } catch let failure as PostgresFailure where failure.isConnectionLost {
                return try work()
            }
        }
    }

    /// Runs `work` in one transaction, committed before this returns.
    ///
    /// When the connection is lost before COMMIT is sent, the server rolls the transaction
    /// back, so it is run once more on a new connection. When it is lost while COMMIT is on its
    /// way, nobody here can know whether it landed, and the change is reported as perhaps not
    /// saved. (A plan's edits go through `statement`, which can ask.)
    func transaction<T>(_ work: () throws -> T) throws -> T {
        try withLock {
            var attempt = 0
            while true {
                attempt += 1
                let value: T
                do {
                    try query("BEGIN ISOLATION LEVEL READ COMMITTED")
                    value = try work()
                } catch let failure as PostgresFailure where failure.isConnectionLost {
                    if attempt < 2 { continue }
                    throw PostgresFailure.notSaved("the connection to the server was lost; the change was not saved")
                } catch PostgresFailure.cannotConnect(let reason) {
                    throw PostgresFailure.notSaved("\(reason); the change was not saved")
                } catch {
                    if connection != nil { _ = try? query("ROLLBACK") }
                    throw error
                }
                do {
                    try query("COMMIT")
                    return value
                } catch let failure as PostgresFailure where failure.isConnectionLost {
                    throw PostgresFailure.notSaved(
                        "the connection to the server was lost as the change was being saved; it may not have been saved: look again when the server is back"
                    )
                }
            }
        }
    }

    /// Runs `work`, one statement that is a transaction of its own (a server-side function
    /// doing a whole change), committed before this returns.
    ///
    /// When the connection is lost before the answer arrives, nobody here can know whether the
    /// statement committed: `committed` is asked on a new connection. Found: that is the answer.
    /// Not found: it did not land, and is run once more. When the server cannot be reached to
    /// ask, the change is reported as perhaps not saved. An acknowledged change is always stored.
    func statement<T>(committed: () throws -> T?, _ work: () throws -> T) throws -> T {
        try withLock {
            var attempt = 0
            while true {
                attempt += 1
                do {
                    return try work()
                } catch PostgresFailure.cannotConnect(let reason) {
                    throw PostgresFailure.notSaved("\(reason); the change was not saved")
                } catch let failure as PostgresFailure where failure.isConnectionLost {
                    let found: T?
                    do {
                        found = try committed()
                    } catch {
                        throw PostgresFailure.notSaved(
                            "the connection to the server was lost as the change was saved, and the server cannot be reached to check; "
                                + "it may not have been saved: look again when the server is back")
                    }
                    if let found { return found }
                    if attempt < 2 { continue }
                    throw PostgresFailure.notSaved("the connection to the server was lost; the change was not saved")
                }
            }
        }
    }

    /// Calls `handler` with each payload sent on `channel` (LISTEN/NOTIFY), on NIO's thread.
    func listen(_ channel: String, _ handler: @escaping @Sendable (String) -> Void) throws {
        try withLock {
            listeners[channel] = handler
            try attach(channel, handler, to: try live())
        }
    }

    /// Stops listening on `channel`.
    func unlisten(_ channel: String) {
        withLock {
            listeners[channel] = nil
            if let connection { _ = try? connection.query("UNLISTEN \(unescaped: Self.quoted(channel))", logger: Self.logger).wait() }
        }
    }

    /// `name` as a quoted identifier.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: - Connecting

    private func live() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        connection = nil
        let fresh = try Self.connect(server)
        connection = fresh
        // Listeners belong to a connection: bring them over to the new one.
        for (channel, handler) in listeners { try attach(channel, handler, to: fresh) }
        return fresh
    }

    private func drop() {
        // Waits for the close: a connection must not be released while its channel is open.
        if let connection { try? connection.close().wait() }
        connection = nil
    }

    private func attach(_ channel: String, _ handler: @escaping @Sendable (String) -> Void, to connection: PostgresConnection) throws {
        connection.addListener(channel: channel) { _, notification in handler(notification.payload) }
        do {
            _ = try connection.query("LISTEN \(unescaped: Self.quoted(channel))", logger: Self.logger).wait()
        } catch {
            throw PostgresFailure(error)
        }
    }

    static func connect(_ server: PostgresAddress) throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        if server.host.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: "\(server.host)/.s.PGSQL.\(server.port)", username: server.user, password: server.password,
                database: server.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            do {
                var settings = TLSConfiguration.makeClientConfiguration()
                // As libpq: prefer and require encrypt without checking the certificate;
                // verify-full checks it and the host name.
                if server.sslMode != "verify-full" { settings.certificateVerification = .none }
                let context = try NIOSSLContext(configuration: settings)
                switch server.sslMode {
                case "disable": tls = .disable
                case "prefer": tls = .prefer(context)
                default: tls = .require(context)
                }
            } catch {
                throw PostgresFailure.cannotConnect("TLS could not be set up")
            }
            configuration = .init(
                host: server.host, port: server.port, username: server.user, password: server.password,
                database: server.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(5)
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw PostgresFailure(connecting: error, server)
        }
    }
}
