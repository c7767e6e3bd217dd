import CarePlanCore
import CarePlanShell
import Foundation

/// The SPLW's shell commands: the directory, links, and wellbeing measures.
enum SocialPrescribingCommands {
    static let group = "Social prescribing"

    static func directoryPath(_ session: ShellSession) -> String {
        ServiceDirectory.path(besideStore: session.moduleFilePath(ServiceDirectory.fileName), environment: ProcessInfo.processInfo.environment)
    }

    static func directory(_ session: ShellSession) throws -> ServiceDirectory {
        do {
            return try ServiceDirectory.load(path: directoryPath(session))
        } catch {
            throw ShellError(error.message)
        }
    }

    /// Link ids of the open plan, for completion.
    static let linkID = ArgumentKind.dynamic("Ln") { session in
        guard let plan = session.current?.plan else { return [] }
        return ((try? SectionCodec.read(SocialPrescribingSection.self, from: plan))?.links ?? []).map(\.id)
    }

    /// Service ids in the directory, for completion.
    static let serviceID = ArgumentKind.dynamic("SERVICE") { session in
        ((try? ServiceDirectory.load(path: directoryPath(session)))?.services ?? []).map(\.id)
    }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "directory import", group: group, summary: "Load the services directory from Open Referral UK (HSDS) JSON or CSV, replacing the one kept.",
                positionals: [PositionalSpec("FILE", .file)], example: "directory import plans/directory/westshire-services.json",
                needsPlan: false
            ) { invocation, session in
                let file = try invocation.required("FILE")
                let directory: ServiceDirectory
                do {
                    directory = try ServiceDirectory.read(file: file)
                } catch let error as ServiceDirectory.ImportError {
                    throw ShellError(error.message)
                }
                try directory.save(path: directoryPath(session))
                session.say("directory: \(directory.services.count) services from \(file)")
            })
        try registry.register(
            CommandSpec(
                "directory search", group: group, summary: "Find services by words, category and area.",
                positionals: [PositionalSpec("WORDS", .text, optional: true, rest: true)],
                options: [
                    OptionSpec("category", .text, "a category, or its start (Loneliness, Money...)"),
                    OptionSpec("area", .text, "an area, town or postcode start"),
                ],
                example: "directory search singing --area Hebden", needsPlan: false
            ) { invocation, session in
                let found = try directory(session).search(
                    words: invocation.text("WORDS") ?? "", category: invocation.text("category"),
                    area: invocation.text("area"))
                let rows = found.map { service in
                    [
                        service.id, TerminalSafe.sanitize(service.name), TerminalSafe.sanitize(service.categories.joined(separator: ", ")),
                        TerminalSafe.sanitize(service.areas.first ?? service.postcode ?? "-"),
                        service.status == .active ? "" : service.status.rawValue,
                    ]
                }
                session.output.write(
                    TextTable(headers: ["ID", "SERVICE", "CATEGORIES", "AREA", ""], rows: rows).render()
                        .split(separator: "\n").map { String($0).replacingTrailingSpaces() }.joined(separator: "\n") + "\n")
                session.say("\(found.count) service\(found.count == 1 ? "" : "s")")
            })
        try registry.register(
            CommandSpec(
                "directory show", group: group, summary: "Show one service from the directory.",
                positionals: [PositionalSpec("ID", serviceID)], example: "directory show svc-014", needsPlan: false
            ) { invocation, session in
                let id = try invocation.required("ID")
                guard let service = try directory(session).service(id) else { throw ShellError("directory: no service \(id)") }
                let fields: [(String, String?)] = [
                    ("Service", service.name), ("Run by", service.organization), ("Status", service.status.rawValue),
                    ("What", service.description), ("Categories", service.categories.joined(separator: ", ")),
                    ("Areas", service.areas.joined(separator: ", ")), ("Where", [service.address, service.postcode].compactMap { $0 }.joined(separator: ", ")),
                    ("When", service.schedule), ("Who can use it", service.eligibility), ("Cost", service.fees),
                    ("How to join", service.applicationProcess), ("Phone", service.phone), ("Email", service.email), ("Web", service.url),
                ]
                let wrapper = TextWrapper(width: session.width)
                for (label, value) in fields {
                    guard let value, !value.isEmpty else { continue }
                    session.output.write(wrapper.wrap(TerminalSafe.sanitize(value), firstPrefix: "\(label): ", restPrefix: "  ").joined(separator: "\n") + "\n")
                }
            })

        try registry.register(
            CommandSpec(
                "link add", group: group, summary: "Link the person to a service: a directory id, or a service's name.",
                positionals: [PositionalSpec("SERVICE", serviceID, rest: true)],
                options: [
                    OptionSpec("for", .vocabulary(Determinant.self), "the need or wider determinant it addresses", required: true),
                    OptionSpec("referral", nil, "a referral (default: a signpost)"),
                    OptionSpec("need", .entryList(.need), "plan needs it addresses"),
                    OptionSpec("follow-up", .date, "when to check how it went"),
                    OptionSpec("on", .pastDate, "the day it was made (default today)"),
                ],
                example: "link add svc-014 --for loneliness-and-isolation --referral --need N1 --follow-up 2026-12-15"
            ) { invocation, session in
                let named = try invocation.required("SERVICE")
                guard let determinant = try invocation.choice("for", as: Determinant.self) else {
                    throw ShellError("link add: --for is required (\(Determinant.choices))")
                }
                let fromDirectory = try directory(session).service(named)
                let reference = ServiceReference(directoryId: fromDirectory?.id, name: fromDirectory?.name ?? named)
                if fromDirectory?.status == .defunct { throw ShellError("link add: \(reference.name) has closed (defunct)") }
                let kind: LinkKind = invocation.flag("referral") ? .referral : .signpost
                let needs = try invocation.entries("need") ?? []
                let followUp = try invocation.date("follow-up"), madeOn = try invocation.date("on")
                try session.apply(
                    .addLink(to: reference, kind: kind, for: determinant, needs: needs, followUp: followUp, on: madeOn))
            })
        try registry.register(
            CommandSpec(
                "link status", group: group, summary: "Move a link on: referred, accepted, declined, attended, did-not-attend, completed.",
                positionals: [PositionalSpec("ID", linkID), PositionalSpec("STATUS", .vocabulary(LinkStatus.self))],
                options: [OptionSpec("on", .pastDate, "the day it happened (default today)")],
                example: "link status L1 attended --on 2026-11-28"
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                guard let status = try invocation.choice("STATUS", as: LinkStatus.self) else { return }
                let day = try invocation.date("on")
                try session.apply(.moveLink(id, to: status, on: day))
            })
        try registry.register(
            CommandSpec(
                "link outcome", group: group, summary: "Record how a link went; --follow-up sets the next check.",
                positionals: [PositionalSpec("ID", linkID), PositionalSpec("TEXT", .text, optional: true, rest: true)],
                options: [OptionSpec("follow-up", .date, "when to check again (\"\" clears)")],
                example: "link outcome L1 Goes every week and has made two friends"
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                let text = invocation.text("TEXT")
                let followUp = try invocation.change("follow-up", invocation.date)
                try session.apply(.recordLinkOutcome(id, text, followUp: followUp))
            })
        try registry.register(
            CommandSpec(
                "ons4", group: group, summary: "Record ONS4 wellbeing: life satisfaction, worthwhile, happy yesterday, anxious yesterday (each 0-10).",
                positionals: [
                    PositionalSpec("SATISFIED", .integer(0...10)), PositionalSpec("WORTHWHILE", .integer(0...10)),
                    PositionalSpec("HAPPY", .integer(0...10)), PositionalSpec("ANXIOUS", .integer(0...10)),
                ],
                options: [OptionSpec("on", .pastDate, "when (default today)"), OptionSpec("baseline", nil, "mark as the baseline (the first is by default)")],
                example: "ons4 4 5 3 7"
            ) { invocation, session in
                let values = try ["SATISFIED", "WORTHWHILE", "HAPPY", "ANXIOUS"].map { try invocation.integer($0) ?? 0 }
                let day = try invocation.date("on"), baseline = invocation.flag("baseline")
                try session.apply(
                    .recordONS4(
                        ONS4(lifeSatisfaction: values[0], worthwhile: values[1], happiness: values[2], anxiety: values[3]), on: day,
                        baseline: baseline))
                session.output.write(
                    WellbeingView.lines(try SectionCodec.read(SocialPrescribingSection.self, from: session.openPlan().plan).measures)
                        .joined(separator: "\n") + "\n")
            })
        try registry.register(
            CommandSpec(
                "measure add", group: group, summary: "Record another measure (WEMWBS, SWEMWBS, MYCaW...) as entered; no scoring is invented.",
                positionals: [PositionalSpec("NAME", .text), PositionalSpec("SCORE", .text)],
                options: [OptionSpec("on", .pastDate, "when (default today)"), OptionSpec("baseline", nil, "mark as a baseline")],
                example: "measure add SWEMWBS 21 --baseline"
            ) { invocation, session in
                let name = try invocation.required("NAME"), score = try invocation.required("SCORE")
                let day = try invocation.date("on"), baseline = invocation.flag("baseline")
                try session.apply(.recordMeasure(name, score: score, on: day, baseline: baseline))
            })
    }
}
