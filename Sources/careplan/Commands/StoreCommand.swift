import ArgumentParser
import CarePlanCore
import CarePlanStore
import Foundation

/// `careplan store init|upgrade|version`: the store's schema.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Make a store's schema, bring it up to date, or say which version it has.",
        subcommands: [Init.self, Upgrade.self, Version.self]
    )

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Make the careplan schema in an empty database (the team store) or a new store file.",
            discussion: """
                For PostgreSQL, the login running this needs to create schemas in the database and roles on the \
                server (CREATEROLE); it becomes the store's first admin, in the PCN named by --organisation. \
                All of it happens in one transaction: entirely or not at all.
                """
        )

        @OptionGroup var global: GlobalOptions
        @ParentCommand var root: CarePlanCommand

        @Option(help: ArgumentHelp("Team store: the PCN's code, e.g. PCN-CALDER.", valueName: "code"))
        var organisation: String?

        @Option(name: .customLong("organisation-name"), help: ArgumentHelp("Team store: the PCN's name.", valueName: "name"))
        var organisationName: String?

        @Option(help: ArgumentHelp("Team store: your name, as revisions will show it.", valueName: "name"))
        var name: String?

        func run() throws {
            try reportingFailures {
                let context = CommandContext(global.merged(with: root.global))
                switch try context.storeAddress() {
                case .file(let path):
                    guard !FileManager.default.fileExists(atPath: path) else {
                        throw Failure("the store \(path) already exists; nothing was changed")
                    }
                    _ = try context.openStore()
                    printLine("made the store \(path)")
                case .postgres(let server):
                    guard let organisation, let organisationName, let name else {
                        throw Failure("store init on PostgreSQL needs --organisation CODE, --organisation-name NAME and --name YOUR-NAME")
                    }
                    do {
                        try TeamStoreSetup.initialise(
                            server, organisationCode: organisation, organisationName: organisationName, adminName: name)
                    } catch {
                        throw Failure("\(error)")
                    }
                    printLine("made the careplan schema in \(server); \(name) (\(server.user)) is its admin in \(organisation)")
                }
            }
        }
    }

    struct Upgrade: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "upgrade", abstract: "Apply the schema migrations the store lacks, each in its own transaction.")

        @OptionGroup var global: GlobalOptions
        @ParentCommand var root: CarePlanCommand

        func run() throws {
            try reportingFailures {
                let context = CommandContext(global.merged(with: root.global))
                switch try context.storeAddress() {
                case .file(let path):
                    // Opening a store file brings it up to date (GRDB's migrator).
                    _ = try context.openStore()
                    printLine("the store \(path) is up to date")
                case .postgres(let server):
                    do {
                        let (from, to) = try TeamStoreSetup.upgrade(server)
                        printLine(from == to ? "\(server) is up to date (schema v\(to))" : "\(server): schema v\(from) -> v\(to)")
                    } catch {
                        throw Failure("\(error)")
                    }
                }
            }
        }
    }

    struct Version: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "version", abstract: "Say which schema version the store has, and which this careplan understands.")

        @OptionGroup var global: GlobalOptions
        @ParentCommand var root: CarePlanCommand

        func run() throws {
            try reportingFailures {
                let context = CommandContext(global.merged(with: root.global))
                guard case .postgres(let server) = try context.storeAddress() else {
                    _ = try context.openStore()
                    printLine("the store file is up to date with this careplan")
                    return
                }
                do {
                    let (store, understood) = try TeamStoreSetup.versions(server)
                    printLine(store.map { "\(server): schema v\($0)" } ?? "\(server) has no careplan schema")
                    printLine("this careplan understands schema v\(understood)")
                } catch {
                    throw Failure("\(error)")
                }
            }
        }
    }
}
