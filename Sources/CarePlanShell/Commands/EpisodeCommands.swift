import CarePlanCore
import Foundation

/// Referrals our services receive: `receive`, the `episode` steps, `call`, and `inbox`.
enum EpisodeCommands {
    static let group = "Referrals received"

    /// Which of our services received a referral.
    enum Service: String, Vocabulary {
        case splw, hwbc, cc

        var recipient: ReferralRecipient {
            switch self {
            case .splw: .socialPrescribingLinkWorker
            case .hwbc: .healthAndWellbeingCoach
            case .cc: .careCoordinator
            }
        }
    }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        let episode = ArgumentKind.entry([.episode])
        try registry.register(
            CommandSpec(
                "receive", group: group,
                summary: "Record a referral one of our services received: who sent it, why, and when it must be answered.",
                positionals: [PositionalSpec("FOR", .vocabulary(Service.self)), PositionalSpec("REASON", .text, rest: true)],
                options: [
                    OptionSpec("from", .vocabulary(ReferralSource.self), "who sent it (gp, self, hospital, voluntary-sector...)", required: true),
                    OptionSpec("by", .text, "the referrer's name"), OptionSpec("org", .text, "the referrer's organisation"),
                    OptionSpec("domain", .vocabulary(NeedDomain.self), "the area of life it is about, for reports (financial, emotional...)"),
                    OptionSpec("urgent", nil, "it is urgent"), OptionSpec("on", .pastDate, "the day it was received (default today)"),
                    OptionSpec("respond-by", .date, "when to answer by (default: 14 days after it was received, or as the PCN sets)"),
                ],
                example: "receive splw Lonely since her husband died --from gp --by \"Dr Claire Dunn\" --org \"Northam Medical Group\""
            ) { invocation, session in
                guard let service = try invocation.choice("FOR", as: Service.self) else { return }
                guard let source = try invocation.choice("from", as: ReferralSource.self) else {
                    throw ShellError("receive: --from is required: who sent it (\(ReferralSource.choices))")
                }
                try session.apply(
                    .receiveReferral(
                        for: service.recipient, reason: try invocation.required("REASON"), from: source, referrer: invocation.text("by"),
                        organisation: invocation.text("org"), urgency: invocation.flag("urgent") ? .urgent : .routine,
                        on: try invocation.date("on") ?? session.today, respondBy: try invocation.date("respond-by"),
                        responseDays: session.plugins.settings.responseDays, reasonDomain: try invocation.choice("domain", as: NeedDomain.self)))
            })
        try registry.register(
            CommandSpec(
                "episode accept", group: group, summary: "Accept a referral received.",
                positionals: [PositionalSpec("ID", episode)], options: [OptionSpec("on", .pastDate, "the day (default today)")],
                example: "episode accept E1"
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                try session.apply(.answerReferral(id, .accepted, on: try invocation.date("on") ?? session.today, localCodes: try session.localCodeList()))
            })
        try registry.register(
            CommandSpec(
                "episode decline", group: group, summary: "Decline a referral received, with the reason.",
                positionals: [PositionalSpec("ID", episode), PositionalSpec("REASON", .vocabulary(DeclineReason.self))],
                options: [OptionSpec("on", .pastDate, "the day (default today)")],
                example: "episode decline E1 person-declined"
            ) { invocation, session in
                guard let id = try invocation.entry("ID"), let reason = try invocation.choice("REASON", as: DeclineReason.self) else { return }
                try session.apply(
                    .answerReferral(id, .declined, reason: reason, on: try invocation.date("on") ?? session.today, localCodes: try session.localCodeList()))
            })
        try registry.register(
            CommandSpec(
                "episode contact", group: group, summary: "Record a contact with the person; the first one ends their wait.",
                positionals: [PositionalSpec("ID", episode)],
                options: [
                    OptionSpec("mode", .vocabulary(ContactMode.self), "face-to-face, phone, video, home-visit or group", required: true),
                    OptionSpec("minutes", .integer(1...600), "how long"), OptionSpec("did-not-attend", nil, "the person did not come"),
                    OptionSpec("on", .pastDate, "the day (default today)"),
                ],
                example: "episode contact E1 --mode home-visit --minutes 45"
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                guard let mode = try invocation.choice("mode", as: ContactMode.self) else {
                    throw ShellError("episode contact: --mode is required (\(ContactMode.choices))")
                }
                try session.apply(
                    .recordEpisodeContact(
                        id, mode: mode, minutes: try invocation.integer("minutes"), attended: !invocation.flag("did-not-attend"),
                        on: try invocation.date("on") ?? session.today, localCodes: try session.localCodeList()))
            })
        try registry.register(
            CommandSpec(
                "call", group: group, summary: "Record an attempt to reach the person, with its outcome; the time is now.",
                positionals: [PositionalSpec("ID", episode), PositionalSpec("OUTCOME", .vocabulary(AttemptOutcome.self))],
                example: "call E1 left-message",
                details: "Three attempts in a row that do not reach the person show on the worklist and suggest discharging as lost-contact."
            ) { invocation, session in
                guard let id = try invocation.entry("ID"), let outcome = try invocation.choice("OUTCOME", as: AttemptOutcome.self) else { return }
                try session.apply(.recordAttempt(id, outcome, at: session.now().formatted(.iso8601)))
            })
        try registry.register(
            CommandSpec(
                "episode discharge", group: group, summary: "Close an episode, with the reason.",
                positionals: [PositionalSpec("ID", episode), PositionalSpec("REASON", .vocabulary(DischargeReason.self))],
                options: [OptionSpec("note", .text, "more, in words"), OptionSpec("on", .pastDate, "the day (default today)")],
                example: "episode discharge E1 goals-met"
            ) { invocation, session in
                guard let id = try invocation.entry("ID"), let reason = try invocation.choice("REASON", as: DischargeReason.self) else { return }
                try session.apply(
                    .dischargeEpisode(
                        id, reason, note: invocation.text("note"), on: try invocation.date("on") ?? session.today, localCodes: try session.localCodeList()))
            })
        try registry.register(
            CommandSpec(
                "episode message", group: group,
                summary: "The message back to the GP and the referrer about an episode: what happened, what was agreed, the codes.",
                positionals: [PositionalSpec("ID", episode), PositionalSpec("FILE", .text, optional: true)],
                options: [OptionSpec("format", .vocabulary(MessageFormat.self), "text (default), markdown, or fhir (a FHIR document)")],
                example: "episode message E1 letter-to-gp.md --format markdown",
                details:
                    "Shown here, or written to FILE (owner-only). It holds no staff notes. fhir is a FHIR R4 document Bundle: a Composition with the sections, and the goals and codes as entries."
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                let format = try invocation.choice("format", as: MessageFormat.self) ?? .text
                let plan = try session.openPlan().plan
                if format == .fhir, let refusal = PlanExportFormat.fhir.refusal(plugins: session.plugins) {
                    throw ShellError("episode message: \(refusal)")
                }
                let message: String
                do throws(PlanEditError) {
                    let writer = EpisodeMessage(format: format == .markdown ? .markdown : .text, today: session.today, from: session.author)
                    if format == .fhir {
                        let document = try writer.fhirDocument(plan, episode: id, issued: session.now(), base: session.plugins.settings.fhirBase)
                        message = String(decoding: PlanJSON.encode(document), as: UTF8.self)
                    } else {
                        message = try writer.render(plan, episode: id)
                    }
                } catch {
                    throw ShellError("episode message: \(error.message)")
                }
                guard let path = invocation.text("FILE") else {
                    try session.recordAccess(.show, detail: "message \(id)")
                    session.output.write(message)
                    return
                }
                // Recorded before it leaves the store, as every export is.
                try session.recordAccess(.export, detail: "message \(id)")
                do {
                    try SecureFile.write(Data(message.utf8), to: path)
                } catch {
                    throw ShellError("episode message: \(error)")
                }
                session.say("wrote the message about \(id) to \(path)")
                if let caution = PlanExportFormat.fhir.sharingCaution(for: plan) { session.say("  careful: \(caution)") }
            })
        try registry.register(
            CommandSpec(
                "episode reopen", group: group, summary: "Reopen a discharged or declined episode; the note says why.",
                positionals: [PositionalSpec("ID", episode)],
                options: [OptionSpec("note", .text, "why it is reopened", required: true), OptionSpec("on", .pastDate, "the day (default today)")],
                example: "episode reopen E1 --note \"Rang back: would like the walking group after all\""
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                guard let note = invocation.text("note"), !note.isEmpty else { throw ShellError("episode reopen: --note is required: say why") }
                try session.apply(.reopenEpisode(id, note: note, on: try invocation.date("on") ?? session.today))
            })
        try registry.register(
            CommandSpec(
                "codes import", group: group,
                summary: "Use the PCN's own codes for HWBC and CC episodes (CSV: service,moment,code,display).",
                positionals: [PositionalSpec("FILE", .file)],
                example: "codes import plans/codes/northam-pcn-codes.csv",
                details: "Services splw, hwbc, cc; moments accepted, first-contact, declined, discharged. careplan invents "
                    + "no codes: social prescribing's national SNOMED CT codes are built in, and a code of digits alone must "
                    + "be a SNOMED CT identifier (its check digit is checked). The list is kept beside the store.",
                needsPlan: false
            ) { invocation, session in
                let file = try invocation.required("FILE")
                let data: Data
                do throws(BoundedFile.Problem) {
                    data = try BoundedFile.read(file, limit: 1 << 20)
                } catch {
                    throw ShellError("codes import: \(file): \(error.reason)")
                }
                let list: LocalCodeList
                do {
                    list = try LocalCodeList.parse(csv: String(decoding: data, as: UTF8.self), file: file)
                } catch {
                    throw ShellError("codes import: \(error)")
                }
                do {
                    try SecureFile.write(data, to: session.localCodesPath)
                } catch {
                    throw ShellError("codes import: \(error)")
                }
                session.say("codes: \(list.entries.count) local code\(list.entries.count == 1 ? "" : "s") from \(file)")
            })
        try registry.register(
            CommandSpec(
                "codes", group: group, summary: "List the codes recorded at each moment of an episode, national and local.",
                example: "codes", needsPlan: false
            ) { _, session in
                var rows = [
                    ["splw", "first-contact", "871731000000106", "Referral to social prescribing service (SNOMED CT)"],
                    ["splw", "declined", "871711000000103", "Social prescribing declined (SNOMED CT)"],
                ]
                let services: [ReferralRecipient: String] = [.socialPrescribingLinkWorker: "splw", .healthAndWellbeingCoach: "hwbc", .careCoordinator: "cc"]
                for entry in try session.localCodeList().entries {
                    rows.append([services[entry.service] ?? "", entry.moment.rawValue, entry.code, TerminalSafe.sanitize(entry.display)])
                }
                session.output.write(TextTable(headers: ["SERVICE", "MOMENT", "CODE", "MEANING"], rows: rows).render())
            })
        try registry.register(
            CommandSpec(
                "inbox", group: group, summary: "Referrals received and not yet answered, oldest first, with days waiting.",
                options: [
                    OptionSpec("role", .vocabulary(Service.self), "only this service's (splw, hwbc, cc)"),
                    OptionSpec("today", .date, "judge as of this day (default today)"),
                    OptionSpec("limit", .integer(1...100_000), "at most this many lines (default 50)"),
                ],
                example: "inbox --role splw", needsPlan: false
            ) { invocation, session in
                let role = try invocation.choice("role", as: Service.self)?.rawValue
                let inbox = Inbox(
                    store: session.store, group: session.plugins.inboxGroup(role: role), today: try invocation.date("today") ?? session.today,
                    limit: try invocation.integer("limit") ?? 50)
                try inbox.write(width: max(60, session.width)) { session.output.write($0) }
            })
    }
}

/// The formats of `episode message`.
enum MessageFormat: String, Vocabulary {
    case text, markdown, fhir
}
