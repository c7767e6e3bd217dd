package import CarePlanCore

/// A role module that adds shell commands. Its commands are listed in help under the
/// module's title; a name already taken fails at start-up.
package protocol ShellCommandProvider {
    /// Registers the module's commands.
    func registerCommands(into registry: inout CommandRegistry) throws(ShellError)
}

/// The core command set, in help order, followed by the modules' commands.
package enum StandardCommands {
    /// A registry holding every core command and those of `plugins`.
    package static func registry(plugins: [any CarePlanPlugin] = []) throws(ShellError) -> CommandRegistry {
        var registry = CommandRegistry()
        try PlanCommands.register(into: &registry)
        try WorklistCommand.register(into: &registry)
        try PersonCommands.register(into: &registry)
        try AboutAndNeedsCommands.register(into: &registry)
        try GoalAndActionCommands.register(into: &registry)
        try ReferralAndContactCommands.register(into: &registry)
        try EpisodeCommands.register(into: &registry)
        try ReportCommands.register(into: &registry)
        try CareCommands.register(into: &registry)
        for plugin in plugins {
            if let provider = plugin as? any ShellCommandProvider {
                try provider.registerCommands(into: &registry)
            }
        }
        try RevisionAndFileCommands.register(into: &registry)
        return registry
    }
}
