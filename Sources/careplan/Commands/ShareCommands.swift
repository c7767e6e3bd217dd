import ArgumentParser
import CarePlanCore
import CarePlanStore
import Foundation

/// `careplan share`: records a decision to share part of a plan with a partner organisation.
struct ShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share sections of a plan with a partner organisation (the team store).",
        usage: "careplan share PLAN --with ORG --scope SECTION,... --basis TEXT\n           --decided-by TEXT [--on DATE]",
        discussion: """
            The partner's staff then see the person's details and the sections named, and nothing else, also through \
            psql: the database enforces it. Sections: \(PlanSections.core.joined(separator: ", ")), or a module's \
            section (social-prescribing, health-coaching, care-coordination, cancer-care). Record the lawful basis and \
            any objection the person made (--basis), and who decided (--decided-by). Sharing again with the same \
            organisation replaces the decision; both stay in the history (careplan sharing PLAN).
            """
    )

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand
    @Argument(help: ArgumentHelp("The plan: id, NHS number or name.", valueName: "plan")) var plan: String
    @Option(name: .customLong("with"), help: ArgumentHelp("The partner organisation's code.", valueName: "org")) var organisation: String
    @Option(help: ArgumentHelp("The sections shared, separated by commas.", valueName: "sections")) var scope: String
    @Option(help: ArgumentHelp("The lawful basis, and any objection.", valueName: "text")) var basis: String
    @Option(name: .customLong("decided-by"), help: ArgumentHelp("Who decided.", valueName: "text")) var decidedBy: String
    @Option(help: ArgumentHelp("The day it was decided (default: today).", valueName: "date")) var on: String?

    func validate() throws {
        if let on, CalendarDate(on) == nil { throw ValidationError("--on: expected a date like 2026-12-31") }
        for (value, option) in [(basis, "--basis"), (decidedBy, "--decided-by")]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("\(option): give it in words")
        }
    }

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let known = PlanSections.core + (try context.pluginHost().registrar.sections.keys.sorted())
            let sections = scope.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !sections.isEmpty else { throw Failure("--scope: name at least one section") }
            if let unknown = sections.first(where: { !known.contains($0) }) {
                throw Failure("--scope: no section \(unknown.prefix(40)); sections are \(known.joined(separator: ", "))")
            }
            let (store, team) = try context.openTeamStore()
            let summary = try resolvePlan(plan, in: store)
            let day = on.flatMap { CalendarDate($0) } ?? context.clock.today
            try storeCall { () throws(StoreError) in
                try team.share(
                    SharingRequest(
                        planID: summary.id, organisation: organisation, sections: sections, legalBasis: basis, decidedOn: day,
                        decidedBy: decidedBy),
                    at: context.clock.now)
            }
            printLine("shared \(sections.joined(separator: ", ")) of plan \(summary.id) with \(organisation)")
        }
    }
}

/// `careplan unshare`: revokes a sharing decision (kept in the history).
struct UnshareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unshare", abstract: "Stop sharing a plan with a partner organisation; the decision stays in the history.")

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand
    @Argument(help: ArgumentHelp("The plan: id, NHS number or name.", valueName: "plan")) var plan: String
    @Option(name: .customLong("from"), help: ArgumentHelp("The partner organisation's code.", valueName: "org")) var organisation: String
    @Option(help: ArgumentHelp("Why (the person objected, the referral ended).", valueName: "text")) var reason: String

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let (store, team) = try context.openTeamStore()
            let summary = try resolvePlan(plan, in: store)
            let revoked = try storeCall { () throws(StoreError) in
                try team.unshare(summary.id, from: organisation, reason: reason, at: context.clock.now)
            }
            guard revoked else { throw Failure("plan \(summary.id) is not shared with \(organisation)") }
            printLine("plan \(summary.id) is no longer shared with \(organisation)")
        }
    }
}

/// `careplan sharing`: every sharing decision on a plan.
struct SharingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharing", abstract: "List every sharing decision on a plan, in force or revoked.")

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand
    @Argument(help: ArgumentHelp("The plan: id, NHS number or name.", valueName: "plan")) var plan: String

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let (store, team) = try context.openTeamStore()
            let summary = try resolvePlan(plan, in: store)
            let decisions = try storeCall { () throws(StoreError) in try team.sharing(of: summary.id) }
            let rows = decisions.map { decision in
                [
                    decision.organisation, decision.sections.joined(separator: ","), decision.legalBasis, decision.decidedOn.description,
                    decision.decidedBy, decision.recordedBy,
                    decision.revokedAt.map { "revoked \(Timestamp.format($0)) by \(decision.revokedBy ?? "?"): \(decision.revokedReason ?? "")" }
                        ?? "in force",
                ]
            }
            printLine(
                String(
                    TextTable(headers: ["WITH", "SECTIONS", "BASIS", "DECIDED", "BY", "RECORDED BY", "STATUS"], rows: rows).render()
                        .dropLast()))
            printLine("\(decisions.count) decision\(decisions.count == 1 ? "" : "s")")
        }
    }
}
