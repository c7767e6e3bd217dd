import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("Store locks across connections and processes")
struct StoreLockTests {
    let careplan = CommandRunner(product: "careplan")

    @Test("opening the store a second time in one process keeps the first connection's locks, so another process never pulls the store from under it")
    func secondOpenKeepsLocks() throws {
        let folder = try TemporaryDirectory()
        let store = try PlanStore(path: folder.path("s.sqlite"))
        var plan = Plan(id: "CP-ONE", person: Person(name: "Ada Test"))
        try store.create(plan, author: "sam", summary: "created", at: Fixtures.now)
        for round in 1...3 {
            // Opening used to open and close a descriptor of the file, dropping every lock this
            // process held; another process closing last then checkpointed and removed the
            // write-ahead log under the first connection.
            _ = try PlanStore(path: store.path)
            let listed = try careplan.run(["list", "--store", store.path])
            #expect(listed.status == 0, "\(listed.stderr)")
            plan.person.phone = "01632 960 11\(round)"
            try store.commit(plan, basedOn: round, author: "sam", summary: "phone", at: Fixtures.now)
            #expect(try store.load("CP-ONE").plan.person.phone == plan.person.phone)
        }
        #expect(try careplan.run(["history", "CP-ONE", "--store", store.path]).stdout.split(separator: "\n").count >= 4)
    }
}
