package import CarePlanCore
package import CarePlanShell

/// The care coordination module (`care-coordination`), for Care Coordinators: tasks,
/// tracked appointments and tests (on the caseload worklist), and cancer pathway timing.
package struct CareCoordinationPlugin: CarePlanPlugin, ShellCommandProvider {
    package static let id = CareCoordinationSection.moduleID
    package static let title = "Care coordination"

    /// The module.
    package init() {}

    package func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(CareCoordinationSection.self)
        try registrar.schema(CareCoordinationSchema.fragment)
        registrar.rule(CareCoordinationRules())
        registrar.text(CareCoordinationText())
        registrar.personDocument(CareCoordinationPersonText())
        registrar.fhir(CareCoordinationFHIR())
        try registrar.dueItems(
            CareCoordinationDueItems(),
            kinds: [
                .task: .work, .appointment: .work,
                .pathwayLimit: .group("Cancer pathway limits at risk or passed", .within(days: PathwayTiming.atRiskWindow)),
            ])
    }

    package func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try CareCoordinationCommands.register(into: &registry)
    }
}
