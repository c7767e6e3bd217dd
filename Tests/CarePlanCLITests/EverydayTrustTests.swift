import CareCoordination
import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation
import HealthCoaching
import SocialPrescribing
import Testing
@testable import careplan

/// The everyday failures that make staff stop trusting a tool: two plans for one person,
/// the wrong person found, dates that cannot be right, history that misleads.
@Suite("Everyday trust")
struct EverydayTrustTests {
    /// Every role module careplan loads, so a new module is covered here without a change.
    static let modules: [any CarePlanPlugin] = roleModules

    // MARK: One NHS number, one plan

    @Test("set nhs refuses a number another plan has, naming that plan and not the number")
    func setNHSDuplicate() throws {
        let shell = try ShellHarness()
        #expect(shell.run(["new Ada Test --nhs 9434765919", "new Bea Test"]))
        #expect(!shell.session.execute("set nhs 943 476 5919"))
        let error = try #require(shell.output.errors.last)
        #expect(error == "plan CP-TEST1 already has this NHS number: one person has one plan; open CP-TEST1 instead")
        #expect(!error.contains("943") && !error.contains("9434765919"))
        #expect(try shell.plan().person.nhsNumber == nil)
    }

    @Test("import refuses a plan whose NHS number another plan has")
    func importDuplicate() throws {
        let folder = try TemporaryDirectory()
        let store = try PlanStore(path: folder.path("s.sqlite"))
        var first = Plan(id: "CP-ONE", person: Person(name: "Ada Test"))
        first.person.nhsNumber = NHSNumber("9434765919")
        var second = first
        second.id = "CP-TWO"
        let outcomes = try store.importPlans([first, second], author: "t", at: Fixtures.now, replace: false)
        #expect(outcomes.count == 2)
        #expect(outcomes[1] == .refused(.duplicateNHSNumber(planID: "CP-TWO", heldBy: "CP-ONE")))
        #expect(try store.count() == 1)
    }

    @Test("a second plan with the same name and date of birth needs a yes, or --force in a script")
    func sameNameAndBirth() throws {
        let shell = try ShellHarness()
        #expect(shell.run(["new Ada Test --dob 1941-06-09"]))
        #expect(!shell.session.execute("new ada  TEST --dob 09/06/1941"))
        #expect(
            shell.output.errors.last
                == "new: plan CP-TEST1 is for someone with the same name and date of birth; make another plan anyway: open CP-TEST1, or add --force to make another"
        )
        #expect(try shell.store.count() == 1)
        var asked: [String] = []
        shell.session.confirm = { question in
            asked.append(question); return false
        }
        #expect(!shell.session.execute("new Ada Test --dob 1941-06-09"))
        #expect(asked == ["plan CP-TEST1 is for someone with the same name and date of birth; make another plan anyway?"])
        shell.session.confirm = { _ in true }
        #expect(shell.session.execute("new Ada Test --dob 1941-06-09"))
        #expect(shell.session.execute("new Ada Test --dob 1941-06-09 --force"))
        #expect(try shell.store.count() == 3)
    }

    // MARK: Finding people

    @Test("a plan is found by phone, postcode, outward code or date of birth; several matches are listed to choose from")
    func finding() throws {
        let shell = try ShellHarness()
        #expect(
            shell.run([
                "new Ada Lovelace --dob 1941-06-09", "set phone 01632 960 118", "set postcode hx7 8ab",
                "new Ada Byron --dob 1950-01-02", "set phone +44 1632 960 222", "set postcode HX7 9ZZ", "close",
            ]))
        for (query, name) in [
            ("01632960118", "Ada Lovelace"), ("+44 (1632) 960-118", "Ada Lovelace"), ("HX78AB", "Ada Lovelace"),
            ("09/06/1941", "Ada Lovelace"), ("1950-01-02", "Ada Byron"), ("01632 960222", "Ada Byron"),
            ("cp-test2", "Ada Byron"),
        ] {
            #expect(shell.session.execute("open \(query)"), "\(query)")
            #expect(try shell.plan().person.name == name, "\(query)")
        }
        #expect(!shell.session.execute("open hx7"))
        #expect(shell.output.errors.last == "2 plans match; choose one by its id (CP-TEST2, CP-TEST1)")
        #expect(shell.output.results.contains("CP-TEST1  Ada Lovelace  1941-06-09"))
        #expect(!shell.session.execute("open 01632 000 000"))
        #expect(shell.output.errors.last == "no plan has that phone number")
    }

    @Test("plans shows the date of birth so two people with one name can be told apart")
    func listingShowsBirth() throws {
        let shell = try ShellHarness()
        #expect(shell.run(["new Sam Jones --dob 1960-03-04", "new Sam Jones --dob 1971-05-06", "plans sam"]))
        #expect(shell.output.results.contains("ID        NAME       BORN        NHS NUMBER  STATUS  REV"))
        #expect(shell.output.results.contains("CP-TEST1  Sam Jones  1960-03-04  -"))
        #expect(shell.output.results.contains("CP-TEST2  Sam Jones  1971-05-06  -"))
    }

    @Test("the whole-store listing streams a row at a time and lines up exactly as a table of every row")
    func streamedListing() throws {
        let shell = try ShellHarness()
        #expect(
            shell.run([
                "new Bo", "new Anastasia Papadopoulou-Smythe --dob 1950-02-03 --nhs 9434765919", "status completed",
                "new Zoë \u{1B}[2J Brown",
            ]))
        var streamed = ""
        let count = try PlanListing.stream(shell.store) { streamed += $0 }
        #expect(count == 3)
        #expect(streamed == PlanListing.table(try shell.store.list()))
    }

    // MARK: Dates

    @Test(
        "happened dates cannot be ahead; planned dates can; UK dates are read; two-digit years get a suggestion",
        arguments: [
            ("new Ann Test --dob 2030-01-01", false),
            ("review held 2026-11-22", false),
            ("review plan 2027-01-10", true),
            ("goal add Walk --target 31/12/2027", true),
            ("goal add Walk --target 31/12/27", false),
            ("ons4 4 5 3 7 --on 22/11/2026", false),
            ("ons4 4 5 3 7 --on 20/11/2026", true),
            ("task status T1 done --on 2026-11-22", false),
            ("task status T1 done --on 2026-11-20", true),
            ("track status K1 attended --on 2026-11-22", false),
            ("track status K1 rebooked --on 2026-12-22", true),
            ("cancer refer lung --on 2026-11-30", false), ("cancer refer lung --on 2026-11-20", true),
        ])
    func dates(_ line: String, _ accepted: Bool) throws {
        let shell = try ShellHarness(plugins: Self.modules)
        #expect(shell.run(["new Ada Test", "task add Chase", "track add Scan --on 2026-11-20 --status booked"], bail: true))
        #expect(shell.session.execute(line) == accepted, "\(shell.output.errors)")
    }

    @Test("a missed appointment keeps its own date; rebooking adds a step; attended straight after a miss is refused")
    func missedAppointment() throws {
        let shell = try ShellHarness(plugins: Self.modules, now: Fixtures.instant("2026-11-25"))
        #expect(
            shell.run(
                [
                    "new Ada Test", "track add Oncology clinic --on 2026-11-20 --status booked",
                    "track status K1 did-not-attend --on 2026-11-20",
                ], bail: true), "\(shell.output.errors)")
        #expect(!shell.session.execute("track status K1 attended --on 2026-11-21"))
        #expect(shell.output.errors.last == "K1 is did not attend; it can move to rebooked, booked, to-book")
        #expect(shell.session.execute("track status K1 rebooked --on 2026-11-27"))
        let section = try SectionCodec.read(CareCoordinationSection.self, from: shell.plan())
        let item = try #require(section.tracked.first)
        #expect(item.history.map(\.status) == [.booked, .didNotAttend, .rebooked])
        #expect(item.history.map(\.on.description) == ["2026-11-25", "2026-11-20", "2026-11-25"])
        #expect(item.on?.description == "2026-11-27")
    }

    // MARK: Words staff use

    @Test("help suggests the command meant, and every help page fits 80 columns, module commands included")
    func helpFits() throws {
        let shell = try ShellHarness(plugins: Self.modules)
        #expect(shell.session.execute("help gaol"))
        #expect(shell.output.results == "no command named gaol; did you mean goal? (help goal)\n")
        var pages = [HelpTextProbe.overview(shell)]
        for command in shell.session.registry.commands {
            let before = shell.output.results.count
            #expect(shell.session.execute("help \(command.name)"))
            pages.append(String(shell.output.results.dropFirst(before)))
        }
        let wide = pages.flatMap { $0.split(separator: "\n") }.filter { $0.count > 80 }
        #expect(wide == [])
    }

    @Test("shell messages name fields in plain words; warnings too")
    func plainWords() throws {
        let shell = try ShellHarness(plugins: Self.modules)
        #expect(shell.run(["new Ada Test", "goal add Walk", "set postcode nowhere"]))
        #expect(shell.output.results.contains("  warning: goal G1's target date: goal G1 has no target date"))
        #expect(shell.output.results.contains("  warning: address postcode: does not look like a UK postcode"))
        #expect(!shell.output.results.contains("goals[0]"))
        #expect(FieldPath("review.nextReviewOn").plainWords() == "review date")
        #expect(FieldPath("extensions.care-coordination.cancerPathway.treatmentStartedOn").plainWords() == "cancer pathway treatment start")
    }

    // MARK: History

    @Test("entry ids are never issued twice, after undo or restore, core and module alike")
    func idsNeverReused() throws {
        let shell = try ShellHarness(plugins: Self.modules)
        #expect(shell.run(["new Ada Test", "goal add Walk", "task add Chase", "undo", "undo", "goal add Swim", "task add Ring"]))
        let plan = try shell.plan()
        #expect(plan.goals.map(\.id.description) == ["G2"])
        #expect(try SectionCodec.read(CareCoordinationSection.self, from: plan).tasks.map(\.id) == ["T2"])
        #expect(shell.run(["restore 1", "goal add Read"]))
        #expect(try shell.plan().goals.map(\.id.description) == ["G3"])
    }

    @Test("after a conflict and reload, undo takes back only this session's change")
    func undoAfterReload() throws {
        let shell = try ShellHarness()
        #expect(shell.run(["new Ada Test", "strength add Cheerful", "goal add Walk"]))
        let open = try shell.session.openPlan()
        var theirs = open.plan
        theirs.person.phone = "01632 960 999"
        try shell.store.commit(theirs, basedOn: open.revision, author: "priya", summary: "phone", at: Fixtures.now)
        #expect(shell.run(["show"]))
        #expect(
            shell.output.results.contains(
                "NOTE: this is revision 3 as you opened it; priya has changed the plan since (now revision 4). Type reload to see the latest."))
        #expect(shell.run(["reload", "undo"]), "\(shell.output.errors)")
        let plan = try shell.plan()
        #expect(plan.goals.isEmpty)
        #expect(plan.strengths.map(\.text) == ["Cheerful"])
        #expect(plan.person.phone == "01632 960 999")
    }

    @Test("undo refuses, naming the entry, when someone else changed the same entry since")
    func undoConflict() throws {
        let shell = try ShellHarness()
        #expect(shell.run(["new Ada Test", "goal add Walk", "goal edit G1 Walk daily"]))
        let open = try shell.session.openPlan()
        var theirs = open.plan
        theirs.goals[0].description = "Walk twice a day"
        try shell.store.commit(theirs, basedOn: open.revision, author: "priya", summary: "edit", at: Fixtures.now)
        #expect(shell.run(["reload"]))
        #expect(!shell.session.execute("undo"))
        #expect(shell.output.errors.last == "cannot undo: someone else has changed the same part since (goals[G1].description); nothing was changed")
        #expect(try shell.plan().goals.map(\.description) == ["Walk twice a day"])
    }
}

/// The help overview as the shell prints it.
enum HelpTextProbe {
    static func overview(_ shell: ShellHarness) -> String {
        let before = shell.output.results.count
        shell.session.execute("help")
        return String(shell.output.results.dropFirst(before))
    }
}
