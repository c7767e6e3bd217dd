import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing
@testable import careplan

/// One worklist for every role, fed by every module (issue 9, item 5).
@Suite("Each role's worklist")
struct RoleWorklistTests {
    /// What `line` printed.
    static func output(_ shell: ShellHarness, _ line: String) -> String {
        let before = shell.output.results.count
        #expect(shell.session.execute(line), "\(line): \(shell.output.errors.last ?? "")")
        return String(shell.output.results.dropFirst(before))
    }

    static func plans() throws -> ShellHarness {
        let shell = try ShellHarness(author: "Aisha Rahman", plugins: roleModules)
        #expect(
            shell.run(
                bail: true,
                [
                    "new Ada Test",
                    "contact add professional Aisha Rahman --role \"Social Prescribing Link Worker\"", "contact key-worker C1",
                    "link add Sing Together --for loneliness-and-isolation --referral --follow-up 2026-11-24",
                    "new Bea Test",
                    "contact add professional Tom Hale --role \"Health and Wellbeing Coach\"", "contact key-worker C1",
                    "coach goal Walk to the shops --by 2026-11-10",
                    "coach goal Cook twice a week --by 2026-11-12",
                    "coach session 2026-11-18 --progress CG2=10 --next-session 2026-11-25",
                    "new Cy Test",
                    "task add Chase the clinic letter --due 2026-11-23 --owner \"Sam Osei\"",
                    "cancer refer lung --on 2026-11-02",
                ]), "\(shell.output.errors)")
        return shell
    }

    @Test("the link worker sees link follow-ups, the coach sessions and goals past target, the coordinator tasks and cancer items")
    func roles() throws {
        let shell = try Self.plans()
        let all = Self.output(shell, "worklist --today 2026-11-23")
        for item in ["follow up Sing Together", "next coaching session", "Walk to the shops", "Chase the clinic letter", "lung: outcome due"] {
            #expect(all.contains(item), "\(item)")
        }
        // A goal the latest review shows as reached (progress 10) is not past its target.
        #expect(!all.contains("Cook twice a week"))
        #expect(all.contains("Coaching goals past their target (1)"))
        let splw = Self.output(shell, "worklist --today 2026-11-23 --role splw")
        #expect(splw.contains("follow up Sing Together"))
        #expect(!splw.contains("coaching") && !splw.contains("Chase the clinic") && !splw.contains("cancer"))
        let hwbc = Self.output(shell, "worklist --today 2026-11-23 --role hwbc")
        #expect(hwbc.contains("next coaching session") && hwbc.contains("Coaching goals past their target (1)"))
        #expect(!hwbc.contains("Sing Together") && !hwbc.contains("Chase the clinic"))
        let cc = Self.output(shell, "worklist --today 2026-11-23 --role cc")
        #expect(cc.contains("Chase the clinic letter") && cc.contains("Suspected cancer awaiting an outcome (1)"))
        #expect(!cc.contains("Sing Together") && !cc.contains("coaching"))
        for line in (all + splw + hwbc + cc).split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test("--mine is the items owned by whoever is typing and those no one owns; module items belong to the plan's key worker")
    func mine() throws {
        let shell = try Self.plans()
        let mine = Self.output(shell, "worklist --today 2026-11-23 --mine")
        #expect(mine.contains("follow up Sing Together"))
        // Cy Test has no key worker: items no one owns are in everyone's --mine, so a
        // safety-netted referral is never out of sight.
        #expect(mine.contains("lung: outcome due"))
        #expect(mine.hasPrefix("Worklist for 2026-11-23 (owner: Aisha Rahman, and items no one owns)"))
        #expect(!mine.contains("next coaching session") && !mine.contains("Chase the clinic letter"))
        // --owner is exact: only what that person owns.
        #expect(!Self.output(shell, "worklist --today 2026-11-23 --owner \"Aisha Rahman\"").contains("lung: outcome due"))
        #expect(Self.output(shell, "worklist --today 2026-11-23 --owner \"tom hale\"").contains("next coaching session"))
        #expect(!shell.session.execute("worklist --mine --owner Tom"))
        #expect(shell.output.errors.last == "worklist: give --mine or --owner, not both")
        #expect(!shell.session.execute("worklist --role nurse"))
        #expect(shell.output.errors.last == "worklist: --role: expected one of splw, hwbc, cc, got nurse")
    }
}
