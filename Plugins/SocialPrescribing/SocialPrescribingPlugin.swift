package import CarePlanCore
package import CarePlanShell

/// The social prescribing module (`social-prescribing`), for Social Prescribing Link Workers:
/// a services directory, links from the plan to services, and wellbeing measures.
package struct SocialPrescribingPlugin: CarePlanPlugin, ShellCommandProvider {
    package static let id = SocialPrescribingSection.moduleID
    package static let title = "Social prescribing"
    package static let role: String? = "splw"

    /// The module.
    package init() {}

    package func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(SocialPrescribingSection.self)
        try registrar.schema(SocialPrescribingSchema.fragment)
        registrar.rule(SocialPrescribingRules())
        registrar.text(SocialPrescribingText())
        registrar.personDocument(SocialPrescribingPersonText())
        registrar.fhir(SocialPrescribingFHIR())
        registrar.report(SocialPrescribingReport())
        try registrar.dueItems(SocialPrescribingDueItems(), kinds: [.linkFollowUp: .work])
    }

    package func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try SocialPrescribingCommands.register(into: &registry)
    }
}
