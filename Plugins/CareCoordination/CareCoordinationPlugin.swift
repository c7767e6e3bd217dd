public import CarePlanCore
public import CarePlanShell

/// The care coordination module (`care-coordination`), for Care Coordinators: tasks,
/// tracked appointments and tests (on the caseload worklist), and cancer pathway timing.
public struct CareCoordinationPlugin: CarePlanPlugin, ShellCommandProvider {
    public static let id = CareCoordinationSection.moduleID
    public static let title = "Care coordination"

    /// The module.
    public init() {}

    public func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(CareCoordinationSection.self)
        registrar.rule(CareCoordinationRules())
        registrar.text(CareCoordinationText())
        registrar.personDocument(CareCoordinationPersonText())
        registrar.fhir(CareCoordinationFHIR())
        try registrar.dueItems(CareCoordinationDueItems(), kinds: [.task: .work, .appointment: .work])
    }

    public func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try CareCoordinationCommands.register(into: &registry)
    }
}
