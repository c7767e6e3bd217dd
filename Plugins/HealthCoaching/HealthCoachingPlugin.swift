package import CarePlanCore
package import CarePlanShell

/// The health coaching module (`health-coaching`), for Health and Wellbeing Coaches:
/// SMART coaching goals, a session log with progress and GAS, activation, a progress chart.
package struct HealthCoachingPlugin: CarePlanPlugin, ShellCommandProvider {
    package static let id = HealthCoachingSection.moduleID
    package static let title = "Health coaching"
    package static let role: String? = "hwbc"

    /// The module.
    package init() {}

    package func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(HealthCoachingSection.self)
        try registrar.schema(HealthCoachingSchema.fragment)
        registrar.rule(HealthCoachingRules())
        registrar.text(HealthCoachingText())
        registrar.personDocument(HealthCoachingPersonText())
        registrar.fhir(HealthCoachingFHIR())
        registrar.report(HealthCoachingReport())
        try registrar.dueItems(
            HealthCoachingDueItems(),
            kinds: [.coachingSession: .work, .coachingGoalTarget: .group("Coaching goals past their target", .overdue)])
    }

    package func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try HealthCoachingCommands.register(into: &registry)
    }
}
