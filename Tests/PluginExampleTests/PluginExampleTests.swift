import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("The example plugin from docs/plugins.md")
struct PluginExampleTests {
    private func shell() throws -> (ShellSession, BufferedOutput, TemporaryDirectory) {
        let folder = try TemporaryDirectory()
        let plugins = try PluginHost([GratitudePlugin()])
        let output = BufferedOutput()
        let session = ShellSession(store: try PlanStore(path: folder.path("s.sqlite")),
                                   registry: try StandardCommands.registry(plugins: plugins.plugins), plugins: plugins,
                                   output: output, author: "test", now: { Fixtures.now }, makePlanID: { "CP-G1" })
        return (session, output, folder)
    }

    @Test("registers its command, section, rule and view, and they work together")
    func works() throws {
        let (session, output, folder) = try shell()
        defer { withExtendedLifetime(folder) {} }
        #expect(session.execute("new Ada Test"))
        #expect(session.execute("grateful A sunny walk"))
        #expect(session.execute("show roles"))
        #expect(output.results.contains("Gratitude journal\n-----------------\n- 2026-11-21: A sunny walk"))
        #expect(!session.execute("grateful Another one today"))
        #expect(output.errors == ["entry 2's day: there is already an entry for 2026-11-21"])
        #expect(session.execute("help"))
        #expect(output.results.contains("\nGratitude journal\n  grateful"))
    }

    @Test("a duplicate module, section key or command name fails at start-up with a clear message")
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
