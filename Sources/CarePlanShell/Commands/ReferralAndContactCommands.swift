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
                example: "refer splw Lonely since bereavement --need N1 --method phone --respond-by 2026-12-05"
            ) { arguments in
                let role = arguments.positional("TO", .vocabulary(Role.self))
                let reason = arguments.positional("REASON", .text, rest: true)
                let service = arguments.option("service", .text, "the service's name (required for service)")
                let needs = arguments.option("need", .entryList(.need), "needs it addresses")
                let goals = arguments.option("goal", .entryList(.goal), "goals it supports")
                let method = arguments.option("method", .vocabulary(ReferralMethod.self), "how it is sent")
                let referrer = arguments.option("by", .text, "who is referring (default: you)")
                let respondBy = arguments.option(
                    "respond-by", .date, "when the service should answer (default: 14 days after it is sent, or as the PCN sets)")
                let draft = arguments.flag("draft", "keep it as a draft instead of sending (requested)")
                let madeOn = arguments.option("on", .pastDate, "the day it was made (default today)")
                return { invocation, session in
                    let role = try invocation[role], service = try invocation[service]
                    if role == .service, service == nil { throw ShellError("refer service: --service NAME is required") }
                    try session.apply(
                        .refer(
                            to: role.recipient, serviceName: service, reason: try invocation[reason], needs: try invocation[needs] ?? [],
                            goals: try invocation[goals] ?? [], method: try invocation[method],
                            referrer: try invocation[referrer] ?? session.author, status: try invocation[draft] ? .draft : .requested,
                            on: try invocation[madeOn], respondBy: try invocation[respondBy],
                            responseDays: session.plugins.settings.responseDays))
                }
            })
        try registry.register(
            CommandSpec(
                "referral status", group: referrals, summary: "Move a referral on (accepted, in-progress, completed, did-not-attend...), dated today or --on.",
                example: "referral status R1 accepted --on 2026-11-20",
                details:
                    "A closed referral (completed, rejected, cancelled, declined-by-person, did-not-attend) can be reopened with requested. "
                    + "A referral to SPLW, HWBC or CC is answered by that role on its episode (episode accept, decline, contact, "
                    + "discharge), and follows it; its sender may still cancel it."
            ) { arguments in
                let referral = arguments.positional("ID", .entry([.referral]))
                let status = arguments.positional("STATUS", .vocabulary(ReferralStatus.self))
                let day = arguments.option("on", .pastDate, "the day it happened (default today)")
                return { invocation, session in
                    try session.apply(
                        .moveReferral(
                            try invocation[referral], to: try invocation[status], on: try invocation[day],
                            responseDays: session.plugins.settings.responseDays))
                }
            })

        try registry.register(
            CommandSpec(
                "referral edit", group: referrals, summary: "Change a referral's reason, links, method, referrer or response date; \"\" clears.",
                example: "referral edit R1 --respond-by 2026-12-12 --method secure-email"
            ) { arguments in
                let referral = arguments.positional("ID", .entry([.referral]))
                let reason = arguments.optionalPositional("REASON", .text, rest: true)
                let service = arguments.option("service", .text, "the service's name")
                let needs = arguments.option("need", .entryList(.need), "needs it addresses (replaces the list)")
                let goals = arguments.option("goal", .entryList(.goal), "goals it supports (replaces the list)")
                let method = arguments.option("method", .vocabulary(ReferralMethod.self), "how it is sent")
                let referrer = arguments.option("by", .text, "who referred")
                let respondBy = arguments.option("respond-by", .date, "when the service should answer")
                return { invocation, session in
                    var changes = PlanEdit.ReferralChanges()
                    changes.reason = try invocation[reason]
                    changes.serviceName = try invocation.change(service)
                    changes.referrer = try invocation.change(referrer)
                    changes.needs = try invocation[needs]
                    changes.goals = try invocation[goals]
                    changes.method = try invocation.change(method)
                    changes.respondBy = try invocation.change(respondBy)
                    try session.apply(.editReferral(try invocation[referral], changes))
                }
            })

        let contacts = "Contacts"
        try registry.register(
            CommandSpec(
                "contact add", group: contacts, summary: "Add a professional or personal contact.",
                example: "contact add personal Ruth Lloyd --relationship daughter --carer --next-of-kin --phone \"07700 900 334\""
            ) { arguments in
                let kind = arguments.positional("KIND", .vocabulary(ContactKind.self))
                let name = arguments.positional("NAME", .text, rest: true)
                let role = arguments.option("role", .text, "professional: their role (required)")
                let team = arguments.option("team", .text, "professional: team")
                let organisation = arguments.option("org", .text, "professional: organisation")
                let keyWorker = arguments.flag("key-worker", "professional: the person's key worker")
                let relationship = arguments.option("relationship", .text, "personal: how they are related")
                let carer = arguments.flag("carer", "personal: is a carer")
                let nextOfKin = arguments.flag("next-of-kin", "personal: is next of kin")
                let emergency = arguments.flag("emergency", "personal: is an emergency contact")
                let phone = arguments.option("phone", .text, "telephone")
                let email = arguments.option("email", .text, "email")
                return { invocation, session in
                    let name = try invocation[name], phone = try invocation[phone], email = try invocation[email]
                    switch try invocation[kind] {
                    case .professional:
                        guard let role = try invocation[role] else { throw ShellError("contact add professional: --role is required") }
                        try session.apply(
                            .addProfessionalContact(
                                name, role: role, team: try invocation[team], organisation: try invocation[organisation], phone: phone,
                                email: email, isKeyWorker: try invocation[keyWorker]))
                    case .personal:
                        var roles: [PersonalContactRole] = []
                        if try invocation[carer] { roles.append(.carer) }
                        if try invocation[nextOfKin] { roles.append(.nextOfKin) }
                        if try invocation[emergency] { roles.append(.emergencyContact) }
                        try session.apply(
                            .addPersonalContact(name, relationship: try invocation[relationship], roles: roles, phone: phone, email: email))
                    }
                }
            })
        try registry.register(
            CommandSpec(
                "contact edit", group: contacts, summary: "Change a contact's details; \"\" clears an optional one.",
                example: "contact edit C2 --phone \"07700 900 772\""
            ) { arguments in
                let contact = arguments.positional("ID", .entry([.contact]))
                let name = arguments.option("name", .text, "their name")
                let role = arguments.option("role", .text, "professional: their role")
                let team = arguments.option("team", .text, "professional: team")
                let organisation = arguments.option("org", .text, "professional: organisation")
                let relationship = arguments.option("relationship", .text, "personal: how they are related")
                let roles = arguments.option("roles", .text, "personal: carer, next-of-kin, emergency-contact (comma separated; replaces)")
                let phone = arguments.option("phone", .text, "telephone")
                let email = arguments.option("email", .text, "email")
                return { invocation, session in
                    var changes = PlanEdit.ContactChanges()
                    changes.name = try invocation[name]
                    changes.role = try invocation[role]
                    changes.team = try invocation.change(team)
                    changes.organisation = try invocation.change(organisation)
                    changes.relationship = try invocation.change(relationship)
                    changes.phone = try invocation.change(phone)
                    changes.email = try invocation.change(email)
                    if let raw = try invocation[roles] {
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
                    try session.apply(.editContact(try invocation[contact], changes))
                }
            })
        try registry.register(
            CommandSpec(
                "contact key-worker", group: contacts, summary: "Make a professional contact the key worker.", example: "contact key-worker C1"
            ) { arguments in
                let contact = arguments.positional("ID", .entry([.contact]))
                return { invocation, session in try session.apply(.makeKeyWorker(try invocation[contact])) }
            })
    }
}
