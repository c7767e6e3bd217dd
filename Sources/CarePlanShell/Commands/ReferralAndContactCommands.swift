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
                    OptionSpec("respond-by", .date, "when the service should answer (default: 14 days after it is sent, or as the PCN sets)"),
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
                    .refer(
                        to: role.recipient, serviceName: service, reason: reason, needs: needs, goals: goals, method: method,
                        referrer: referrer, status: status, on: madeOn, respondBy: due,
                        responseDays: session.plugins.settings.responseDays))
            })
        try registry.register(
            CommandSpec(
                "referral status", group: referrals, summary: "Move a referral on (accepted, in-progress, completed, did-not-attend...), dated today or --on.",
                positionals: [PositionalSpec("ID", .entry([.referral])), PositionalSpec("STATUS", .vocabulary(ReferralStatus.self))],
                options: [OptionSpec("on", .pastDate, "the day it happened (default today)")],
                example: "referral status R1 accepted --on 2026-11-20",
                details:
                    "A closed referral (completed, rejected, cancelled, declined-by-person, did-not-attend) can be reopened with requested. "
                    + "A referral to SPLW, HWBC or CC is answered by that role on its episode (episode accept, decline, contact, "
                    + "discharge), and follows it; its sender may still cancel it."
            ) { invocation, session in
                guard let id = try invocation.entry("ID"), let status = try invocation.choice("STATUS", as: ReferralStatus.self) else { return }
                try session.apply(
                    .moveReferral(id, to: status, on: try invocation.date("on"), responseDays: session.plugins.settings.responseDays))
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
                var changes = PlanEdit.ReferralChanges()
                changes.reason = invocation.text("REASON")
                changes.serviceName = invocation.optionalText("service")
                changes.referrer = invocation.optionalText("by")
                changes.needs = try invocation.entries("need")
                changes.goals = try invocation.entries("goal")
                changes.method = try invocation.change("method") { try invocation.choice($0, as: ReferralMethod.self) }
                changes.respondBy = try invocation.change("respond-by", invocation.date)
                try session.apply(.editReferral(id, changes))
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
                        .addProfessionalContact(name, role: role, team: team, organisation: org, phone: phone, email: email, isKeyWorker: key))
                case .personal:
                    var roles: [PersonalContactRole] = []
                    if invocation.flag("carer") { roles.append(.carer) }
                    if invocation.flag("next-of-kin") { roles.append(.nextOfKin) }
                    if invocation.flag("emergency") { roles.append(.emergencyContact) }
                    let relationship = invocation.text("relationship")
                    try session.apply(.addPersonalContact(name, relationship: relationship, roles: roles, phone: phone, email: email))
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
                var changes = PlanEdit.ContactChanges()
                changes.name = invocation.text("name")
                changes.role = invocation.text("role")
                changes.team = invocation.optionalText("team")
                changes.organisation = invocation.optionalText("org")
                changes.relationship = invocation.optionalText("relationship")
                changes.phone = invocation.optionalText("phone")
                changes.email = invocation.optionalText("email")
                if let raw = invocation.text("roles") {
                    changes.roles = try raw.split(separator: ",").map { word in
                        guard let role = PersonalContactRole.parse(word.trimmingCharacters(in: .whitespaces)) else {
                            throw ShellError("contact edit: --roles: expected \(PersonalContactRole.choices), got \(word)")
                        }
                        return role
                    }
                }
                if changes.name?.isEmpty == true || changes.role?.isEmpty == true {
                    throw ShellError("contact edit: name and role cannot be empty")
                }
                try session.apply(.editContact(id, changes))
            })
        try registry.register(
            CommandSpec(
                "contact key-worker", group: contacts, summary: "Make a professional contact the key worker.",
                positionals: [PositionalSpec("ID", .entry([.contact]))], example: "contact key-worker C1"
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                try session.apply(.makeKeyWorker(id))
            })
    }
}
