import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

@testable import CarePlanStore

/// The write-ahead log is moved into the store file in the background, never by a commit.
@Suite("Background checkpoints")
struct CheckpointTests {
    func size(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : -1
    }

    @Test("every commit is synced to disk before it is acknowledged: the writer runs synchronous = FULL, which the pool's WAL set-up would turn to NORMAL")
    func commitsAreSynced() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("store.sqlite")
        for _ in 0..<2 {  // a new store, then the same store opened again
            let store = try PlanStore(path: path)
            let engine = try #require(store.engine as? SQLiteEngine)
            // FULL is 2. NORMAL (1) syncs the log only at checkpoints: a power cut would lose
            // edits the shell had confirmed.
            let synchronous = try await engine.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
            #expect(synchronous == 2)
        }
    }

    @Test("commits leave the log alone; the checkpointer moves it into the file once it passes its threshold, and every revision reads back")
    func checkpointsOffTheCommitPath() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("store.sqlite")
        var plan = try Fixtures.samplePlan("health-coaching-dev-patel")
        do {
            let store = try PlanStore(path: path)
            try store.create(plan, author: "Tomasz Nowak", summary: "created", at: Fixtures.now)
            let fileBefore = size(path)
            for number in 1...20 {
                plan.notes.append(
                    Note(
                        id: plan.issueID(.note), writtenOn: Fixtures.today, author: "Tomasz Nowak", text: String(repeating: "Rang back # -- \"ok\" ", count: 40)
                    ))
                try store.commit(plan, basedOn: number, author: "Tomasz Nowak", summary: "note", at: Fixtures.now)
            }
            // SQLite's own checkpoint, which would run inside a commit, is off on the writer.
            let engine = try #require(store.engine as? SQLiteEngine)
            let autocheckpoint = try await engine.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
            #expect(autocheckpoint == 0)
            // Twenty commits are far below the store's own 4 MiB threshold: none checkpointed.
            #expect(size(path) == fileBefore)
            #expect(size(path + "-wal") > 64 * 1024)

            let below = BackgroundCheckpointer(path: path, threshold: 64 * 1024 * 1024)
            below.afterCommit()
            await below.drained()
            #expect(below.completed == 0)

            let checkpointer = BackgroundCheckpointer(path: path, threshold: 64 * 1024)
            checkpointer.afterCommit()
            await checkpointer.drained()
            #expect(checkpointer.completed == 1)
            #expect(size(path) > fileBefore)
        }
        let reopened = try PlanStore(path: path)
        #expect(try reopened.history(of: plan.id).count == 21)
        #expect(try reopened.load(plan.id).plan == plan)
    }
}
