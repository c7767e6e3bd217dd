public import CarePlanCore

/// The social prescribing part of a plan (`extensions["social-prescribing"]`): links to
/// community services and wellbeing measures.
public struct SocialPrescribingSection: PluginSection, SectionIDIssuer {
    public static let moduleID = "social-prescribing"

    /// Signposts and referrals to services, `L1`, `L2`...
    public var links: [SocialPrescriptionLink]
    /// Wellbeing measures as recorded, `W1`, `W2`...
    public var measures: [WellbeingMeasure]
    /// The last number issued for links (`L`) and measures (`W`); never reused.
    public var lastIssuedIds: [String: Int]

    public init() {
        links = []
        measures = []
        lastIssuedIds = [:]
    }

}
