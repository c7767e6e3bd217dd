package import CarePlanCore
package import CarePlanShell

/// The cancer care module (`cancer-care`), for cancer care coordinators: suspected cancer
/// referrals against the 28-day Faster Diagnosis, 31-day and 62-day standards, safety-netting
/// until the outcome is known, tests and appointments with every booking kept, the support owed
/// after a diagnosis, and holistic needs assessments. It takes over the cancer pathway that
/// care coordination held in careplan 0.1 (`LegacyPathwayUpgrade`).
package struct CancerCarePlugin: CarePlanPlugin, ShellCommandProvider {
    package static let id = CancerCareSection.moduleID
    package static let title = "Cancer care"
    package static let role: String? = "cc"

    /// How many days before a limit a running standard counts as at risk.
    package let atRiskDays: Int

    /// The module, with standards at risk `atRiskDays` (1 to 27) before their limit.
    package init(atRiskDays: Int = CancerStandards.defaultAtRiskDays) {
        self.atRiskDays = min(max(atRiskDays, 1), 27)
    }

    package func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(CancerCareSection.self)
        try registrar.schema(CancerCareSchema.fragment)
        registrar.upgrade(LegacyPathwayUpgrade())
        registrar.rule(CancerCareRules())
        registrar.text(CancerCareText(atRiskDays: atRiskDays))
        registrar.personDocument(CancerCarePersonText())
        registrar.fhir(CancerCareFHIR())
        registrar.report(CancerCareReport())
        try registrar.dueItems(CancerCareDueItems(), kinds: CancerCareDueItems.placements(atRiskDays: atRiskDays))
    }

    package func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try CancerCareCommands.register(into: &registry, atRiskDays: atRiskDays)
    }
}
