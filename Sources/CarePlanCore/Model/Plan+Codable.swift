extension Plan: Codable {
    /// The value of the top-level `format` field.
    public static let formatName = "careplan-plan"
    /// The format version this code writes and reads.
    public static let formatVersion = 1

    enum CodingKeys: String, CodingKey {
        case format, formatVersion, id, status, person, aboutMe, strengths, needs, goals, actions,
            referrals, episodes, professionalContacts, personalContacts, contingency, review, agreement,
            consent, notes, recordedBy, lastUpdated, lastIssuedIDs = "lastIssuedIds", extensions
    }

    /// Set in `userInfo` to leave `extensions` out of decoding and encoding: PlanJSON moves them
    /// as parsed trees instead, because decoding free-form JSON through Codable is slow.
    static let extensionsHandledOutside = CodingUserInfoKey(rawValue: "careplan.extensionsHandledOutside")!

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // format and formatVersion are checked by PlanJSON before decoding.
        id = try container.decode(String.self, forKey: .id)
        status = try container.decode(PlanStatus.self, forKey: .status)
        person = try container.decode(Person.self, forKey: .person)
        aboutMe = try container.decode(AboutMe.self, forKey: .aboutMe)
        strengths = try container.decode([Strength].self, forKey: .strengths)
        needs = try container.decode([Need].self, forKey: .needs)
        goals = try container.decode([Goal].self, forKey: .goals)
        actions = try container.decode([Action].self, forKey: .actions)
        referrals = try container.decode([Referral].self, forKey: .referrals)
        // Added in 0.2: absent from older plans, and written only when there is one.
        episodes = try container.decodeIfPresent([ReferralEpisode].self, forKey: .episodes) ?? []
        professionalContacts = try container.decode([ProfessionalContact].self, forKey: .professionalContacts)
        personalContacts = try container.decode([PersonalContact].self, forKey: .personalContacts)
        contingency = try container.decode(ContingencyPlan.self, forKey: .contingency)
        review = try container.decode(ReviewSchedule.self, forKey: .review)
        agreement = try container.decodeIfPresent(Agreement.self, forKey: .agreement)
        consent = try container.decodeIfPresent(Consent.self, forKey: .consent)
        notes = try container.decode([Note].self, forKey: .notes)
        recordedBy = try container.decodeIfPresent(String.self, forKey: .recordedBy)
        lastUpdated = try container.decodeIfPresent(CalendarDate.self, forKey: .lastUpdated)
        lastIssuedIDs = try container.decode([EntryKind: Int].self, forKey: .lastIssuedIDs)
        if decoder.userInfo[Plan.extensionsHandledOutside] as? Bool == true {
            extensions = [:]
        } else {
            extensions = try container.decodeIfPresent([String: JSONValue].self, forKey: .extensions) ?? [:]
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Plan.formatName, forKey: .format)
        try container.encode(Plan.formatVersion, forKey: .formatVersion)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(person, forKey: .person)
        try container.encode(aboutMe, forKey: .aboutMe)
        try container.encode(strengths, forKey: .strengths)
        try container.encode(needs, forKey: .needs)
        try container.encode(goals, forKey: .goals)
        try container.encode(actions, forKey: .actions)
        try container.encode(referrals, forKey: .referrals)
        if !episodes.isEmpty { try container.encode(episodes, forKey: .episodes) }
        try container.encode(professionalContacts, forKey: .professionalContacts)
        try container.encode(personalContacts, forKey: .personalContacts)
        try container.encode(contingency, forKey: .contingency)
        try container.encode(review, forKey: .review)
        try container.encodeIfPresent(agreement, forKey: .agreement)
        try container.encodeIfPresent(consent, forKey: .consent)
        try container.encode(notes, forKey: .notes)
        try container.encodeIfPresent(recordedBy, forKey: .recordedBy)
        try container.encodeIfPresent(lastUpdated, forKey: .lastUpdated)
        try container.encode(lastIssuedIDs, forKey: .lastIssuedIDs)
        if encoder.userInfo[Plan.extensionsHandledOutside] as? Bool != true {
            try container.encode(extensions, forKey: .extensions)
        }
    }
}

extension Plan: TreeReadable {
    /// Reads the plan as `init(from:)` does, field for field.
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        // format and formatVersion are checked by PlanJSON before decoding.
        id = try object.read(CodingKeys.id)
        status = try object.read(CodingKeys.status)
        person = try object.read(CodingKeys.person)
        aboutMe = try object.read(CodingKeys.aboutMe)
        strengths = try object.read(CodingKeys.strengths)
        needs = try object.read(CodingKeys.needs)
        goals = try object.read(CodingKeys.goals)
        actions = try object.read(CodingKeys.actions)
        referrals = try object.read(CodingKeys.referrals)
        episodes = try object.readIfPresent(CodingKeys.episodes) ?? []
        professionalContacts = try object.read(CodingKeys.professionalContacts)
        personalContacts = try object.read(CodingKeys.personalContacts)
        contingency = try object.read(CodingKeys.contingency)
        review = try object.read(CodingKeys.review)
        agreement = try object.readIfPresent(CodingKeys.agreement)
        consent = try object.readIfPresent(CodingKeys.consent)
        notes = try object.read(CodingKeys.notes)
        recordedBy = try object.readIfPresent(CodingKeys.recordedBy)
        lastUpdated = try object.readIfPresent(CodingKeys.lastUpdated)
        lastIssuedIDs = try object.read(CodingKeys.lastIssuedIDs)
        if value.context.userInfo[Plan.extensionsHandledOutside] as? Bool == true {
            extensions = [:]
        } else {
            extensions = try object.readIfPresent(CodingKeys.extensions) ?? [:]
        }
    }
}

extension Plan: TreeWritable {
    /// The plan as `encode(to:)` writes it, field for field, with the modules' sections as
    /// they are held (parsed trees).
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 24)
        object.write(CodingKeys.format, Plan.formatName)
        object.write(CodingKeys.formatVersion, Plan.formatVersion)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.status, status)
        object.write(CodingKeys.person, person)
        object.write(CodingKeys.aboutMe, aboutMe)
        object.write(CodingKeys.strengths, strengths)
        object.write(CodingKeys.needs, needs)
        object.write(CodingKeys.goals, goals)
        object.write(CodingKeys.actions, actions)
        object.write(CodingKeys.referrals, referrals)
        if !episodes.isEmpty { object.write(CodingKeys.episodes, episodes) }
        object.write(CodingKeys.professionalContacts, professionalContacts)
        object.write(CodingKeys.personalContacts, personalContacts)
        object.write(CodingKeys.contingency, contingency)
        object.write(CodingKeys.review, review)
        object.writeIfPresent(CodingKeys.agreement, agreement)
        object.writeIfPresent(CodingKeys.consent, consent)
        object.write(CodingKeys.notes, notes)
        object.writeIfPresent(CodingKeys.recordedBy, recordedBy)
        object.writeIfPresent(CodingKeys.lastUpdated, lastUpdated)
        object.write(CodingKeys.lastIssuedIDs, lastIssuedIDs)
        object.write(CodingKeys.extensions, extensions)
        return object.tree
    }
}
