import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("Plan store, on both engines")
struct PlanStoreTests {
    @Test("keeps every revision, with author, time and summary", arguments: TestEngine.allCases)
    func revisions(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store()
        var plan = try Fixtures.samplePlan("health-coaching-dev-patel")
        try stores.store("Tomasz Nowak").create(plan, author: "Tomasz Nowak", summary: "created", at: Fixtures.now)
        plan.strengths.append(Strength(id: plan.issueID(.strength), text: "Cooks well"))
        let second = try stores.store("Grace Mensah").commit(
            plan, basedOn: 1, author: "Grace Mensah", summary: "add strength S3",
            at: Fixtures.now.addingTimeInterval(60))
        #expect(second.number == 2)

        let history = try store.history(of: plan.id)
        #expect(history.map(\.number) == [1, 2])
        #expect(history.map(\.author) == ["Tomasz Nowak", "Grace Mensah"])
        #expect(history.map(\.summary) == ["created", "add strength S3"])
        #expect(history[1].createdAt == Fixtures.now.addingTimeInterval(60))
        #expect(try store.load(plan.id).plan == plan)
        #expect(try store.load(plan.id, revision: 1).plan.strengths.count == 2)
        #expect(try store.load(plan.id).body == PlanJSON.encode(plan))
    }

    @Test("a commit based on a stale revision is refused and changes nothing", arguments: TestEngine.allCases)
    func conflict(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store()
        let plan = try Fixtures.samplePlan("health-coaching-dev-patel")
        try store.create(plan, author: "a", summary: "created", at: Fixtures.now)
        var mine = plan, theirs = plan
        mine.person.phone = "01632 960 001"
        theirs.person.phone = "01632 960 002"
        try stores.store("First Person").commit(mine, basedOn: 1, author: "First Person", summary: "phone", at: Fixtures.now)
        #expect(throws: StoreError.conflict(planID: plan.id, basedOn: 1, head: 2, headAuthor: "First Person")) {
            try stores.store("Second Person").commit(theirs, basedOn: 1, author: "Second Person", summary: "phone", at: Fixtures.now)
        }
        #expect(try store.load(plan.id).plan.person.phone == "01632 960 001")
        #expect(try store.history(of: plan.id).count == 2)
    }

    @Test("a second user of the store sees the first one's commits and conflicts with them", arguments: TestEngine.allCases)
    func twoConnections(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store(), other = try stores.store("Other Person")
        let plan = try Fixtures.samplePlan("cancer-pathway-jamal-hussain")
        try store.create(plan, author: "a", summary: "created", at: Fixtures.now)
        let seen = try other.load(plan.id)
        try store.commit(plan, basedOn: 1, author: "a", summary: "again", at: Fixtures.now)
        #expect(throws: StoreError.self) {
            try other.commit(seen.plan, basedOn: seen.revision.number, author: "b", summary: "late", at: Fixtures.now)
        }
        #expect(try other.headRevision(of: plan.id).number == 2)
    }

    @Test("one NHS number, one plan; ids that differ only in case are one id", arguments: TestEngine.allCases)
    func onePersonOnePlan(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store(), other = try stores.store("Other Person")
        var first = Plan(id: "CP-ONE", person: Person(name: "Ada One"))
        first.person.nhsNumber = NHSNumber("999 000 0018")
        var second = Plan(id: "CP-TWO", person: Person(name: "Ada One"))
        second.person.nhsNumber = first.person.nhsNumber
        try store.create(first, author: "a", summary: "created", at: Fixtures.now)
        #expect(throws: StoreError.duplicateNHSNumber(planID: "CP-TWO", heldBy: "CP-ONE")) {
            try other.create(second, author: "b", summary: "created", at: Fixtures.now)
        }
        #expect(throws: StoreError.idInOtherCase(planID: "CP-one", existing: "CP-ONE")) {
            try other.create(Plan(id: "CP-one", person: Person(name: "Someone Else")), author: "b", summary: "created", at: Fixtures.now)
        }
        #expect(try store.count() == 1)
    }

    @Test("the worklist index lists due items by group and owner", arguments: TestEngine.allCases)
    func worklistIndex(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store()
        var plan = try Fixtures.samplePlan("care-coordination-edith-lloyd")
        plan.review.nextReviewOn = CalendarDate(year: 2026, month: 11, day: 1)
        try store.create(plan, author: "a", summary: "created", at: Fixtures.now)
        let overdue = WorklistGroupQuery(title: "due", kinds: [.review], after: nil, through: CalendarDate(year: 2026, month: 11, day: 20)!)
        #expect(try store.dueItemTotal(overdue) == 1)
        var listed: [WorklistEntry] = []
        try store.forEachDueItem(overdue, limit: 10) { listed.append($0) }
        #expect(listed.map(\.planID) == [plan.id])
        #expect(listed.first?.name == "Edith Lloyd")
        let early = WorklistGroupQuery(title: "due", kinds: [.review], after: nil, through: CalendarDate(year: 2026, month: 10, day: 1)!)
        #expect(try store.dueItemTotal(early) == 0)

        // An edit moves an item, keeps the unchanged ones, and removes what is no longer due.
        let before = try store.dueItemTotal(Self.everything)
        plan.review.nextReviewOn = CalendarDate(year: 2026, month: 9, day: 1)
        try store.commit(plan, basedOn: 1, author: "a", summary: "review moved", at: Fixtures.now)
        #expect(try store.dueItemTotal(early) == 1)
        #expect(try store.dueItemTotal(Self.everything) == before)
        listed = []
        try store.forEachDueItem(early, limit: 10) { listed.append($0) }
        #expect(listed.map(\.item.dueOn) == [CalendarDate(year: 2026, month: 9, day: 1)])
        plan.review.nextReviewOn = nil
        try store.commit(plan, basedOn: 2, author: "a", summary: "no review", at: Fixtures.now)
        #expect(try store.dueItemTotal(overdue) == 0)
        #expect(try store.dueItemTotal(Self.everything) == before - 1)
    }

    /// Actions, reviews and referral answers, due on any day.
    static let everything = WorklistGroupQuery(
        title: "all", kinds: [.action, .review, .referralResponse], after: nil, through: CalendarDate.latest)

    @Test("the access audit keeps who did what to which plan", arguments: TestEngine.allCases)
    func accessAudit(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store("Ruth Evans")
        let plan = try Fixtures.samplePlan("care-coordination-edith-lloyd")
        try store.create(plan, author: "Ruth Evans", summary: "created", at: Fixtures.now)
        try store.recordAccess(.export, to: [plan.id], by: "Ruth Evans", at: Fixtures.now.addingTimeInterval(5), detail: "fhir")
        let records = try store.accessRecords(of: plan.id)
        #expect(records.map(\.action) == [.change, .export])
        #expect(records.map(\.who) == ["Ruth Evans", "Ruth Evans"])
        #expect(records.last?.detail == "fhir")
        #expect(try store.accessRecords(by: "ruth evans").count == 2)
        #expect(try store.accessRecords(by: "ruth evans", since: Fixtures.now.addingTimeInterval(3600)).isEmpty)
    }

    @Test("creating a plan whose id is taken is refused", arguments: TestEngine.allCases)
    func duplicateCreate(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store()
        let plan = try Fixtures.samplePlan("cancer-pathway-jamal-hussain")
        try store.create(plan, author: "a", summary: "created", at: Fixtures.now)
        #expect(throws: StoreError.alreadyExists(planID: plan.id, head: 1)) {
            try store.create(plan, author: "a", summary: "created", at: Fixtures.now)
        }
    }

    @Test("import stores new plans, leaves identical ones, and replaces only when asked", arguments: TestEngine.allCases)
    func importing(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store()
        let plan = try Fixtures.samplePlan("social-prescribing-margaret-okafor")
        var changed = plan
        changed.status = .onHold
        #expect(try store.importPlans([plan], author: "a", at: Fixtures.now, replace: false).count == 1)
        let outcomes = try store.importPlans([plan, changed], author: "a", at: Fixtures.now, replace: false)
        #expect(outcomes[0] == .unchanged(planID: plan.id, head: 1))
        #expect(outcomes[1] == .refused(.alreadyExists(planID: plan.id, head: 1)))
        let replaced = try store.importPlans([changed], author: "a", at: Fixtures.now, replace: true)
        guard case .stored(let revision) = replaced[0] else {
            Issue.record("expected a stored revision, got \(replaced[0])")
            return
        }
        #expect(revision.number == 2)
        #expect(try store.load(plan.id).plan.status == .onHold)
    }

    @Test("finds plans by id, NHS number, and name prefix ignoring case and accents", arguments: TestEngine.allCases)
    func lookUp(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store()
        var zoe = Plan(id: "CP-Z1", person: Person(name: "Zoë O'Brien-Hughes"))
        zoe.person.nhsNumber = NHSNumber("943 476 5919")
        zoe.person.preferredName = "Zed"
        let zack = Plan(id: "CP-Z2", person: Person(name: "Zack Smith"))
        _ = try store.importPlans([zoe, zack], author: "a", at: Fixtures.now, replace: false)

        #expect(try store.find("CP-Z2").map(\.id) == ["CP-Z2"])
        #expect(try store.find("943 476 5919").map(\.id) == ["CP-Z1"])
        #expect(try store.find("9434765919").map(\.id) == ["CP-Z1"])
        #expect(try store.find("ZOE").map(\.id) == ["CP-Z1"])
        #expect(try store.find("obrien").map(\.id) == ["CP-Z1"])
        #expect(try store.find("hughes").map(\.id) == ["CP-Z1"])
        #expect(try store.find("zed").map(\.id) == ["CP-Z1"])
        #expect(try store.find("z").map(\.id) == ["CP-Z2", "CP-Z1"])
        #expect(try store.find("nobody").isEmpty)
        #expect(throws: StoreError.self) { try store.resolve("z") }
        #expect(throws: StoreError.notFound(query: "nobody")) { try store.resolve("nobody") }
        #expect(try store.resolve("smi").id == "CP-Z2")
    }

    @Test("renaming a person moves their name keys", arguments: TestEngine.allCases)
    func renameUpdatesKeys(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store()
        var plan = Plan(id: "CP-R1", person: Person(name: "Alice Jones"))
        try store.create(plan, author: "a", summary: "created", at: Fixtures.now)
        plan.person.name = "Alice Brown"
        try store.commit(plan, basedOn: 1, author: "a", summary: "rename", at: Fixtures.now)
        #expect(try store.find("jones").isEmpty)
        #expect(try store.find("brown").map(\.id) == ["CP-R1"])
    }

    @Test("lists plans by name and streams every plan", arguments: TestEngine.allCases)
    func listing(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store = try stores.store()
        for file in Fixtures.samplePlanFiles {
            let plan = try PlanJSON.decode(Data(contentsOf: file)).plan
            try store.create(plan, author: "a", summary: "created", at: Fixtures.now)
        }
        #expect(try store.list().map(\.name) == ["Dev Patel", "Edith Lloyd", "Jamal Hussain", "Margaret Okafor"])
        var streamed: [String] = []
        try store.forEachPlan { streamed.append($0.plan.id) }
        #expect(streamed == streamed.sorted())
        #expect(streamed.count == 4)
        #expect(try store.count() == 4)
        #expect(try store.integrityCheck() == "ok")
    }
}

@Suite("Plan store file (SQLite)")
struct PlanStoreFileTests {
    let folder: TemporaryDirectory
    let store: PlanStore

    init() throws {
        folder = try TemporaryDirectory()
        store = try PlanStore(path: folder.path("nested/dir/careplan.sqlite"))
    }

    @Test("creates the store file and its folder with owner-only permissions")
    func permissions() throws {
        let file = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((file[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: folder.path("nested/dir"))
        #expect((directory[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test("the default location follows CAREPLAN_STORE, then XDG_DATA_HOME, then HOME")
    func defaultLocation() {
        #expect(StoreLocation.defaultPath(environment: ["CAREPLAN_STORE": "/x/s.db", "XDG_DATA_HOME": "/d"]) == "/x/s.db")
        #expect(StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/careplan/careplan.sqlite")
        #expect(StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]) == "/h/.local/share/careplan/careplan.sqlite")
        #expect(StoreLocation.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/careplan/careplan.sqlite")
    }

    @Test("a file that is not a store gives a clear error")
    func notAStore() throws {
        let path = folder.path("not-a-store.sqlite")
        try Data(String(repeating: "not sqlite ", count: 1000).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try PlanStore(path: path) }
    }
}

@Suite("Plan store under concurrent writers, on both engines")
struct ConcurrentWritersTests {
    @Test(
        "writers racing on one plan each either commit or are told of a conflict; after retrying, every change is kept",
        arguments: TestEngine.allCases)
    func racingWriters(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let plan = Plan(id: "CP-RACE", person: Person(name: "Race Test"))
        try stores.store().create(plan, author: "a", summary: "created", at: Fixtures.now)
        let writers = try (0..<4).map { try stores.store("Writer \(["A", "B", "C", "D"][$0])") }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: writers.count) { index in
            let store = writers[index]
            for number in 0..<15 {
                while true {
                    do {
                        let stored = try store.load(plan.id)
                        var changed = stored.plan
                        changed.notes.append(Note(id: changed.issueID(.note), writtenOn: Fixtures.today, text: "w\(index)-\(number)"))
                        try store.commit(changed, basedOn: stored.revision.number, author: "w", summary: "note", at: Fixtures.now)
                        break
                    } catch StoreError.conflict {
                        continue
                    } catch {
                        failures.add("\(error)")
                        return
                    }
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let stored = try stores.store().load(plan.id)
        #expect(stored.revision.number == 61)
        #expect(Set(stored.plan.notes.map(\.text)).count == 60)
    }
}

/// Errors from other threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []

    func add(_ error: String) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}
