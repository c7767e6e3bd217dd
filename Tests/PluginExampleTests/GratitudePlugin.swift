// The example module from docs/plugins.md: the code below is the guide's text (a test checks
// that the two are the same), compiled and run by the tests beside it.
import CarePlanCore
import CarePlanShell

/// The section: what the person is grateful for, one line per day, and when to check in.
struct GratitudeSection: PluginSection {
    static let moduleID = "gratitude-journal"

    var entries: [GratitudeEntry] = []
    var nextCheckIn: CalendarDate?

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
            seen.insert(entry.on).inserted
                ? nil
                : ValidationIssue(
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

/// The module's own kind of worklist item.
extension DueItemKind {
    static let gratitudeCheckIn: Self = "gratitude-check-in"
}

/// What the module puts on the caseload worklist: the next check-in.
struct GratitudeCheckIns: DueItemProvider {
    func dueItems(in plan: Plan) -> [DueItem] {
        guard let day = (try? SectionCodec.read(GratitudeSection.self, from: plan))?.nextCheckIn else { return [] }
        return [
            DueItem(
                source: GratitudeSection.moduleID, entryID: "check-in", kind: .gratitudeCheckIn,
                title: "gratitude check-in", owner: nil, dueOn: day)
        ]
    }
}

/// The module's edits, built here so any front end (the shell, a test) makes the same change.
extension PlanEdit {
    /// Records what the person is grateful for today.
    static func addGratitude(_ text: String) -> PlanEdit {
        .section(GratitudeSection.self, "gratitude") { section, _, context in
            section.entries.append(GratitudeEntry(on: context.today, text: text))
            return "gratitude for \(context.today)"
        }
    }

    /// Sets (or, with nil, clears) the day to check in on the journal.
    static func gratitudeCheckIn(on day: CalendarDate?) -> PlanEdit {
        .section(GratitudeSection.self, "gratitude check-in") { section, _, _ in
            section.nextCheckIn = day
            return "gratitude check-in \(day?.description ?? "(none)")"
        }
    }
}

/// The module itself: a section, a rule, a view, a worklist group and two commands that read
/// their typed arguments and apply an edit.
struct GratitudePlugin: CarePlanPlugin, ShellCommandProvider {
    static let id = GratitudeSection.moduleID
    static let title = "Gratitude journal"

    func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(GratitudeSection.self)
        registrar.rule(OneEntryADay())
        registrar.text(GratitudeText())
        try registrar.dueItems(GratitudeCheckIns(), kinds: [.gratitudeCheckIn: .group("Gratitude check-ins", .byWeekEnd)])
    }

    func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "grateful", group: Self.title, summary: "Record what the person is grateful for today.",
                example: "grateful A sunny walk with Ruth"
            ) { arguments in
                let text = arguments.positional("TEXT", .text, rest: true)
                return { invocation, session in try session.apply(.addGratitude(try invocation[text])) }
            })
        try registry.register(
            CommandSpec(
                "gratitude check-in", group: Self.title, summary: "Set the day to check in on the journal (\"\" clears it).",
                example: "gratitude check-in 2026-11-24"
            ) { arguments in
                let date = arguments.positional("DATE", ArgumentType.date.clearable)
                return { invocation, session in try session.apply(.gratitudeCheckIn(on: try invocation[date])) }
            })
    }
}
