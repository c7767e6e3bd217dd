/// The core command set, in help order.
public enum StandardCommands {
    /// A registry holding every core command.
    public static func registry() throws(ShellError) -> CommandRegistry {
        var registry = CommandRegistry()
        try PlanCommands.register(into: &registry)
        try PersonCommands.register(into: &registry)
        try AboutAndNeedsCommands.register(into: &registry)
        try GoalAndActionCommands.register(into: &registry)
        try ReferralAndContactCommands.register(into: &registry)
        try CareCommands.register(into: &registry)
        try RevisionAndFileCommands.register(into: &registry)
        return registry
    }
}
