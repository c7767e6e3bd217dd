import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("Shell behaviour")
struct ShellBehaviourTests {
    private func harnessWithPlan() throws -> ShellHarness {
        let shell = try ShellHarness()
        #expect(
            shell.run([
                "new Ada Test --nhs 9434765919",
                "need add Lonely --domain emotional --score 6",
                "goal add Join a club --need N1 --target 2027-01-01",
                "action add Find a club --goal G1",
            ]))
        return shell
    }

    @Test(
        "bad input never crashes, never changes the plan, and gives a one-line reason",
        arguments: [
            ("frobnicate", "unknown command frobnicate; type help for a list"),
            ("gaol add x", "unknown command gaol; did you mean goal? (type help for a list)"),
            ("goal", "goal: expected one of add, edit, status, link, unlink after goal"),
            (
                "goal add",
                "goal add: missing TEXT; usage: goal add TEXT... [--need Nn,...] [--importance 1-10] [--confidence 1-10] [--target DATE] [--measure TEXT] [--outcome TEXT]"
            ),
            (
                "goal add Walk --target 31/12/26",
                "goal add: --target: expected a date like 2026-12-31 or 31/12/2026, got 31/12/26: write the year in full; did you mean 2026-12-31?"
            ),
            ("goal add Walk --target 2026-02-30", "goal add: --target: expected a date like 2026-12-31 or 31/12/2026, got 2026-02-30 (there is no such day)"),
            ("goal add Walk --target 30/02/2027", "goal add: --target: expected a date like 2026-12-31 or 31/12/2026, got 30/02/2027 (there is no such day)"),
            ("set dob 2026-11-22", "date of birth: 2026-11-22 is in the future; record what happened once it has happened (today is 2026-11-21)"),
            ("new Someone Else --nhs 9434765919", "plan CP-TEST1 already has this NHS number: one person has one plan; open CP-TEST1 instead"),
            ("need add Worry --domain emotional --score 11", "need add: --score: expected a whole number from 0 to 10, got 11"),
            (
                "need add Worry --domain money",
                "need add: --domain: expected one of physical, emotional, practical, financial, family-and-relationships, spiritual, lifestyle-and-information, housing-and-social, got money"
            ),
            ("goal status G9 active", "there is no goal G9 in this plan"),
            ("action add Call --goal G7", "there is no goal G7 in this plan"),
            ("goal status N1 active", "goal status: ID: expected a goal id (G1...), got N1"),
            ("goal add Walk --need", "goal add: --need needs a value (Nn,...)"),
            ("nwe Ada", "unknown command nwe; did you mean new? (type help for a list)"),
            ("goal stauts G1 active", "goal stauts: did you mean goal status? (after goal: add, edit, status, link, unlink)"),
            ("need add Worry", "need add: --domain is required; usage: need add TEXT... --domain VALUE [--score 0-10] [--raised DATE]"),
            ("frob\u{1B}]52;c;aGk=\u{07}", "unknown command frob\\u{1B}]52;c;aGk=\\u{7}; type help for a list"),
            ("set nhs 9434765918", "set nhs: not a valid NHS number: the check digit does not match (Modulus 11)"),
            ("remove N1", "N1 is linked from G1; unlink or remove those first"),
            ("referral status R1 accepted", "there is no referral R1 in this plan"),
            (
                "goal add Walk --colour red",
                "goal add: unknown option --colour (it takes --need, --importance, --confidence, --target, --measure, --outcome); to keep it as text, put the text in quotes"
            ),
            ("set name \"\"", "set name: the person's name cannot be empty"),
        ])
    func badInput(_ line: String, _ reason: String) throws {
        let shell = try harnessWithPlan()
        let before = try shell.session.openPlan()
        #expect(!shell.session.execute(line))
        let after = try shell.session.openPlan()
        #expect(after.plan == before.plan)
        #expect(after.revision == before.revision)
        #expect(try shell.store.load(before.plan.id).revision.number == before.revision)
        #expect(shell.output.errors == [reason])
    }

    @Test("errors in a script name the line they came from")
    func scriptLineNumbers() throws {
        let shell = try ShellHarness()
        #expect(!shell.run(["new Ada Test", "# a comment", "need add x --domain nowhere"], source: "visit.cp"))
        #expect(shell.output.errors.first?.hasPrefix("visit.cp:3: need add: --domain: expected one of") == true)
    }

    @Test("commands that need a plan say so when none is open")
    func needsPlan() throws {
        let shell = try ShellHarness()
        #expect(!shell.session.execute("goal add Walk"))
        #expect(shell.output.errors == ["goal add: no plan is open; use open PLAN or new NAME"])
    }

    @Test("undo and redo move between revisions, each kept as a new revision")
    func undoRedo() throws {
        let shell = try harnessWithPlan()
        let id = try shell.session.openPlan().plan.id
        #expect(shell.run(["strength add Cheerful", "undo"]))
        #expect(try shell.session.openPlan().plan.strengths.isEmpty)
        #expect(shell.run(["redo"]))
        #expect(try shell.session.openPlan().plan.strengths.map(\.text) == ["Cheerful"])
        #expect(try shell.store.history(of: id).suffix(3).map(\.summary) == ["add strength S1", "undo: add strength S1", "redo: add strength S1"])
        #expect(!shell.run(["redo"]))
        #expect(shell.output.errors.last == "test:1: nothing to redo")
        #expect(shell.run(["undo", "undo", "undo"]))
        #expect(try shell.session.openPlan().plan.goals.isEmpty)
    }

    @Test("restore makes an earlier revision current without losing later ones")
    func restore() throws {
        let shell = try harnessWithPlan()
        let id = try shell.session.openPlan().plan.id
        #expect(shell.run(["restore 2"]))
        let current = try shell.session.openPlan()
        #expect(current.plan.goals.isEmpty)
        #expect(current.plan.needs.count == 1)
        #expect(current.revision == 5)
        #expect(try shell.store.load(id, revision: 4).plan.actions.count == 1)
    }

    @Test("a colleague's change to other entries is merged with mine; both are kept and nothing is overwritten")
    func concurrentEditsMerge() throws {
        let shell = try harnessWithPlan()
        #expect(shell.run(["goal add Walk to the shops", "goal add Join a choir"]))
        let open = try shell.session.openPlan()
        var theirs = open.plan
        theirs.person.phone = "01632 960 999"
        theirs.goals[2].description = "Join the Tuesday choir"
        // They also added a goal, which took the next id (G4), as mine will.
        theirs.goals.append(Goal(id: theirs.issueID(.goal), description: "Their goal"))
        try shell.store.commit(theirs, basedOn: open.revision, author: "priya", summary: "theirs", at: Fixtures.now)

        #expect(shell.run(["note Called Ada", "goal edit G2 Walk to the shops and back", "goal add My goal"]), "\(shell.output.errors)")
        #expect(shell.output.results.contains("merged with priya's change (revision \(open.revision + 1))"))
        let stored = try shell.store.load(open.plan.id).plan
        #expect(stored.person.phone == "01632 960 999")
        #expect(stored.notes.map(\.text) == ["Called Ada"])
        #expect(stored.goals.map(\.description) == ["Join a club", "Walk to the shops and back", "Join the Tuesday choir", "Their goal", "My goal"])
        #expect(stored.goals.map(\.id.description) == ["G1", "G2", "G3", "G4", "G5"])
        #expect(try shell.plan() == stored)
    }

    @Test("need edit with a raised date in the future is refused and keeps the date it had (it used to clear it)")
    func needRaisedInFuture() throws {
        let shell = try harnessWithPlan()
        let before = try shell.plan().needs[0].raisedOn
        #expect(before != nil)
        #expect(!shell.session.execute("need edit N1 --raised 2030-01-01"))
        #expect(shell.output.errors.last?.contains("2030-01-01 is in the future") == true, "\(shell.output.errors)")
        #expect(try shell.plan().needs[0].raisedOn == before)
    }

    @Test("when a colleague changed the same entry, my change is refused naming it, and theirs is kept")
    func sameEntryConflict() throws {
        let shell = try harnessWithPlan()
        #expect(shell.run(["goal add Walk"]))
        let open = try shell.session.openPlan()
        var theirs = open.plan
        theirs.goals[0].description = "Walk daily"
        try shell.store.commit(theirs, basedOn: open.revision, author: "priya", summary: "edit", at: Fixtures.now)

        #expect(!shell.session.execute("goal edit G1 Walk twice a day"))
        let message = try #require(shell.output.errors.last)
        #expect(
            message == "conflict: priya changed goals[G1].description in plan \(open.plan.id) since you opened it "
                + "(revision \(open.revision), now \(open.revision + 1)); your change was not saved: type reload to see theirs, then again to make yours on top of it"
        )
        #expect(try shell.store.load(open.plan.id).plan.goals[0].description == "Walk daily")
        #expect(shell.run(["reload", "again"]))
        #expect(shell.output.results.contains("again: goal edit G1 Walk twice a day"))
        #expect(try shell.store.load(open.plan.id).plan.goals[0].description == "Walk twice a day")
    }

    @Test("referrals keep the date of every step and refuse impossible moves")
    func referralLifecycle() throws {
        let shell = try harnessWithPlan()
        #expect(
            shell.run([
                "refer service Walking group --service \"Walk Well\" --need N1 --on 2026-11-16",
                "referral status R1 accepted --on 2026-11-17",
                "referral status R1 did-not-attend --on 20/11/2026", "referral status R1 requested",
            ]))
        let referral = try #require(try shell.session.openPlan().plan.referrals.first)
        #expect(referral.history.map(\.status) == [.requested, .accepted, .didNotAttend, .requested])
        #expect(referral.history.map(\.on.description) == ["2026-11-16", "2026-11-17", "2026-11-20", "2026-11-21"])
        #expect(!shell.session.execute("referral status R1 accepted --on 2026-11-22"))
        #expect(
            shell.output.errors.last == "referral status: --on: 2026-11-22 is in the future; record what happened once it has happened (today is 2026-11-21)")
        #expect(!shell.session.execute("referral status R1 completed"))
        #expect(shell.output.errors.last == "R1 is requested; it can move to accepted, rejected, cancelled, declined-by-person")
    }

    @Test("names with escape sequences are shown harmlessly in views and the prompt")
    func escapeSequences() throws {
        let shell = try ShellHarness()
        #expect(shell.run(["new \"Eve\\u{1B}\" Test", "set name \"Eve \u{1B}[2J Smith\"", "show person"]))
        #expect(!shell.output.results.contains("\u{1B}"))
        #expect(shell.output.results.contains("Name: Eve \\u{1B}[2J Smith"))
        #expect(!shell.session.prompt.contains("\u{1B}"))
    }

    @Test("the prompt names the open plan")
    func prompt() throws {
        let shell = try harnessWithPlan()
        #expect(shell.session.prompt == "careplan CP-TEST1 Ada Test> ")
        #expect(shell.run(["close"]))
        #expect(shell.session.prompt == "careplan> ")
    }

    @Test("open finds a plan by NHS number or name; a duplicate NHS number is refused on new")
    func openAndNew() throws {
        let shell = try harnessWithPlan()
        #expect(shell.run(["close", "open 943 476 5919"]))
        #expect(try shell.session.openPlan().plan.person.name == "Ada Test")
        #expect(shell.run(["close", "open ada"]))
        #expect(!shell.session.execute("new Someone Else --nhs 9434765919"))
        #expect(shell.output.errors.last == "plan CP-TEST1 already has this NHS number: one person has one plan; open CP-TEST1 instead")
    }

    @Test("help lists every group and explains a command")
    func help() throws {
        let shell = try ShellHarness()
        #expect(shell.run(["help"]))
        for group in ["Plans", "Person", "Goals and actions", "Referrals", "Revisions"] {
            #expect(shell.output.results.contains("\n\(group)\n"))
        }
        #expect(shell.run(["help goal add"]))
        #expect(shell.output.results.contains("example: goal add Join a singing group"))
        #expect(shell.output.results.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}

@Suite("Shell editing of referrals and contacts")
struct ShellEditTests {
    @Test("referral edit and contact edit change only what is given")
    func edits() throws {
        let shell = try ShellHarness()
        #expect(
            shell.run([
                "new Ada Test", "need add Lonely --domain emotional",
                "refer splw Lonely --need N1 --method phone",
                "referral edit R1 --respond-by 2026-12-12 --method secure-email",
                "contact add personal Col Test --relationship nephew --phone 1",
                "contact edit C1 --phone 2 --roles carer,emergency-contact",
            ]))
        let plan = try shell.session.openPlan().plan
        #expect(plan.referrals[0].method == .secureEmail)
        #expect(plan.referrals[0].responseDueOn == CalendarDateLiteral.december12)
        #expect(plan.referrals[0].reason == "Lonely")
        #expect(plan.personalContacts[0].phone == "2")
        #expect(plan.personalContacts[0].relationship == "nephew")
        #expect(plan.personalContacts[0].roles == [.carer, .emergencyContact])
        #expect(!shell.session.execute("contact edit C1 --role Nurse"))
        #expect(shell.output.errors.last == "C1 is a personal contact: --role, --team and --org are for professional contacts")
    }
}

enum CalendarDateLiteral {
    static let december12 = CalendarDate(year: 2026, month: 12, day: 12)
}
