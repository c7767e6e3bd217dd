public import CarePlanCore
public import CarePlanShell

/// The health coaching module (`health-coaching`), for Health and Wellbeing Coaches:
/// SMART coaching goals, a session log with progress and GAS, activation, a progress chart.
public struct HealthCoachingPlugin: CarePlanPlugin, ShellCommandProvider {
    public static let id = HealthCoachingSection.moduleID
    public static let title = "Health coaching"

    /// The module.
    public init() {}

    public func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(HealthCoachingSection.self)
        registrar.rule(HealthCoachingRules())
        registrar.text(HealthCoachingText())
        registrar.personDocument(HealthCoachingPersonText())
        registrar.fhir(HealthCoachingFHIR())
    }

    public func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try HealthCoachingCommands.register(into: &registry)
    }
}
