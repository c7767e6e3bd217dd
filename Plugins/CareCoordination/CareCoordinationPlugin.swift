public import CarePlanCore
public import CarePlanShell

/// The care coordination module (`care-coordination`), for Care Coordinators: tasks,
/// tracked appointments and tests, cancer pathway timing, and the caseload worklist.
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
        registrar.dueItems(CareCoordinationDueItems())
    }

    public func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try CareCoordinationCommands.register(into: &registry)
    }
}
