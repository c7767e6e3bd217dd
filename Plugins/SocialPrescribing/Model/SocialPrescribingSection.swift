import CarePlanCore

/// The social prescribing part of a plan (`extensions["social-prescribing"]`): links to
/// community services and wellbeing measures.
package struct SocialPrescribingSection: PluginSection, SectionIDIssuer {
    package static let moduleID = "social-prescribing"

    /// Signposts and referrals to services, `L1`, `L2`...
    package var links: [SocialPrescriptionLink]
    /// Wellbeing measures as recorded, `W1`, `W2`...
    package var measures: [WellbeingMeasure]
    /// The last number issued for links (`L`) and measures (`W`); never reused.
    package var lastIssuedIds: [String: Int]

    package init() {
        links = []
        measures = []
        lastIssuedIds = [:]
    }

}
