import ArgumentParser
import CarePlanCore
import CarePlanStore
import Foundation

/// Options every command takes, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A store file, or postgresql://user@host:port/db for the team store (default: $CAREPLAN_STORE, else a file under $XDG_DATA_HOME/careplan/).",
            valueName: "store"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Who is making changes (default: $CAREPLAN_AUTHOR, else the login name).", valueName: "name"))
    var author: String?

    /// This command's values, falling back to those given before the subcommand name.
    func merged(with parent: GlobalOptions) -> GlobalOptions {
        var merged = self
        merged.store = store ?? parent.store
        merged.author = author ?? parent.author
        return merged
    }
}

/// What a command needs from the outside world, read in one place.
struct CommandContext {
    /// `--store` and `--author`, as typed.
    let options: (store: String?, author: String?)
    let environment: [String: String]
    let clock: Clock

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(store: options.store, author: options.author, environment: environment)
    }

    init(store: String?, author: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = (store, author)
        self.environment = environment
        self.clock = Clock(environment: environment)
        // Everything careplan writes holds personal data: owner-only, whatever the umask was.
        umask(0o077)
    }

    var storePath: String {
        options.store.map { StoreLocation.expandingHome($0, environment: environment) }
            ?? StoreLocation.defaultPath(environment: environment)
    }

    /// The store to open: `--store`, else `CAREPLAN_STORE`, else the default file. A password
    /// is accepted in `CAREPLAN_STORE` (which others cannot read) but not in `--store` (which
    /// `ps` and the shell history show).
    func storeAddress() throws -> StoreAddress {
        do {
            if let typed = options.store {
                return try StoreAddress.parse(typed, environment: environment, allowPassword: false)
            }
            return try StoreAddress.parse(StoreLocation.defaultPath(environment: environment), environment: environment, allowPassword: true)
        } catch {
            throw Failure(error.description)
        }
    }

    /// Who changes are signed as on `store`: the login's staff name on the team store.
    func author(on store: PlanStore) -> String {
        store.team?.identity.displayName ?? author
    }

    var author: String { authorAndSource.name }

    /// Who changes are signed as, and where that name came from.
    var authorAndSource: (name: String, source: String) {
        if let author = options.author, !author.isEmpty { return (author, "--author") }
        if let author = environment["CAREPLAN_AUTHOR"], !author.isEmpty { return (author, "CAREPLAN_AUTHOR") }
        let login = ProcessInfo.processInfo.userName
        return login.isEmpty ? ("unknown", "no name given") : (login, "the computer account")
    }

    /// The role modules, registered; a clash between them stops careplan at start-up.
    func pluginHost() throws -> PluginHost {
        var settings = DeploymentSettings()
        // The PCN's days to answer a referral (docs/deployment-safety.md).
        if let text = environment["CAREPLAN_RESPONSE_DAYS"] {
            guard let days = Int(text.trimmingCharacters(in: .whitespaces)), (1...90).contains(days) else {
                throw Failure("CAREPLAN_RESPONSE_DAYS: expected a whole number of days from 1 to 90, got \"\(String(text.prefix(20)))\"")
            }
            settings.responseDays = days
        }
        // Where the PCN publishes careplan's FHIR definitions (docs/fhir.md).
        if let text = environment["CAREPLAN_FHIR_BASE"], !text.isEmpty {
            do throws(FHIRBaseError) {
                settings.fhirBase = try FHIRBase(text)
            } catch {
                throw Failure("CAREPLAN_FHIR_BASE: \(error.message)")
            }
        }
        do {
            return try PluginHost(roleModules, settings: settings)
        } catch {
            throw Failure("cannot start: \(error.message)")
        }
    }

    func openStore() throws -> PlanStore {
        let index = try pluginHost().dueItemIndex
        let address = try storeAddress()
        if case .postgres = address, options.author != nil {
            throw Failure(
                "--author cannot be used with the team store: changes are signed by your database login (careplan whoami says who that is)")
        }
        do {
            return try PlanStore(address: address, dueItems: index, environment: environment)
        } catch {
            throw Failure(error.description)
        }
    }
}
