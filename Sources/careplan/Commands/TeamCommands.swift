import ArgumentParser
import CarePlanCore
import CarePlanStore
import Foundation

extension CommandContext {
    /// The team store's operations, or a clear reason why there are none.
    func openTeamStore() throws -> (PlanStore, TeamStore) {
        let store = try openStore()
        guard let team = store.team else {
            throw Failure("this works on the team store only (--store postgresql://...); the store file is one person's")
        }
        return (store, team)
    }
}

/// Runs `body`, showing a store error's message.
func storeCall<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw Failure(error.description)
    }
}

/// `careplan staff add|list`: the team store's staff list.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "List the team store's staff, or add a login to it (admin).",
        subcommands: [Add.self, List.self], defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Put a database login on the staff list, or change its name, role or organisation.",
            discussion: """
                The login must exist on the server first (the database administrator makes it: createuser --pwprompt LOGIN). \
                Roles: SPLW, HWBC, CC (they change plans), manager (reads and reports), admin (also the staff list). \
                A partner organisation's staff read what is shared with it and change nothing.
                """)

        @OptionGroup var global: GlobalOptions
        @ParentCommand var root: CarePlanCommand
        @Argument(help: ArgumentHelp("The database login.", valueName: "login")) var login: String
        @Option(help: ArgumentHelp("The name revisions and the audit show.", valueName: "name")) var name: String
        @Option(help: ArgumentHelp("SPLW, HWBC, CC, manager or admin.", valueName: "role")) var role: String
        @Option(help: ArgumentHelp("The organisation's code.", valueName: "code")) var organisation: String

        func validate() throws {
            guard ["SPLW", "HWBC", "CC", "manager", "admin"].contains(role) else {
                throw ValidationError("--role: expected SPLW, HWBC, CC, manager or admin, got \(role.prefix(20))")
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name: give the person's name") }
        }

        func run() throws {
            try reportingFailures {
                let (_, team) = try CommandContext(global.merged(with: root.global)).openTeamStore()
                try storeCall { () throws(StoreError) in
                    try team.setStaff(login: login, displayName: name, role: role, organisation: organisation)
                }
                printLine("\(login) is \(name), \(role) in \(organisation)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the staff and their organisations.")
        @OptionGroup var global: GlobalOptions
        @ParentCommand var root: CarePlanCommand

        func run() throws {
            try reportingFailures {
                let (_, team) = try CommandContext(global.merged(with: root.global)).openTeamStore()
                let staff = try storeCall { () throws(StoreError) in try team.staff() }
                let rows = staff.map { [$0.login, $0.displayName, $0.role, "\($0.organisationCode) (\($0.organisationKind))"] }
                printLine(String(TextTable(headers: ["LOGIN", "NAME", "ROLE", "ORGANISATION"], rows: rows).render().dropLast()))
            }
        }
    }
}

/// `careplan org add|list`: organisations on the team store.
struct OrganisationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "List the organisations, or add one (admin).",
        subcommands: [Add.self, List.self], defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an organisation: a PCN, or a partner (a voluntary-sector service, a hospital team).")
        @OptionGroup var global: GlobalOptions
        @ParentCommand var root: CarePlanCommand
        @Argument(help: ArgumentHelp("A short code: letters, digits, . _ -", valueName: "code")) var code: String
        @Option(help: ArgumentHelp("Its name.", valueName: "name")) var name: String
        @Option(help: ArgumentHelp("pcn or partner.", valueName: "kind")) var kind: String = "partner"

        func validate() throws {
            guard ["pcn", "partner"].contains(kind) else { throw ValidationError("--kind: expected pcn or partner") }
        }

        func run() throws {
            try reportingFailures {
                let (_, team) = try CommandContext(global.merged(with: root.global)).openTeamStore()
                try storeCall { () throws(StoreError) in try team.addOrganisation(code: code, name: name, kind: kind) }
                printLine("added \(code): \(name) (\(kind))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the organisations.")
        @OptionGroup var global: GlobalOptions
        @ParentCommand var root: CarePlanCommand

        func run() throws {
            try reportingFailures {
                let (_, team) = try CommandContext(global.merged(with: root.global)).openTeamStore()
                let rows = try storeCall { () throws(StoreError) in try team.organisations() }.map { [$0.code, $0.name, $0.kind] }
                printLine(String(TextTable(headers: ["CODE", "NAME", "KIND"], rows: rows).render().dropLast()))
            }
        }
    }
}
