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
        var found: [(EntryID, FieldPath)] = []
        func add<T: Identifiable>(_ items: [T], _ key: String) where T.ID == EntryID {
            for (index, item) in items.enumerated() {
                found.append((item.id, FieldPath.root.appending(key).appending(index).appending("id")))
            }
        }
        for (index, entry) in aboutMe.entries.enumerated() {
            found.append((entry.id, FieldPath("aboutMe.entries").appending(index).appending("id")))
        }
        add(strengths, "strengths")
        add(needs, "needs")
        add(goals, "goals")
        add(actions, "actions")
        add(referrals, "referrals")
        add(episodes, "episodes")
        add(professionalContacts, "professionalContacts")
        add(personalContacts, "personalContacts")
        for (index, record) in review.held.enumerated() {
            found.append((record.id, FieldPath("review.held").appending(index).appending("id")))
        }
        add(notes, "notes")
        return found
    }
}

/// The plan's overall state (a subset of FHIR `CarePlan.status`).
public enum PlanStatus: String, Vocabulary {
    case draft, active
    case onHold = "on-hold"
    case completed, revoked
}
