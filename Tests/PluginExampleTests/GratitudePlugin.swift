// The example module from docs/plugins.md, compiled and run by the tests below.
import CarePlanCore
import CarePlanShell

/// The section: what the person is grateful for, one line per day.
struct GratitudeSection: PluginSection {
    static let moduleID = "gratitude-journal"

    var entries: [GratitudeEntry] = []

    init() {}
}

struct GratitudeEntry: Codable, Equatable, Sendable {
    var on: CalendarDate
    var text: String
}

/// A rule: no two entries on the same day.
struct OneEntryADay: PlanRule {
    func validate(_ plan: Plan, today: CalendarDate?) -> [ValidationIssue] {
        guard let section = try? SectionCodec.read(GratitudeSection.self, from: plan) else { return [] }
        var seen: Set<CalendarDate> = []
        return section.entries.enumerated().compactMap { index, entry in
            seen.insert(entry.on).inserted ? nil : ValidationIssue(
                .error, at: FieldPath("extensions.gratitude-journal.entries").appending(index).appending("on"),
                "there is already an entry for \(entry.on)")
        }
    }
}

/// What `show` and the text export add.
struct GratitudeText: PlanTextContribution {
    let title = "Gratitude journal"

    func lines(for plan: Plan, style: TextStyle) -> [String] {
        let entries = (try? SectionCodec.read(GratitudeSection.self, from: plan).entries) ?? []
        return entries.map { "- \(style.date($0.on)): \($0.text)" }
    }
}

/// The module itself: one section, one rule, one view, one command.
struct GratitudePlugin: CarePlanPlugin, ShellCommandProvider {
    static let id = GratitudeSection.moduleID
    static let title = "Gratitude journal"

    func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(GratitudeSection.self)
        registrar.rule(OneEntryADay())
        registrar.text(GratitudeText())
    }

    func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(CommandSpec(
            "grateful", group: Self.title, summary: "Record what the person is grateful for today.",
            positionals: [PositionalSpec("TEXT", .text, rest: true)], example: "grateful A sunny walk with Ruth"
        ) { invocation, session in
            let text = try invocation.required("TEXT")
            try session.apply(.section(GratitudeSection.self, "gratitude") { section, _, context in
                section.entries.append(GratitudeEntry(on: context.today, text: text))
                return "gratitude for \(context.today)"
            })
        })
    }
}
