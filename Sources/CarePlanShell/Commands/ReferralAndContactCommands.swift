import CarePlanCore

/// Referrals and contacts.
enum ReferralAndContactCommands {
    enum Role: String, Vocabulary {
        case splw, hwbc, cc, service

        var recipient: ReferralRecipient {
            switch self {
            case .splw: .socialPrescribingLinkWorker
            case .hwbc: .healthAndWellbeingCoach
            case .cc: .careCoordinator
            case .service: .otherService
            }
        }
    }

    enum ContactKind: String, Vocabulary {
        case professional, personal
    }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        let referrals = "Referrals"
        try registry.register(
            CommandSpec(
                "refer", group: referrals,
                summary: "Refer to a Social Prescribing Link Worker, Health and Wellbeing Coach, Care Coordinator or another service.",
                positionals: [PositionalSpec("TO", .vocabulary(Role.self)), PositionalSpec("REASON", .text, rest: true)],
                options: [
                    OptionSpec("service", .text, "the service's name (required for service)"),
                    OptionSpec("need", .entryList(.need), "needs it addresses"),
                    OptionSpec("goal", .entryList(.goal), "goals it supports"),
                    OptionSpec("method", .vocabulary(ReferralMethod.self), "how it is sent"),
                    OptionSpec("by", .text, "who is referring (default: you)"),
                    OptionSpec("respond-by", .date, "when the service should answer"),
                    OptionSpec("draft", nil, "keep it as a draft instead of sending (requested)"),
                    OptionSpec("on", .pastDate, "the day it was made (default today)"),
                ],
                example: "refer splw Lonely since bereavement --need N1 --method phone --respond-by 2026-12-05"
            ) { invocation, session in
                guard let role = try invocation.choice("TO", as: Role.self) else { return }
                let reason = try invocation.required("REASON")
                let service = invocation.text("service")
                if role == .service, service == nil { throw ShellError("refer service: --service NAME is required") }
                let needs = try invocation.entries("need") ?? [], goals = try invocation.entries("goal") ?? []
                let method = try invocation.choice("method", as: ReferralMethod.self)
                let referrer = invocation.text("by") ?? session.author
                let due = try invocation.date("respond-by")
                let status: ReferralStatus = invocation.flag("draft") ? .draft : .requested
                let madeOn = try invocation.date("on")
                try session.apply(
                    PlanEdit("refer") { plan, context throws(PlanEditError) in
                        for need in needs { _ = try plan.position(of: need, in: plan.needs) }
                        for goal in goals { _ = try plan.position(of: goal, in: plan.goals) }
                        let id = plan.issueID(.referral)
                        plan.referrals.append(
                            Referral(
                                id: id, recipient: role.recipient, serviceName: service, reason: reason,
                                needIDs: needs, goalIDs: goals, method: method, referrer: referrer,
                                status: status, on: madeOn ?? context.today, responseDueOn: due))
                        return "add referral \(id) to \(role == .service ? service ?? "service" : role.recipient.abbreviation) (\(status.label))"
                    })
            })
        try registry.register(
            CommandSpec(
                "referral status", group: referrals, summary: "Move a referral on (accepted, in-progress, completed, did-not-attend...), dated today or --on.",
                positionals: [PositionalSpec("ID", .entry([.referral])), PositionalSpec("STATUS", .vocabulary(ReferralStatus.self))],
                options: [OptionSpec("on", .pastDate, "the day it happened (default today)")],
                example: "referral status R1 accepted --on 2026-11-20",
                details: "A closed referral (completed, rejected, cancelled, declined-by-person, did-not-attend) can be reopened with requested."
            ) { invocation, session in
                guard let id = try invocation.entry("ID"), let status = try invocation.choice("STATUS", as: ReferralStatus.self) else { return }
                try session.apply(.moveReferral(id, to: status, on: try invocation.date("on")))
            })

        try registry.register(
            CommandSpec(
                "referral edit", group: referrals, summary: "Change a referral's reason, links, method, referrer or response date; \"\" clears.",
                positionals: [PositionalSpec("ID", .entry([.referral])), PositionalSpec("REASON", .text, optional: true, rest: true)],
                options: [
                    OptionSpec("service", .text, "the service's name"),
                    OptionSpec("need", .entryList(.need), "needs it addresses (replaces the list)"),
                    OptionSpec("goal", .entryList(.goal), "goals it supports (replaces the list)"),
                    OptionSpec("method", .vocabulary(ReferralMethod.self), "how it is sent"),
                    OptionSpec("by", .text, "who referred"),
                    OptionSpec("respond-by", .date, "when the service should answer"),
                ],
                example: "referral edit R1 --respond-by 2026-12-12 --method secure-email"
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                let reason = invocation.text("REASON")
                let service = invocation.optionalText("service"), referrer = invocation.optionalText("by")
                let needs = try invocation.entries("need"), goals = try invocation.entries("goal")
                let method = invocation.text("method").map { _ in try? invocation.choice("method", as: ReferralMethod.self) }
                let due = try invocation.text("respond-by").map { _ in try invocation.date("respond-by") }
                try session.apply(
                    PlanEdit("edit \(id)") { plan, _ throws(PlanEditError) in
                        let index = try plan.position(of: id, in: plan.referrals)
                        for need in needs ?? [] { _ = try plan.position(of: need, in: plan.needs) }
                        for goal in goals ?? [] { _ = try plan.position(of: goal, in: plan.goals) }
                        if let reason { plan.referrals[index].reason = reason }
                        if case .some(let value) = service { plan.referrals[index].serviceName = value }
                        if case .some(let value) = referrer { plan.referrals[index].referrer = value }
                        if let needs { plan.referrals[index].needIDs = needs }
                        if let goals { plan.referrals[index].goalIDs = goals }
                        if let method { plan.referrals[index].method = method }
                        if let due { plan.referrals[index].responseDueOn = due }
                        return "edit referral \(id)"
                    })
            })

        let contacts = "Contacts"
        try registry.register(
            CommandSpec(
                "contact add", group: contacts, summary: "Add a professional or personal contact.",
                positionals: [PositionalSpec("KIND", .vocabulary(ContactKind.self)), PositionalSpec("NAME", .text, rest: true)],
                options: [
                    OptionSpec("role", .text, "professional: their role (required)"),
                    OptionSpec("team", .text, "professional: team"),
                    OptionSpec("org", .text, "professional: organisation"),
                    OptionSpec("key-worker", nil, "professional: the person's key worker"),
                    OptionSpec("relationship", .text, "personal: how they are related"),
                    OptionSpec("carer", nil, "personal: is a carer"),
                    OptionSpec("next-of-kin", nil, "personal: is next of kin"),
                    OptionSpec("emergency", nil, "personal: is an emergency contact"),
                    OptionSpec("phone", .text, "telephone"),
                    OptionSpec("email", .text, "email"),
                ],
                example: "contact add personal Ruth Lloyd --relationship daughter --carer --next-of-kin --phone \"07700 900 334\""
            ) { invocation, session in
                guard let kind = try invocation.choice("KIND", as: ContactKind.self) else { return }
                let name = try invocation.required("NAME")
                let phone = invocation.text("phone"), email = invocation.text("email")
                switch kind {
                case .professional:
                    guard let role = invocation.text("role") else { throw ShellError("contact add professional: --role is required") }
                    let team = invocation.text("team"), org = invocation.text("org"), key = invocation.flag("key-worker")
                    try session.apply(
                        PlanEdit("add contact") { plan, _ in
                            let id = plan.issueID(.contact)
                            if key {
                                for index in plan.professionalContacts.indices { plan.professionalContacts[index].isKeyWorker = false }
                            }
                            plan.professionalContacts.append(
                                ProfessionalContact(
                                    id: id, name: name, role: role, team: team, organisation: org,
                                    phone: phone, email: email, isKeyWorker: key))
                            return "add professional contact \(id)" + (key ? " (key worker)" : "")
                        })
                case .personal:
                    var roles: [PersonalContactRole] = []
                    if invocation.flag("carer") { roles.append(.carer) }
                    if invocation.flag("next-of-kin") { roles.append(.nextOfKin) }
                    if invocation.flag("emergency") { roles.append(.emergencyContact) }
                    let relationship = invocation.text("relationship")
                    let chosen = roles
                    try session.apply(
                        PlanEdit("add contact") { plan, _ in
                            let id = plan.issueID(.contact)
                            plan.personalContacts.append(
                                PersonalContact(
                                    id: id, name: name, relationship: relationship, roles: chosen,
                                    phone: phone, email: email))
                            return "add personal contact \(id)"
                        })
                }
            })
        try registry.register(
            CommandSpec(
                "contact edit", group: contacts, summary: "Change a contact's details; \"\" clears an optional one.",
                positionals: [PositionalSpec("ID", .entry([.contact]))],
                options: [
                    OptionSpec("name", .text, "their name"),
                    OptionSpec("role", .text, "professional: their role"),
                    OptionSpec("team", .text, "professional: team"),
                    OptionSpec("org", .text, "professional: organisation"),
                    OptionSpec("relationship", .text, "personal: how they are related"),
                    OptionSpec("roles", .text, "personal: carer, next-of-kin, emergency-contact (comma separated; replaces)"),
                    OptionSpec("phone", .text, "telephone"),
                    OptionSpec("email", .text, "email"),
                ],
                example: "contact edit C2 --phone \"07700 900 772\""
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                let name = invocation.text("name"), role = invocation.text("role")
                let team = invocation.optionalText("team"), org = invocation.optionalText("org")
                let relationship = invocation.optionalText("relationship")
                let phone = invocation.optionalText("phone"), email = invocation.optionalText("email")
                var roles: [PersonalContactRole]?
                if let raw = invocation.text("roles") {
                    roles = try raw.split(separator: ",").map { word in
                        guard let role = PersonalContactRole.parse(word.trimmingCharacters(in: .whitespaces)) else {
                            throw ShellError("contact edit: --roles: expected \(PersonalContactRole.choices), got \(word)")
                        }
                        return role
                    }
                }
                let chosenRoles = roles
                if name?.isEmpty == true || role?.isEmpty == true { throw ShellError("contact edit: name and role cannot be empty") }
                try session.apply(
                    PlanEdit("edit \(id)") { plan, _ throws(PlanEditError) in
                        if let index = plan.professionalContacts.firstIndex(where: { $0.id == id }) {
                            guard relationship == nil, chosenRoles == nil else {
                                throw PlanEditError("\(id) is a professional contact: --relationship and --roles are for personal contacts")
                            }
                            if let name { plan.professionalContacts[index].name = name }
                            if let role { plan.professionalContacts[index].role = role }
                            if case .some(let value) = team { plan.professionalContacts[index].team = value }
                            if case .some(let value) = org { plan.professionalContacts[index].organisation = value }
                            if case .some(let value) = phone { plan.professionalContacts[index].phone = value }
                            if case .some(let value) = email { plan.professionalContacts[index].email = value }
                        } else {
                            let index = try plan.position(of: id, in: plan.personalContacts)
                            guard role == nil, team == nil, org == nil else {
                                throw PlanEditError("\(id) is a personal contact: --role, --team and --org are for professional contacts")
                            }
                            if let name { plan.personalContacts[index].name = name }
                            if case .some(let value) = relationship { plan.personalContacts[index].relationship = value }
                            if let chosenRoles { plan.personalContacts[index].roles = chosenRoles }
                            if case .some(let value) = phone { plan.personalContacts[index].phone = value }
                            if case .some(let value) = email { plan.personalContacts[index].email = value }
                        }
                        return "edit contact \(id)"
                    })
            })
        try registry.register(
            CommandSpec(
                "contact key-worker", group: contacts, summary: "Make a professional contact the key worker.",
                positionals: [PositionalSpec("ID", .entry([.contact]))], example: "contact key-worker C1"
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                try session.apply(
                    PlanEdit("key worker \(id)") { plan, _ throws(PlanEditError) in
                        guard plan.professionalContacts.contains(where: { $0.id == id }) else {
                            throw PlanEditError("\(id) is not a professional contact in this plan")
                        }
                        for index in plan.professionalContacts.indices {
                            plan.professionalContacts[index].isKeyWorker = plan.professionalContacts[index].id == id
                        }
                        return "key worker is \(id)"
                    })
            })
    }
}
