/// A personalised care and support plan: one shared plan per person, shaped on the PRSB
/// Personalised Care and Support Plan standard (v2.0).
///
/// A plan is a value. Edits produce a new plan; the store keeps every version.
public struct Plan: Hashable, Sendable, Identifiable {
    /// The plan's id, unique in a store ("CP-7K3Q9M2A").
    public var id: String
    /// Draft, active, on hold, completed or revoked.
    public var status: PlanStatus
    /// Who the plan is for.
    public var person: Person
    /// PRSB About me.
    public var aboutMe: AboutMe
    /// What the person can draw on.
    public var strengths: [Strength]
    /// Needs, concerns or problems.
    public var needs: [Need]
    /// Goals and hopes.
    public var goals: [Goal]
    /// Actions and activities.
    public var actions: [Action]
    /// Referrals to SPLW, HWBC, CC and other services.
    public var referrals: [Referral]
    /// Referrals our services received, each an episode from receipt to discharge.
    public var episodes: [ReferralEpisode]
    /// Professionals involved.
    public var professionalContacts: [ProfessionalContact]
    /// Family, friends, carers.
    public var personalContacts: [PersonalContact]
    /// What to do if things go wrong.
    public var contingency: ContingencyPlan
    /// Planned and held reviews.
    public var review: ReviewSchedule
    /// Who agreed the plan and when.
    public var agreement: Agreement?
    /// Consent for information sharing.
    public var consent: Consent?
    /// Dated notes.
    public var notes: [Note]
    /// The member of staff completing the record (PRSB "Person completing record").
    public var recordedBy: String?
    /// When the plan was last changed (PRSB "Date last updated").
    public var lastUpdated: CalendarDate?
    /// The last id number issued for each kind of entry, so that ids are never reused.
    public var lastIssuedIDs: [EntryKind: Int]
    /// Sections owned by role modules, keyed by module id. A section whose module is not
    /// loaded is carried through untouched.
    public var extensions: [String: JSONValue]

    /// A new, empty draft plan for `person`.
    public init(id: String, person: Person, status: PlanStatus = .draft) {
        self.id = id
        self.status = status
        self.person = person
        self.aboutMe = AboutMe()
        self.strengths = []
        self.needs = []
        self.goals = []
        self.actions = []
        self.referrals = []
        self.episodes = []
        self.professionalContacts = []
        self.personalContacts = []
        self.contingency = ContingencyPlan()
        self.review = ReviewSchedule()
        self.notes = []
        self.lastIssuedIDs = [:]
        self.extensions = [:]
    }

    /// The next unused id of `kind`, recording it as issued.
    public mutating func issueID(_ kind: EntryKind) -> EntryID {
        // Never traps: a counter already at the top (refused by validation) stays there.
        let next = min(lastIssuedIDs[kind] ?? 0, Int.max - 1) + 1
        lastIssuedIDs[kind] = next
        return EntryID(kind, next)
    }

    /// Every entry id in the plan, with the path where it sits.
    public var entryIDs: [(id: EntryID, path: FieldPath)] {
        entryLocations.map { ($0.id, $0.path) }
    }

    /// Every entry id in the plan, with the list and position where it sits: the path is made
    /// only when asked for, since checking a plan of a thousand notes asks for none.
    var entryLocations: [EntryLocation] {
        var found: [EntryLocation] = []
        func add<T: Identifiable>(_ items: [T], _ list: EntryLocation.List) where T.ID == EntryID {
            for (index, item) in items.enumerated() { found.append(EntryLocation(id: item.id, list: list, index: index)) }
        }
        for (index, entry) in aboutMe.entries.enumerated() { found.append(EntryLocation(id: entry.id, list: .aboutMe, index: index)) }
        add(strengths, .strengths)
        add(needs, .needs)
        add(goals, .goals)
        add(actions, .actions)
        add(referrals, .referrals)
        add(episodes, .episodes)
        add(professionalContacts, .professionalContacts)
        add(personalContacts, .personalContacts)
        for (index, record) in review.held.enumerated() { found.append(EntryLocation(id: record.id, list: .reviewsHeld, index: index)) }
        add(notes, .notes)
        return found
    }
}

/// Where an entry sits in a plan: its list and its position there.
struct EntryLocation {
    /// The lists that hold entries, named by their path in plan JSON.
    enum List: String {
        case aboutMe = "aboutMe.entries"
        case strengths, needs, goals, actions, referrals, episodes, professionalContacts, personalContacts
        case reviewsHeld = "review.held"
        case notes

        /// The kind of id entries of this list carry.
        var kind: EntryKind {
            switch self {
            case .aboutMe: .aboutMe
            case .strengths: .strength
            case .needs: .need
            case .goals: .goal
            case .actions: .action
            case .referrals: .referral
            case .episodes: .episode
            case .professionalContacts, .personalContacts: .contact
            case .reviewsHeld: .review
            case .notes: .note
            }
        }
    }

    let id: EntryID
    let list: List
    let index: Int

    /// The path of the entry's id: `goals[2].id`.
    var path: FieldPath { FieldPath(stringLiteral: list.rawValue).appending(index).appending("id") }
}

/// The plan's overall state (a subset of FHIR `CarePlan.status`).
public enum PlanStatus: String, Vocabulary {
    case draft, active
    case onHold = "on-hold"
    case completed, revoked
}
