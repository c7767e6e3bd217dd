/// Edits to referrals and contacts, built here so every front end makes the same change with
/// the same checks.
extension PlanEdit {
    /// What `editReferral` changes: nil leaves a field alone; for optional fields `.some(nil)`
    /// clears it.
    public struct ReferralChanges: Sendable, Equatable {
        public var reason: String?
        public var serviceName: String??
        public var referrer: String??
        public var needs: [EntryID]?
        public var goals: [EntryID]?
        public var method: ReferralMethod??
        public var respondBy: CalendarDate??

        /// No change.
        public init() {}
    }

    /// What `editContact` changes: nil leaves a field alone; for optional fields `.some(nil)`
    /// clears it. Role, team and organisation are for professional contacts; relationship and
    /// roles for personal ones.
    public struct ContactChanges: Sendable, Equatable {
        public var name: String?
        public var role: String?
        public var team: String??
        public var organisation: String??
        public var relationship: String??
        public var roles: [PersonalContactRole]?
        public var phone: String??
        public var email: String??

        /// No change.
        public init() {}
    }

    /// Adds a referral to a role or service, linked to needs and goals that must exist, made
    /// on `date` (the day of the edit when nil).
    ///
    /// A referral sent to a role in the team (SPLW, HWBC or CC) is also received by it: an
    /// episode from "another role in the team" lands in that role's inbox, answer due by
    /// `respondBy` or `responseDays` after sending, and its answer and discharge move the
    /// referral on. A draft lands when it is sent.
    public static func refer(
        to recipient: ReferralRecipient, serviceName: String?, reason: String, needs: [EntryID] = [], goals: [EntryID] = [],
        method: ReferralMethod? = nil, referrer: String?, status: ReferralStatus = .requested, on date: CalendarDate? = nil,
        respondBy: CalendarDate? = nil, responseDays: Int = ReferralEpisode.defaultResponseDays
    ) -> PlanEdit {
        PlanEdit("refer") { plan, context throws(PlanEditError) in
            for need in needs { _ = try plan.position(of: need, in: plan.needs) }
            for goal in goals { _ = try plan.position(of: goal, in: plan.goals) }
            let id = plan.issueID(.referral)
            let referral = Referral(
                id: id, recipient: recipient, serviceName: serviceName, reason: reason, needIDs: needs, goalIDs: goals,
                method: method, referrer: referrer, status: status, on: date ?? context.today, responseDueOn: respondBy)
            plan.referrals.append(referral)
            let to = recipient == .otherService ? serviceName ?? "service" : recipient.abbreviation
            return "add referral \(id) to \(to) (\(status.label))" + plan.deliverInTeam(referral, responseDays: responseDays)
        }
    }

    /// Changes a referral; needs and goals it is linked to must exist.
    public static func editReferral(_ id: EntryID, _ changes: ReferralChanges) -> PlanEdit {
        PlanEdit("edit \(id)") { plan, _ throws(PlanEditError) in
            let index = try plan.position(of: id, in: plan.referrals)
            for need in changes.needs ?? [] { _ = try plan.position(of: need, in: plan.needs) }
            for goal in changes.goals ?? [] { _ = try plan.position(of: goal, in: plan.goals) }
            if let reason = changes.reason { plan.referrals[index].reason = reason }
            if let service = changes.serviceName { plan.referrals[index].serviceName = service }
            if let referrer = changes.referrer { plan.referrals[index].referrer = referrer }
            if let needs = changes.needs { plan.referrals[index].needIDs = needs }
            if let goals = changes.goals { plan.referrals[index].goalIDs = goals }
            if let method = changes.method { plan.referrals[index].method = method }
            if let due = changes.respondBy { plan.referrals[index].responseDueOn = due }
            return "edit referral \(id)"
        }
    }

    /// Adds a professional contact; a new key worker takes over from any other.
    public static func addProfessionalContact(
        _ name: String, role: String, team: String? = nil, organisation: String? = nil, phone: String? = nil, email: String? = nil,
        isKeyWorker: Bool = false
    ) -> PlanEdit {
        PlanEdit("add contact") { plan, _ in
            let id = plan.issueID(.contact)
            if isKeyWorker {
                for index in plan.professionalContacts.indices { plan.professionalContacts[index].isKeyWorker = false }
            }
            plan.professionalContacts.append(
                ProfessionalContact(
                    id: id, name: name, role: role, team: team, organisation: organisation, phone: phone, email: email,
                    isKeyWorker: isKeyWorker))
            return "add professional contact \(id)" + (isKeyWorker ? " (key worker)" : "")
        }
    }

    /// Adds a personal contact.
    public static func addPersonalContact(
        _ name: String, relationship: String? = nil, roles: [PersonalContactRole] = [], phone: String? = nil, email: String? = nil
    ) -> PlanEdit {
        PlanEdit("add contact") { plan, _ in
            let id = plan.issueID(.contact)
            plan.personalContacts.append(
                PersonalContact(id: id, name: name, relationship: relationship, roles: roles, phone: phone, email: email))
            return "add personal contact \(id)"
        }
    }

    /// Changes a contact's details; asking a professional contact for personal details (or
    /// the other way round) is refused.
    public static func editContact(_ id: EntryID, _ changes: ContactChanges) -> PlanEdit {
        PlanEdit("edit \(id)") { plan, _ throws(PlanEditError) in
            if let index = plan.professionalContacts.firstIndex(where: { $0.id == id }) {
                guard changes.relationship == nil, changes.roles == nil else {
                    throw PlanEditError("\(id) is a professional contact: --relationship and --roles are for personal contacts")
                }
                if let name = changes.name { plan.professionalContacts[index].name = name }
                if let role = changes.role { plan.professionalContacts[index].role = role }
                if let team = changes.team { plan.professionalContacts[index].team = team }
                if let organisation = changes.organisation { plan.professionalContacts[index].organisation = organisation }
                if let phone = changes.phone { plan.professionalContacts[index].phone = phone }
                if let email = changes.email { plan.professionalContacts[index].email = email }
            } else {
                let index = try plan.position(of: id, in: plan.personalContacts)
                guard changes.role == nil, changes.team == nil, changes.organisation == nil else {
                    throw PlanEditError("\(id) is a personal contact: --role, --team and --org are for professional contacts")
                }
                if let name = changes.name { plan.personalContacts[index].name = name }
                if let relationship = changes.relationship { plan.personalContacts[index].relationship = relationship }
                if let roles = changes.roles { plan.personalContacts[index].roles = roles }
                if let phone = changes.phone { plan.personalContacts[index].phone = phone }
                if let email = changes.email { plan.personalContacts[index].email = email }
            }
            return "edit contact \(id)"
        }
    }

    /// Makes a professional contact the key worker, and no other.
    public static func makeKeyWorker(_ id: EntryID) -> PlanEdit {
        PlanEdit("key worker \(id)") { plan, _ throws(PlanEditError) in
            guard plan.professionalContacts.contains(where: { $0.id == id }) else {
                throw PlanEditError("\(id) is not a professional contact in this plan")
            }
            for index in plan.professionalContacts.indices {
                plan.professionalContacts[index].isKeyWorker = plan.professionalContacts[index].id == id
            }
            return "key worker is \(id)"
        }
    }
}
