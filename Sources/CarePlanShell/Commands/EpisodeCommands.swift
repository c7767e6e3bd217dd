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
        let episode = ArgumentType.entry([.episode])
        try registry.register(
            CommandSpec(
                "receive", group: group,
                summary: "Record a referral one of our services received: who sent it, why, and when it must be answered.",
                example: "receive splw Lonely since her husband died --from gp --by \"Dr Claire Dunn\" --org \"Northam Medical Group\""
            ) { arguments in
                let service = arguments.positional("FOR", .vocabulary(Service.self))
                let reason = arguments.positional("REASON", .text, rest: true)
                let source = arguments.requiredOption(
                    "from", .vocabulary(ReferralSource.self), "who sent it (gp, self, hospital, voluntary-sector...)")
                let referrer = arguments.option("by", .text, "the referrer's name")
                let organisation = arguments.option("org", .text, "the referrer's organisation")
                let domain = arguments.option(
                    "domain", .vocabulary(NeedDomain.self), "the area of life it is about, for reports (financial, emotional...)")
                let urgent = arguments.flag("urgent", "it is urgent")
                let received = arguments.option("on", .pastDate, "the day it was received (default today)")
                let respondBy = arguments.option(
                    "respond-by", .date, "when to answer by (default: 14 days after it was received, or as the PCN sets)")
                return { invocation, session in
                    try session.apply(
                        .receiveReferral(
                            for: try invocation[service].recipient, reason: try invocation[reason], from: try invocation[source],
                            referrer: try invocation[referrer], organisation: try invocation[organisation],
                            urgency: try invocation[urgent] ? .urgent : .routine, on: try invocation[received] ?? session.today,
                            respondBy: try invocation[respondBy], responseDays: session.plugins.settings.responseDays,
                            reasonDomain: try invocation[domain]))
                }
            })
        try registry.register(
            CommandSpec(
                "episode accept", group: group, summary: "Accept a referral received.",
                example: "episode accept E1"
            ) { arguments in
                let id = arguments.positional("ID", episode)
                let day = arguments.option("on", .pastDate, "the day (default today)")
                return { invocation, session in
                    try session.apply(
                        .answerReferral(
                            try invocation[id], .accepted, on: try invocation[day] ?? session.today, localCodes: try session.localCodeList()))
                }
            })
        try registry.register(
            CommandSpec(
                "episode decline", group: group, summary: "Decline a referral received, with the reason.",
                example: "episode decline E1 person-declined"
            ) { arguments in
                let id = arguments.positional("ID", episode)
                let reason = arguments.positional("REASON", .vocabulary(DeclineReason.self))
                let day = arguments.option("on", .pastDate, "the day (default today)")
                return { invocation, session in
                    try session.apply(
                        .answerReferral(
                            try invocation[id], .declined, reason: try invocation[reason], on: try invocation[day] ?? session.today,
                            localCodes: try session.localCodeList()))
                }
            })
        try registry.register(
            CommandSpec(
                "episode contact", group: group, summary: "Record a contact with the person; the first one ends their wait.",
                example: "episode contact E1 --mode home-visit --minutes 45"
            ) { arguments in
                let id = arguments.positional("ID", episode)
                let mode = arguments.requiredOption("mode", .vocabulary(ContactMode.self), "face-to-face, phone, video, home-visit or group")
                let minutes = arguments.option("minutes", .integer(1...600), "how long")
                let didNotAttend = arguments.flag("did-not-attend", "the person did not come")
                let day = arguments.option("on", .pastDate, "the day (default today)")
                return { invocation, session in
                    try session.apply(
                        .recordEpisodeContact(
                            try invocation[id], mode: try invocation[mode], minutes: try invocation[minutes],
                            attended: !(try invocation[didNotAttend]), on: try invocation[day] ?? session.today,
                            localCodes: try session.localCodeList()))
                }
            })
        try registry.register(
            CommandSpec(
                "call", group: group, summary: "Record an attempt to reach the person, with its outcome; the time is now.",
                example: "call E1 left-message",
                details: "Three attempts in a row that do not reach the person show on the worklist and suggest discharging as lost-contact."
            ) { arguments in
                let id = arguments.positional("ID", episode)
                let outcome = arguments.positional("OUTCOME", .vocabulary(AttemptOutcome.self))
                return { invocation, session in
                    try session.apply(.recordAttempt(try invocation[id], try invocation[outcome], at: session.now().formatted(.iso8601)))
                }
            })
        try registry.register(
            CommandSpec(
                "episode discharge", group: group, summary: "Close an episode, with the reason.",
                example: "episode discharge E1 goals-met"
            ) { arguments in
                let id = arguments.positional("ID", episode)
                let reason = arguments.positional("REASON", .vocabulary(DischargeReason.self))
                let note = arguments.option("note", .text, "more, in words")
                let day = arguments.option("on", .pastDate, "the day (default today)")
                return { invocation, session in
                    try session.apply(
                        .dischargeEpisode(
                            try invocation[id], try invocation[reason], note: try invocation[note], on: try invocation[day] ?? session.today,
                            localCodes: try session.localCodeList()))
                }
            })
        try registry.register(
            CommandSpec(
                "episode message", group: group,
                summary: "The message back to the GP and the referrer about an episode: what happened, what was agreed, the codes.",
                example: "episode message E1 letter-to-gp.md --format markdown",
                details:
                    "Shown here, or written to FILE (owner-only). It holds no staff notes. fhir is a FHIR R4 document Bundle: a Composition with the sections, and the goals and codes as entries."
            ) { arguments in
                let id = arguments.positional("ID", episode)
                let file = arguments.optionalPositional("FILE", .file)
                let format = arguments.option("format", .vocabulary(MessageFormat.self), "text (default), markdown, or fhir (a FHIR document)")
                return { invocation, session in
                    try writeMessage(try invocation[id], format: try invocation[format] ?? .text, to: try invocation[file], session)
                }
            })
        try registry.register(
            CommandSpec(
                "episode reopen", group: group, summary: "Reopen a discharged or declined episode; the note says why.",
                example: "episode reopen E1 --note \"Rang back: would like the walking group after all\""
            ) { arguments in
                let id = arguments.positional("ID", episode)
                let note = arguments.requiredOption("note", .text, "why it is reopened")
                let day = arguments.option("on", .pastDate, "the day (default today)")
                return { invocation, session in
                    let note = try invocation[note]
                    guard !note.isEmpty else { throw ShellError("episode reopen: --note is required: say why") }
                    try session.apply(.reopenEpisode(try invocation[id], note: note, on: try invocation[day] ?? session.today))
                }
            })
        try registry.register(
            CommandSpec(
                "codes import", group: group,
                summary: "Use the PCN's own codes for HWBC and CC episodes (CSV: service,moment,code,display).",
                example: "codes import plans/codes/northam-pcn-codes.csv",
                details: "Services splw, hwbc, cc; moments accepted, first-contact, declined, discharged. careplan invents "
                    + "no codes: social prescribing's national SNOMED CT codes are built in, and a code of digits alone must "
                    + "be a SNOMED CT identifier (its check digit is checked). The list is kept beside the store.",
                needsPlan: false
            ) { arguments in
                let file = arguments.positional("FILE", .file)
                return { invocation, session in try importCodes(from: try invocation[file], session) }
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
                example: "inbox --role splw", needsPlan: false
            ) { arguments in
                let role = arguments.option("role", .vocabulary(Service.self), "only this service's (splw, hwbc, cc)")
                let today = arguments.option("today", .date, "judge as of this day (default today)")
                let limit = arguments.option("limit", .integer(1...100_000), "at most this many lines (default 50)")
                return { invocation, session in
                    let inbox = Inbox(
                        store: session.store, group: session.plugins.inboxGroup(role: try invocation[role]?.rawValue),
                        today: try invocation[today] ?? session.today, limit: try invocation[limit] ?? 50)
                    try inbox.write(width: max(60, session.width)) { session.output.write($0) }
                }
            })
    }

    /// `episode message`: shown, or written to `path` (owner-only).
    private static func writeMessage(_ id: EntryID, format: MessageFormat, to path: String?, _ session: ShellSession) throws {
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
        guard let path else {
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
    }

    /// `codes import`: checks the PCN's code list and keeps it beside the store.
    private static func importCodes(from file: String, _ session: ShellSession) throws {
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
    }
}

/// The formats of `episode message`.
enum MessageFormat: String, Vocabulary {
    case text, markdown, fhir
}
