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
    static let linkID = ArgumentType.dynamic("Ln") { session in
        guard let plan = session.current?.plan else { return [] }
        return ((try? SectionCodec.read(SocialPrescribingSection.self, from: plan))?.links ?? []).map(\.id)
    }

    /// Service ids in the directory, for completion.
    static let serviceID = ArgumentType.dynamic("SERVICE") { session in
        ((try? ServiceDirectory.load(path: directoryPath(session)))?.services ?? []).map(\.id)
    }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "directory import", group: group, summary: "Load the services directory from Open Referral UK (HSDS) JSON or CSV, replacing the one kept.",
                example: "directory import plans/directory/westshire-services.json", needsPlan: false
            ) { arguments in
                let file = arguments.positional("FILE", .file)
                return { invocation, session in
                    let file = try invocation[file]
                    let directory: ServiceDirectory
                    do {
                        directory = try ServiceDirectory.read(file: file)
                    } catch let error as ServiceDirectory.ImportError {
                        throw ShellError(error.message)
                    }
                    try directory.save(path: directoryPath(session))
                    session.say("directory: \(directory.services.count) services from \(file)")
                }
            })
        try registry.register(
            CommandSpec(
                "directory search", group: group, summary: "Find services by words, category and area.",
                example: "directory search singing --area Hebden", needsPlan: false
            ) { arguments in
                let words = arguments.optionalPositional("WORDS", .text, rest: true)
                let category = arguments.option("category", .text, "a category, or its start (Loneliness, Money...)")
                let area = arguments.option("area", .text, "an area, town or postcode start")
                return { invocation, session in
                    let found = try directory(session).search(
                        words: try invocation[words] ?? "", category: try invocation[category], area: try invocation[area])
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
                }
            })
        try registry.register(
            CommandSpec(
                "directory show", group: group, summary: "Show one service from the directory.", example: "directory show svc-014",
                needsPlan: false
            ) { arguments in
                let service = arguments.positional("ID", serviceID)
                return { invocation, session in try showService(try invocation[service], session) }
            })

        try registry.register(
            CommandSpec(
                "link add", group: group, summary: "Link the person to a service: a directory id, or a service's name.",
                example: "link add svc-014 --for loneliness-and-isolation --referral --need N1 --follow-up 2026-12-15"
            ) { arguments in
                let service = arguments.positional("SERVICE", serviceID, rest: true)
                let determinant = arguments.requiredOption("for", .vocabulary(Determinant.self), "the need or wider determinant it addresses")
                let referral = arguments.flag("referral", "a referral (default: a signpost)")
                let needs = arguments.option("need", .entryList(.need), "plan needs it addresses")
                let followUp = arguments.option("follow-up", .date, "when to check how it went")
                let madeOn = arguments.option("on", .pastDate, "the day it was made (default today)")
                return { invocation, session in
                    let named = try invocation[service]
                    let fromDirectory = try directory(session).service(named)
                    let reference = ServiceReference(directoryId: fromDirectory?.id, name: fromDirectory?.name ?? named)
                    if fromDirectory?.status == .defunct { throw ShellError("link add: \(reference.name) has closed (defunct)") }
                    try session.apply(
                        .addLink(
                            to: reference, kind: try invocation[referral] ? .referral : .signpost, for: try invocation[determinant],
                            needs: try invocation[needs] ?? [], followUp: try invocation[followUp], on: try invocation[madeOn]))
                }
            })
        try registry.register(
            CommandSpec(
                "link status", group: group, summary: "Move a link on: referred, accepted, declined, attended, did-not-attend, completed.",
                example: "link status L1 attended --on 2026-11-28"
            ) { arguments in
                let link = arguments.positional("ID", linkID)
                let status = arguments.positional("STATUS", .vocabulary(LinkStatus.self))
                let day = arguments.option("on", .pastDate, "the day it happened (default today)")
                return { invocation, session in
                    try session.apply(.moveLink(try invocation[link].uppercased(), to: try invocation[status], on: try invocation[day]))
                }
            })
        try registry.register(
            CommandSpec(
                "link outcome", group: group, summary: "Record how a link went; --follow-up sets the next check.",
                example: "link outcome L1 Goes every week and has made two friends"
            ) { arguments in
                let link = arguments.positional("ID", linkID)
                let text = arguments.optionalPositional("TEXT", .text, rest: true)
                let followUp = arguments.option("follow-up", .date, "when to check again (\"\" clears)")
                return { invocation, session in
                    try session.apply(
                        .recordLinkOutcome(try invocation[link].uppercased(), try invocation[text], followUp: try invocation.change(followUp)))
                }
            })
        try registry.register(
            CommandSpec(
                "ons4", group: group, summary: "Record ONS4 wellbeing: life satisfaction, worthwhile, happy yesterday, anxious yesterday (each 0-10).",
                example: "ons4 4 5 3 7"
            ) { arguments in
                let scores = ["SATISFIED", "WORTHWHILE", "HAPPY", "ANXIOUS"].map { arguments.positional($0, .integer(0...10)) }
                let day = arguments.option("on", .pastDate, "when (default today)")
                let baseline = arguments.flag("baseline", "mark as the baseline (the first is by default)")
                return { invocation, session in
                    let values = try scores.map { try invocation[$0] }
                    try session.apply(
                        .recordONS4(
                            ONS4(lifeSatisfaction: values[0], worthwhile: values[1], happiness: values[2], anxiety: values[3]),
                            on: try invocation[day], baseline: try invocation[baseline]))
                    session.output.write(
                        WellbeingView.lines(try SectionCodec.read(SocialPrescribingSection.self, from: session.openPlan().plan).measures)
                            .joined(separator: "\n") + "\n")
                }
            })
        try registry.register(
            CommandSpec(
                "measure add", group: group, summary: "Record another measure (WEMWBS, SWEMWBS, MYCaW...) as entered; no scoring is invented.",
                example: "measure add SWEMWBS 21 --baseline"
            ) { arguments in
                let name = arguments.positional("NAME", .text)
                let score = arguments.positional("SCORE", .text)
                let day = arguments.option("on", .pastDate, "when (default today)")
                let baseline = arguments.flag("baseline", "mark as a baseline")
                return { invocation, session in
                    try session.apply(
                        .recordMeasure(try invocation[name], score: try invocation[score], on: try invocation[day], baseline: try invocation[baseline]))
                }
            })
    }

    /// `directory show`: every field the directory holds for one service.
    private static func showService(_ id: String, _ session: ShellSession) throws {
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
    }
}
