import CareCoordination
import CarePlanCore
import CarePlanShell
import CarePlanStore
import Foundation

/// The pipeline measurements that stand beside a reference tool (docs/performance.md):
/// files for `careplan validate` and `import` against `jq`, and shell edits with their
/// durable commits on a small and a long plan.
enum PipelineBench {
    /// `careplan-bench write-plans N DIR`: N synthetic plan files of realistic size (about
    /// 9 KB: the usual plan with a dozen notes), for timing `careplan validate` and `import`
    /// beside `jq -c .` over the same files.
    static func writePlans(count: Int, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var generator = SyntheticPlans(seed: 42)
        guard let day = CalendarDate(year: 2026, month: 11, day: 1) else { return }
        for index in 1...count {
            var plan = generator.next()
            for number in 1...12 {
                plan.notes.append(
                    Note(
                        id: plan.issueID(.note), writtenOn: day.adding(days: number) ?? day, author: "Worker \(number)",
                        text: "Phoned about the \(number == 1 ? "first" : "next") step; agreed to try the "
                            + "walking group on Tuesday and to ring back if the bus pass has not come."))
            }
            let path = (folder as NSString).appendingPathComponent(String(format: "plan-%06d.json", index))
            try SecureFile.write(PlanJSON.encode(plan), to: path)
        }
    }

    /// `careplan-bench make-store N PATH`: a store of N synthetic plans at PATH, imported in
    /// batches as `careplan import` does, for timing start-up against `sqlite3`.
    static func makeStore(count: Int, at path: String) throws {
        let plugins = try PluginHost([CareCoordinationPlugin()])
        let store = try PlanStore(path: path, dueItems: plugins.dueItemIndex)
        var generator = SyntheticPlans(seed: 42)
        var made = 0
        while made < count {
            let batch = try (0..<min(200, count - made)).map { _ in try PlanJSON.check(PlanJSON.encode(generator.next()), plugins: plugins) }
            _ = try store.importPlans(batch.map(\.plan), bodies: batch.map(\.canonical), author: "bench", at: Date(), replace: false)
            made += batch.count
        }
    }

    /// `careplan-bench edits`: a shell edit (`set phone ...`, alternating two numbers so the
    /// plan keeps its size) and its durable commit, p50 and p99 over 500 edits, on a plan
    /// with 10 notes and on one with 1,000.
    static func edits(folder: URL) throws {
        let plugins = try PluginHost([CareCoordinationPlugin()])
        for notes in [10, 1_000] {
            let store = try PlanStore(path: folder.appendingPathComponent("edits-\(notes).sqlite").path, dueItems: plugins.dueItemIndex)
            var generator = SyntheticPlans(seed: 9)
            var plan = generator.next()
            guard let day = CalendarDate(year: 2026, month: 11, day: 1) else { return }
            for number in 0..<notes {
                plan.notes.append(Note(id: plan.issueID(.note), writtenOn: day, author: "Worker", text: "Earlier note \(number) about the plan."))
            }
            try store.create(plan, author: "bench", summary: "created", at: Date())
            let session = ShellSession(
                store: store, registry: try StandardCommands.registry(plugins: plugins.plugins), plugins: plugins,
                output: BufferedOutput(), author: "bench", now: { Date() })
            guard session.execute("open \(plan.id)") else { throw ShellError("cannot open the plan") }
            var samples: [Double] = []
            for number in 0..<500 {
                let start = DispatchTime.now()
                guard session.execute("set phone 01632 960 \(number % 2 == 0 ? "118" : "119")") else { throw ShellError("the edit failed") }
                samples.append(seconds(since: start) * 1000)
            }
            samples.sort()
            let p50 = samples[samples.count / 2], p99 = samples[samples.count * 99 / 100]
            print(String(format: "edit + commit, plan with %5d notes: p50 %.2f ms, p99 %.2f ms", notes, p50, p99))
        }
    }
}
