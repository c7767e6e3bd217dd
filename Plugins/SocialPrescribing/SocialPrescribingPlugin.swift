public import CarePlanCore
public import CarePlanShell

/// The social prescribing module (`social-prescribing`), for Social Prescribing Link Workers:
/// a services directory, links from the plan to services, and wellbeing measures.
public struct SocialPrescribingPlugin: CarePlanPlugin, ShellCommandProvider {
    public static let id = SocialPrescribingSection.moduleID
    public static let title = "Social prescribing"

    /// The module.
    public init() {}

    public func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(SocialPrescribingSection.self)
        registrar.rule(SocialPrescribingRules())
        registrar.text(SocialPrescribingText())
        registrar.personDocument(SocialPrescribingPersonText())
        registrar.fhir(SocialPrescribingFHIR())
    }

    public func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try SocialPrescribingCommands.register(into: &registry)
    }
}
