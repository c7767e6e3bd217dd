import CareCoordination
import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

/// The shared harness with the care coordination module, Sam Osei at the keyboard.
func ccHarness() throws -> ShellHarness {
    try ShellHarness(author: "Sam Osei", plugins: [CareCoordinationPlugin()], planIDPrefix: "CP-CC")
}

@Suite("Care coordination")
struct CareCoordinationTests {
    @Test("a CC adds tasks across several plans; the worklist for an injected today shows exactly what is overdue and due")
    func worklist() throws {
        let shell = try ccHarness()
        #expect(
            shell.run(
                bail: true,
                [
                    "new Edith Lloyd",
                    "task add Chase falls clinic letter --due 2026-11-18 --priority high",
                    "task add Ring Ruth about the sitting service --due 2026-11-21",
                    "task add Done already --due 2026-11-10",
                    "task status T3 done --note Sorted",
                    "review plan 2026-11-24 --by \"Sam Osei\"",
                    "status active",
                    "new Jamal Hussain",
                    "refer cc Pathway support --respond-by 2026-11-24",
                    "task add Book interpreter for oncology --due 2026-11-26 --owner \"Nadia Begum\"",
                    "track add Colonoscopy --where \"Westshire General\" --on 2026-11-23 --status booked",
                    "action add Send work and cancer leaflet --who \"Sam Osei\" --due 2026-11-20",
                    "new Dev Patel",
                    "task add Phone Dev's wife back --due 2026-11-25",
                    "task add Send diabetes course dates --due 2026-12-01",
                    "task add Far future --due 2026-12-30",
                    "worklist --today 2026-11-25",
                ]), "\(shell.output.errors)")
        let worklist = String(shell.output.results.split(separator: "Worklist for").last ?? "")
        #expect(
            worklist == """
                 2026-11-25

                Overdue (4)
                  DUE         PLAN    NAME          ID  WHAT                            OWNER
                  2026-11-18  CP-CC1  Edith Lloyd   T1  Chase falls clinic letter (hi…  Sam Osei
                  2026-11-20  CP-CC2  Jamal Hussa…  A1  Send work and cancer leaflet    Sam Osei
                  2026-11-21  CP-CC1  Edith Lloyd   T2  Ring Ruth about the sitting s…  Sam Osei
                  2026-11-23  CP-CC2  Jamal Hussa…  K1  Colonoscopy (booked)            -

                Due today (1)
                  DUE         PLAN    NAME       ID  WHAT                   OWNER
                  2026-11-25  CP-CC3  Dev Patel  T1  Phone Dev's wife back  Sam Osei

                Due this week (2)
                  DUE         PLAN    NAME          ID  WHAT                          OWNER
                  2026-11-26  CP-CC2  Jamal Hussa…  T1  Book interpreter for oncolo…  Nadia Beg…
                  2026-12-01  CP-CC3  Dev Patel     T2  Send diabetes course dates    Sam Osei

                Reviews due (1)
                  DUE         PLAN    NAME         ID      WHAT         OWNER
                  2026-11-24  CP-CC1  Edith Lloyd  review  plan review  Sam Osei

                Referral answers overdue (1)
                  DUE         PLAN    NAME           ID  WHAT                      OWNER
                  2026-11-24  CP-CC2  Jamal Hussain  R1  answer to referral to CC  Sam Osei

                Referral answers we owe (1)
                  DUE         PLAN    NAME          ID  WHAT                               OWNER
                  2026-11-24  CP-CC2  Jamal Hussa…  E1  answer the referral from Sam Osei  -

                Accepted, waiting for a first contact (0)
                  none

                """)
        #expect(shell.run(bail: true, ["worklist --today 2026-11-25 --owner \"nadia begum\""]))
        let mine = String(shell.output.results.split(separator: "Worklist for").last ?? "")
        #expect(mine.contains("Book interpreter for onco"))
        for line in (worklist + mine).split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        #expect(!mine.contains("Chase falls clinic"))
    }

    @Test("worklist --limit cuts each group and says how many more; a large limit lists every row, laid out as one table")
    func worklistLimit() throws {
        let shell = try ccHarness()
        let tasks = (1...7).map { "task add Call number \($0) --due 2026-11-1\($0)" }
        #expect(shell.run(bail: true, ["new Edith Lloyd"] + tasks + ["worklist --today 2026-11-25 --limit 3"]), "\(shell.output.errors)")
        let cut = String(shell.output.results.split(separator: "Worklist for").last ?? "")
        #expect(
            cut.contains(
                """
                Overdue (7)
                  DUE         PLAN    NAME         ID  WHAT           OWNER
                  2026-11-11  CP-CC1  Edith Lloyd  T1  Call number 1  Sam Osei
                  2026-11-12  CP-CC1  Edith Lloyd  T2  Call number 2  Sam Osei
                  2026-11-13  CP-CC1  Edith Lloyd  T3  Call number 3  Sam Osei
                  ... and 4 more (use --limit or --owner)

                """))
        #expect(
            shell.run(bail: true, ["task add A much longer thing to chase than the others --due 2026-11-19", "worklist --today 2026-11-25 --limit 100000"]))
        let all = String(shell.output.results.split(separator: "Worklist for").last ?? "")
        let rows = all.split(separator: "\n").filter { $0.hasPrefix("  2026-11-1") }
        #expect(rows.count == 8)
        #expect(!all.contains("more (use --limit"))
        // Every row is laid out with the same columns, the longest title setting the width.
        #expect(Set(rows.map { $0.distance(from: $0.startIndex, to: $0.range(of: "Sam Osei")?.lowerBound ?? $0.startIndex) }).count == 1)
    }

    @Test("reopening a done task needs a note")
    func reopen() throws {
        let shell = try ccHarness()
        #expect(shell.run(bail: true, ["new Ada Test", "task add Call GP --due 2026-11-22", "task status T1 done --note Called"]))
        #expect(!shell.session.execute("task status T1 to-do"))
        #expect(shell.output.errors.last == "T1 is done: reopening it needs --note saying why")
        #expect(Completer(session: shell.session).complete("task status ") == ["T1"])
        #expect(Completer(session: shell.session).complete("task status T1 ") == ["cancelled", "done", "in-progress", "to-do", "waiting"])
        #expect(shell.run(bail: true, ["task status T1 to-do --note \"GP did not call back\""]))
        let section = try SectionCodec.read(CareCoordinationSection.self, from: shell.session.openPlan().plan)
        #expect(section.tasks[0].history.map(\.status) == [.toDo, .done, .toDo])
        #expect(section.tasks[0].completionNote == nil)
    }
}
