import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("Durability across processes", .serialized)
struct DurabilityTests {
    let careplan = CommandRunner(product: "careplan")

    @Test("two processes committing on the same revision: one wins, the other gets a conflict and nothing is lost")
    func concurrentCommits() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("store.sqlite")
        let sample = Fixtures.samplePlanFiles[0].path
        #expect(try careplan.run(["import", "--store", store, sample]).status == 0)

        var base = try PlanJSON.decode(Data(contentsOf: Fixtures.samplePlanFiles[0])).plan
        base.lastUpdated = Fixtures.today
        var first = base, second = base
        first.person.phone = "01632 960 111"
        second.person.phone = "01632 960 222"
        let firstFile = folder.path("first.json"), secondFile = folder.path("second.json")
        try PlanJSON.encode(first).write(to: URL(fileURLWithPath: firstFile))
        try PlanJSON.encode(second).write(to: URL(fileURLWithPath: secondFile))

        // Both start together, both based on revision 1.
        let results = try [firstFile, secondFile].concurrentMap { file in
            try careplan.run(["import", "--store", store, "--if-revision", "1", file])
        }
        let winners = results.filter { $0.status == 0 }
        let losers = results.filter { $0.status == 1 }
        #expect(winners.count == 1)
        #expect(losers.count == 1)
        #expect(losers.first?.stderr.contains("conflict: plan CP-CA0004 changed since revision 1 (now at revision 2, by test)") == true)

        let stored = try PlanStore(path: store)
        let history = try stored.history(of: base.id)
        #expect(history.map(\.number) == [1, 2])
        let winnerPhone = winners.first?.stdout.contains("first.json") == true ? "01632 960 111" : "01632 960 222"
        #expect(try stored.load(base.id).plan.person.phone == winnerPhone)
        #expect(try stored.load(base.id, revision: 1).plan.person.phone == base.person.phone)
    }

    @Test("SIGKILL in the middle of a large import leaves a readable store with every committed plan intact")
    func killedImport() async throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("store.sqlite")
        let template = try PlanJSON.decode(Data(contentsOf: Fixtures.samplePlanFiles[2])).plan
        var files: [String] = []
        var expected: [String: Data] = [:]
        let numbers = (0..<2000).compactMap(NHSNumber.fictional)
        for number in 0..<800 {
            var plan = template
            plan.id = "CP-KILL\(number)"
            plan.person.name = "Test Person \(number)"
            plan.person.nhsNumber = numbers[number]
            let data = PlanJSON.encode(plan)
            let file = folder.path("plan-\(number).json")
            try data.write(to: URL(fileURLWithPath: file))
            files.append(file)
            expected[plan.id] = data
        }

        // Create the store first, so the observer below only ever reads while the import writes.
        let observer = try PlanStore(path: store)
        let process = Process()
        process.executableURL = careplan.executable
        process.arguments = ["import", "--store", store] + files
        process.environment = ["CAREPLAN_AUTHOR": "test", "HOME": folder.url.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Wait until some batches are committed (but not all), then kill without warning.
        let deadline = Date().addingTimeInterval(60)
        var committed = 0
        while Date() < deadline, process.isRunning {
            if let count = try? observer.count(), count > 0 {
                committed = count
                break
            }
            // Polls without holding a test thread: the import runs in another process.
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // On a loaded machine the import can finish between two looks; what it committed is
        // then all of it, and the checks below still hold.
        if committed == 0, process.terminationReason == .exit { committed = (try? observer.count()) ?? 0 }
        #expect(committed > 0, "the import should have committed something before the kill")

        let reopened = try PlanStore(path: store)
        #expect(try reopened.integrityCheck() == "ok")
        let count = try reopened.count()
        #expect(count >= committed)
        #expect(count % ImportBatch.size == 0 || count == files.count, "only whole batches are committed")
        var checked = 0
        try reopened.forEachPlan { stored in
            #expect(stored.body == expected[stored.plan.id])
            checked += 1
        }
        #expect(checked == count)
    }
}

/// Mirrors the import command's batch size, which the kill test relies on.
enum ImportBatch {
    static let size = 200
}

extension Array where Element: Sendable {
    /// Maps on separate threads at once, so subprocesses really run side by side.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) throws -> T) throws -> [T] {
        let results = ResultBox<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, Result { try transform(self[index]) })
        }
        return try results.values.map { result in
            guard let result else { throw CancellationError() }
            return try result.get()
        }
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<T, any Error>?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Result<T, any Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
