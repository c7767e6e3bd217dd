package import CarePlanCore
package import CarePlanShell

/// The care coordination module (`care-coordination`), for Care Coordinators: tasks, and
/// tracked appointments and tests (on the caseload worklist). Cancer pathways are the cancer
/// care module's.
package struct CareCoordinationPlugin: CarePlanPlugin, ShellCommandProvider {
    package static let id = CareCoordinationSection.moduleID
    package static let title = "Care coordination"
    package static let role: String? = "cc"

    /// The module.
    package init() {}

    package func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(CareCoordinationSection.self)
        try registrar.schema(CareCoordinationSchema.fragment)
        registrar.rule(CareCoordinationRules())
        registrar.text(CareCoordinationText())
        registrar.personDocument(CareCoordinationPersonText())
        registrar.fhir(CareCoordinationFHIR())
        try registrar.dueItems(CareCoordinationDueItems(), kinds: [.task: .work, .appointment: .work])
    }

    package func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try CareCoordinationCommands.register(into: &registry)
    }
}
