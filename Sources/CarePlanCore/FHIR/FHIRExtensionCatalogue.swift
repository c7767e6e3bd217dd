/// Every extension careplan writes, with where it goes and what it holds: the source of the
/// StructureDefinitions a deployment publishes at its canonical base (`careplan
/// fhir-definitions`, docs/fhir/), and of the test that every extension in every export is
/// declared and used as declared.
public enum FHIRExtensionCatalogue {
    /// What an extension or one of its parts holds.
    public indirect enum Content: Sendable, Equatable {
        /// A value of this FHIR type: string, integer, date or boolean.
        case value(String)
        /// Sub-extensions, each named by its bare `url`.
        case parts([Part])
    }

    /// One sub-extension of a complex extension.
    public struct Part: Sendable, Equatable {
        /// Its `url`: a bare name.
        public var name: String
        public var content: Content
        /// "1" or "*".
        public var max: String
        public var required: Bool
        public var description: String

        init(_ name: String, _ content: Content, max: String = "1", required: Bool = false, _ description: String) {
            self.name = name
            self.content = content
            self.max = max
            self.required = required
            self.description = description
        }
    }

    /// One extension careplan defines.
    public struct Definition: Sendable, Equatable {
        /// The last part of its URL: `<base>/StructureDefinition/<name>`.
        public var name: String
        /// The elements it may appear on (FHIRPath, as StructureDefinition.context.expression).
        public var contexts: [String]
        public var content: Content
        public var description: String
        /// "1", or "*" for one that appears once per entry (a strength, a module's section).
        public var max = "1"
    }

    private static func text(_ name: String, _ description: String, max: String = "1", required: Bool = false) -> Part {
        Part(name, .value("string"), max: max, required: required, description)
    }

    private static func date(_ name: String, _ description: String, required: Bool = false) -> Part {
        Part(name, .value("date"), required: required, description)
    }

    /// Every extension, by name.
    public static let definitions: [Definition] = [
        Definition(
            name: "entry-id", contexts: ["Patient.contact", "CarePlan.activity", "Annotation"], content: .value("string"),
            description: "The careplan entry id (C1, A2, D3...) of the element, so the plan reads back with the same ids."),
        Definition(
            name: "communication-needs", contexts: ["Patient"], content: .value("string"),
            description: "How the person prefers to be communicated with, and any support they need to take part (PRSB)."),
        Definition(
            name: "sex-at-birth", contexts: ["Patient"], content: .value("string"),
            description: "Sex at birth (observed), PRSB, as careplan writes it: male, female, indeterminate or not-known."),
        Definition(
            name: "gender-identity", contexts: ["Patient"], content: .value("string"),
            description: "Gender identity as the person states it, PRSB, as careplan writes it: male, female, non-binary, other, "
                + "not-stated or not-known."),
        Definition(
            name: "need-domain", contexts: ["Condition"], content: .value("string"),
            description: "The area of life a need belongs to (careplan's need domains: physical, emotional, social...)."),
        Definition(
            name: "need-status", contexts: ["Condition"], content: .value("string"),
            description: "Where the need stands in careplan's own terms (open, in-progress, resolved, no-longer-a-concern)."),
        Definition(
            name: "concern-score", contexts: ["Condition"], content: .value("integer"),
            description: "How much the need concerns the person, 0 to 10, as they scored it."),
        Definition(
            name: "importance", contexts: ["Goal"], content: .value("integer"),
            description: "How important the goal is to the person, 0 to 10."),
        Definition(
            name: "confidence", contexts: ["Goal"], content: .value("integer"),
            description: "How confident the person is of reaching the goal, 0 to 10."),
        Definition(
            name: "referral-recipient", contexts: ["ServiceRequest"], content: .value("string"),
            description: "Which role or service the referral is to, in careplan's terms (social-prescribing-link-worker...)."),
        Definition(
            name: "service-name", contexts: ["ServiceRequest"], content: .value("string"),
            description: "The name of the service referred to, when it is not one of the team's roles."),
        Definition(
            name: "referral-method", contexts: ["ServiceRequest"], content: .value("string"),
            description: "How the referral was sent (phone, secure-email, e-referral-service...)."),
        Definition(
            name: "status-history", contexts: ["Task"],
            content: .parts([
                Part(
                    "step", .parts([text("status", "The referral's status.", required: true), date("on", "The day.", required: true)]),
                    max: "*", required: true, "Each step of the referral, oldest first.")
            ]),
            description: "Every status the referral has had, each with its day."),
        Definition(
            name: "team", contexts: ["CareTeam.participant"], content: .value("string"),
            description: "The team the professional contact works in."),
        Definition(
            name: "key-worker", contexts: ["CareTeam.participant"], content: .value("boolean"),
            description: "True for the person's key worker."),
        Definition(
            name: "review-date", contexts: ["CarePlan.activity"], content: .value("date"),
            description: "When the action is next to be looked at."),
        Definition(
            name: "assignee-role", contexts: ["CarePlan.activity"], content: .value("string"),
            description: "The role of the person who will do the action."),
        Definition(
            name: "assignee-team", contexts: ["CarePlan.activity"], content: .value("string"),
            description: "The team or organisation of the person who will do the action."),
        Definition(
            name: "about-me", contexts: ["CarePlan"],
            content: .parts([
                date("written-on", "When the person wrote it."),
                text("supported-to-write-by", "Who helped them write it."),
                Part(
                    "entry",
                    .parts([
                        text("id", "The entry id (M1...).", required: true), text("heading", "The PRSB heading.", required: true),
                        text("text", "What the person said, in their words.", required: true),
                    ]), max: "*", "One thing the person said about themselves, under its heading."),
            ]),
            description: "About me (PRSB): what matters to the person, in their words."),
        Definition(
            name: "strength", contexts: ["CarePlan"],
            content: .parts([text("id", "The entry id (S1...).", required: true), text("text", "The strength.", required: true)]),
            description: "A strength or asset the person has.", max: "*"),
        Definition(
            name: "contingency", contexts: ["CarePlan"],
            content: .parts([
                text("trigger", "A sign that the plan needs to change.", max: "*"),
                text("what-should-happen", "What should happen then."),
                text("who-to-contact", "Who to contact then."),
                text("contact-id", "A contact in the plan to call (C1...).", max: "*"),
            ]),
            description: "The contingency plan: what to do if things go wrong."),
        Definition(
            name: "review", contexts: ["CarePlan"],
            content: .parts([
                date("next-review-on", "When the plan is next reviewed."),
                Part("interval-weeks", .value("integer"), "Weeks between reviews."),
                text("responsible", "Who is responsible for the review."),
                Part(
                    "held",
                    .parts([
                        text("id", "The review's entry id (V1...).", required: true), date("held-on", "The day.", required: true),
                        text("held-by", "Who held it."), text("summary", "What was decided."),
                    ]), max: "*", "A review that was held."),
            ]),
            description: "When and how the plan is reviewed, and the reviews held."),
        Definition(
            name: "agreement", contexts: ["CarePlan"],
            content: .parts([
                text("agreed-by", "Who agreed it: the person or their representative.", required: true),
                date("agreed-on", "The day.", required: true),
                text("representative-name", "The representative's name."),
                text("representative-relationship", "Their relationship to the person."),
                text("recorded-by", "Who recorded the agreement."),
            ]),
            description: "The person's agreement to the plan."),
        Definition(
            name: "consent", contexts: ["CarePlan"],
            content: .parts([
                text("status", "given, declined or limited.", required: true), date("recorded-on", "The day.", required: true),
                text("scope", "What it covers, in words."), text("recorded-by", "Who recorded it."),
            ]),
            description: "The person's answer on sharing their information."),
        Definition(
            name: "last-updated", contexts: ["CarePlan"], content: .value("date"),
            description: "The day the plan was last changed."),
        Definition(
            name: "referral-episodes", contexts: ["CarePlan"], content: .value("string"),
            description: "The referrals the team's services received, as careplan's plan JSON (docs/json-format.md), so they read back exactly."),
        Definition(
            name: "module-section", contexts: ["CarePlan"],
            content: .parts([
                text("module", "The role module's name.", required: true),
                text("json", "The module's section of the plan, as JSON.", required: true),
            ]),
            description: "A role module's section of the plan, verbatim, so it reads back exactly.", max: "*"),
        Definition(
            name: "last-issued-ids", contexts: ["CarePlan"],
            content: .parts(
                EntryKind.allCases.map { kind in Part(kind.rawValue, .value("integer"), "The last \(kind.noun) id issued.") }),
            description: "The last id issued for each kind of entry, so ids are never reused."),
    ]

    /// The definition of `name`, if careplan has one.
    public static func definition(_ name: String) -> Definition? {
        definitions.first { $0.name == name }
    }
}
