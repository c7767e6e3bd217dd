import CareCoordination
import CarePlanCore
import CarePlanShell
import CarePlanStore
import Foundation

struct Benchmark {
    let size: Int
    let folder: URL
    let batchSize = 200
    let sampleCount = 2_000

    func run() throws {
        let path = folder.appendingPathComponent("bench-\(size).sqlite").path
        let plugins = try PluginHost([CareCoordinationPlugin()])
        let store = try PlanStore(path: path, dueItems: plugins.dueItemIndex)
        var generator = SyntheticPlans(seed: 42)
        let now = Date()

        // Import: parse and validate each document, then commit in batches, as `careplan import` does.
        var importSeconds = 0.0, checkSeconds = 0.0
        var ids: [String] = [], numbers: [String] = [], surnames: [String] = []
        var produced = 0
        while produced < size {
            let count = min(batchSize, size - produced)
            let documents = (0..<count).map { _ in PlanJSON.encode(generator.next()) }
            let start = DispatchTime.now()
            let checked = try documents.map { try PlanJSON.check($0, plugins: plugins) }
            let plans = checked.map(\.plan)
            checkSeconds += seconds(since: start)
            _ = try store.importPlans(plans, bodies: checked.map(\.canonical), author: "bench", at: now, replace: false)
            importSeconds += seconds(since: start)
            for plan in plans where ids.count < sampleCount || produced % 97 == 0 {
                ids.append(plan.id)
                numbers.append(plan.person.nhsNumber?.formatted ?? "")
                surnames.append(String(plan.person.name.split(separator: " ").last ?? ""))
            }
            produced += count
        }

        var random = SeededRandomNumberGenerator(seed: 7)
        func sample(_ values: [String]) -> [String] {
            (0..<sampleCount).map { _ in values[Int(random.next() % UInt64(values.count))] }
        }
        let byID = try latencies(sample(ids)) { _ = try store.find($0) }
        let byNumber = try latencies(sample(numbers)) { _ = try store.find($0) }
        let byName = try latencies(sample(surnames).map { String($0.prefix(4)) }) { _ = try store.find($0) }
        let resolveFull = try latencies(sample(ids)) { _ = try store.resolve($0) }

        // Worklist: every item due up to a week ahead, for one worker and for the whole caseload.
        let today = CalendarDate(year: 2026, month: 11, day: 21)
        var worklistRows = 0
        let worklistOwner = try latencies((0..<200).map { "Worker \($0 % 40 + 1)" }) { owner in
            if let today { worklistRows = try CaseloadWorklist(store: store, plugins: plugins, today: today, owner: owner, limit: 50).write { _ in } }
        }
        var allRows = 0
        let worklistAll = try latencies(Array(repeating: "", count: 20)) { _ in
            if let today { allRows = try CaseloadWorklist(store: store, plugins: plugins, today: today, owner: nil, limit: 50).write { _ in } }
        }

        let exportIDs = sample(ids)
        var start = DispatchTime.now()
        var bytes = 0
        for id in exportIDs { bytes += try store.load(id).body.count }
        let jsonRate = Double(exportIDs.count) / seconds(since: start)
        start = DispatchTime.now()
        let renderer = PlanTextRenderer(width: 80)
        for id in exportIDs { bytes += renderer.render(try store.load(id).plan).utf8.count }
        let textRate = Double(exportIDs.count) / seconds(since: start)

        start = DispatchTime.now()
        var streamed = 0
        try store.forEachPlan { stored in streamed += stored.body.count }
        let streamSeconds = seconds(since: start)

        // Whole caseload as JSON Lines, streaming (written to a file the OS discards).
        start = DispatchTime.now()
        let sink = FileHandle.nullDevice
        try store.forEachPlanBody { _, body in
            var line = PlanJSON.encodeLine(try PlanJSON.parse(body))
            line.append(UInt8(ascii: "\n"))
            sink.write(line)
        }
        let jsonLinesRate = Double(size) / seconds(since: start)
        let memoryAfterCaseload = peakMemoryMiB()

        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("")
        print("plans: \(size)   store file: \(fileSize / 1_048_576) MiB")
        print(
            String(
                format: "import (parse + validate + commit): %.0f plans/s (%.1f s, of which parse + validate %.1f s)",
                Double(size) / importSeconds, importSeconds, checkSeconds))
        print("look-up by id:          \(byID)")
        print("look-up by NHS number:  \(byNumber)")
        print("look-up by name prefix: \(byName)")
        print("resolve by id:          \(resolveFull)")
        print("worklist, one worker (\(worklistRows) items): \(worklistOwner)")
        print("worklist, whole caseload (\(allRows) items): \(worklistAll)")
        print(String(format: "export JSON (load + bytes): %.0f plans/s", jsonRate))
        print(String(format: "export text (load + decode + render): %.0f plans/s", textRate))
        print(String(format: "stream every plan: %.0f plans/s", Double(size) / streamSeconds))
        print(String(format: "export --all as JSON Lines (streaming): %.0f plans/s; peak RSS after it %d MiB", jsonLinesRate, memoryAfterCaseload))
        print("peak memory (max RSS): \(peakMemoryMiB()) MiB")
    }

    private func latencies(_ queries: [String], _ body: (String) throws -> Void) throws -> Latency {
        var samples: [Double] = []
        samples.reserveCapacity(queries.count)
        for query in queries {
            let start = DispatchTime.now()
            try body(query)
            samples.append(seconds(since: start) * 1000)
        }
        return Latency(samples)
    }
}

struct Latency: CustomStringConvertible {
    let p50: Double, p99: Double, max: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        p50 = sorted[sorted.count / 2]
        p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        max = sorted.last ?? 0
    }

    var description: String { String(format: "p50 %.3f ms  p99 %.3f ms  max %.3f ms", p50, p99, max) }
}

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

func peakMemoryMiB() -> Int {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss / 1024
}
