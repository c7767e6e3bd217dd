import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("The example plugin from docs/plugins.md")
struct PluginExampleTests {
    @Test("registers its command, section, rule and view, and they work together")
    func works() throws {
        let shell = try ShellHarness(plugins: [GratitudePlugin()])
        shell.run(["new Ada Test", "grateful A sunny walk", "show roles"])
        #expect(shell.output.results.contains("Gratitude journal\n-----------------\n- 2026-11-21: A sunny walk"))
        #expect(!shell.session.execute("grateful Another one today"))
        #expect(shell.output.errors == ["entry 2's day: there is already an entry for 2026-11-21"])
        #expect(shell.session.execute("help"))
        #expect(shell.output.results.contains("\nGratitude journal\n  grateful"))
    }

    @Test("its own kind of item shows in its own worklist group, after the core's groups; the core's work groups do not show it")
    func worklistGroup() throws {
        let shell = try ShellHarness(plugins: [GratitudePlugin()])
        shell.run([
            "new Ada Test", "gratitude check-in 2026-11-24", "action add Ring Ada --due 2026-11-23",
            "close", "worklist --today 2026-11-21",
        ])
        let worklist = try #require(shell.output.results.split(separator: "Worklist for").last).description
        let titles = worklist.split(separator: "\n").filter { !$0.hasPrefix(" ") && $0.contains("(") }.map(String.init)
        #expect(
            titles == [
                "Overdue (0)", "Due today (0)", "Due this week (1)", "Reviews due (0)", "Referral answers overdue (0)",
                "Referral answers we owe (0)", "Accepted, waiting for a first contact (0)", "Gratitude check-ins (1)",
            ])
        #expect(
            worklist.contains(
                "Gratitude check-ins (1)\n  DUE         PLAN      NAME      ID        WHAT                OWNER\n"
                    + "  2026-11-24  CP-TEST1  Ada Test  check-in  gratitude check-in  -\n"))
    }

    @Test("the worklist index follows the modules loaded: a store opened without the module drops its items, and with it finds them again")
    func indexFollowsModules() throws {
        let shell = try ShellHarness(plugins: [GratitudePlugin()])
        shell.run(["new Ada Test", "gratitude check-in 2026-11-24"])
        let group = try #require(try PluginHost([GratitudePlugin()]).worklistGroups(today: Fixtures.today)?.last)
        #expect(group.title == "Gratitude check-ins")
        #expect(try shell.store.dueItemTotal(group) == 1)
        // Opened by a build without the module, then committed to: the index holds core items only.
        let coreOnly = try PlanStore(path: shell.store.path)
        #expect(try coreOnly.dueItemTotal(group) == 0)
        let withModule = try PlanStore(path: shell.store.path, dueItems: try PluginHost([GratitudePlugin()]).dueItemIndex)
        #expect(try withModule.dueItemTotal(group) == 1)
    }

    @Test("the guide's example is exactly the code compiled here")
    func guideMatchesCode() throws {
        let guide = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/plugins.md"), encoding: .utf8)
        let code = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Tests/PluginExampleTests/GratitudePlugin.swift"),
            encoding: .utf8)
        let start = try #require(guide.range(of: "```swift\n/// The section"))
        let end = try #require(guide.range(of: "\n```\n", range: start.upperBound..<guide.endIndex))
        let example = String(guide[guide.index(start.lowerBound, offsetBy: "```swift\n".count)..<end.lowerBound]) + "\n"
        let compiled = try #require(code.range(of: "/// The section")).lowerBound
        #expect(example == String(code[compiled...]))
        #expect(code.contains("import CarePlanCore\nimport CarePlanShell\n\n") && !code.contains("import CarePlanStore"))
    }

    @Test("a duplicate module, section key, due item kind or command name fails at start-up with a clear message")
    func duplicates() throws {
        #expect(throws: PluginError("the module \"gratitude-journal\" is listed twice")) {
            try PluginHost([GratitudePlugin(), GratitudePlugin()])
        }
        struct Impostor: CarePlanPlugin {
            static let id = "impostor"
            static let title = "Impostor"
            func register(into registrar: inout PluginRegistrar) throws(PluginError) {
                try registrar.section(GratitudeSection.self)
            }
        }
        #expect(throws: PluginError("two modules register the plan section \"gratitude-journal\"")) {
            try PluginHost([GratitudePlugin(), Impostor()])
        }
        struct KindClash: CarePlanPlugin {
            static let id = "kind-clash"
            static let title = "Clash"
            let kind: DueItemKind
            let placement: WorklistPlacement
            func register(into registrar: inout PluginRegistrar) throws(PluginError) {
                try registrar.dueItems(GratitudeCheckIns(), kinds: [kind: placement])
            }
        }
        #expect(throws: PluginError("two modules declare the due item kind \"gratitude-check-in\"")) {
            try PluginHost([GratitudePlugin(), KindClash(kind: .gratitudeCheckIn, placement: .work)])
        }
        #expect(throws: PluginError("two modules declare the due item kind \"review\"")) {
            try PluginHost([KindClash(kind: .review, placement: .work)])
        }
        #expect(throws: PluginError("\"Check In\" is not a valid due item kind (lower-case words joined by hyphens)")) {
            try PluginHost([KindClash(kind: "Check In", placement: .work)])
        }
        #expect(throws: PluginError("the worklist group \"Overdue\" is the core's; declare the kind \"late\" as .work")) {
            try PluginHost([KindClash(kind: "late", placement: .group("Overdue", .overdue))])
        }
        struct NoteClash: CarePlanPlugin, ShellCommandProvider {
            static let id = "note-clash"
            static let title = "Clash"
            func register(into registrar: inout PluginRegistrar) throws(PluginError) {}
            func registerCommands(into registry: inout CommandRegistry) throws(ShellError) {
                try registry.register(CommandSpec("note", group: "Clash", summary: "x", example: "note") { _, _ in })
            }
        }
        #expect(throws: ShellError("two commands are named \"note\"")) {
            try StandardCommands.registry(plugins: [NoteClash()])
        }
    }
}
