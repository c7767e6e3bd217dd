import ArgumentParser
import CarePlanCore
import CarePlanStore
import Foundation

/// Options every command takes, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (default: $CAREPLAN_STORE, else under $XDG_DATA_HOME/careplan/).", valueName: "path"))
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
    let options: GlobalOptions
    let environment: [String: String]
    let clock: Clock

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
        self.clock = Clock(environment: environment)
        // Everything careplan writes holds personal data: owner-only, whatever the umask was.
        umask(0o077)
    }

    var storePath: String {
        options.store.map { StoreLocation.expandingHome($0, environment: environment) }
            ?? StoreLocation.defaultPath(environment: environment)
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
            settings = DeploymentSettings(responseDays: days)
        }
        do {
            return try PluginHost(roleModules, settings: settings)
        } catch {
            throw Failure("cannot start: \(error.message)")
        }
    }

    func openStore() throws -> PlanStore {
        let index = try pluginHost().dueItemIndex
        do {
            return try PlanStore(path: storePath, dueItems: index)
        } catch {
            throw Failure(error.description)
        }
    }
}
