import CareCoordination
import CarePlanCore
import CarePlanShell
import CarePlanStore
import Foundation

/// `careplan-bench store ADDRESS N [WRITERS] [SECONDS]`: the same measurements on either engine,
/// so SQLite and PostgreSQL can be compared side by side (issue 8).
///
/// ADDRESS is a new store file, or a `postgresql://` address of an empty database (the password
/// from PGPASSWORD or ~/.pgpass), in which the schema is made first. Measures: look-ups by id,
/// NHS number and name (p50/p99), the worklist, a shell edit and its commit (p50/p99), then
/// WRITERS concurrent shells editing the first 1,000 plans for SECONDS: edits per second,
/// merges, conflicts, and whether the final plans hold exactly the acknowledged edits.
struct StoreBench {
    let address: StoreAddress
    let size: Int
    let writers: Int
    let duration: Double
    /// Measure again on a store an earlier run filled with the same N plans.
    let again: Bool
    let plugins: PluginHost
    /// Tells this run's edits from an earlier run's, on a store measured again.
    let runTag = String(UInt32.random(in: 1...UInt32.max), radix: 36)
    let phoneOffset = Int.random(in: 0..<1_000_000)

    init(address text: String, size: Int, writers: Int, duration: Double, again: Bool = false) throws {
        let environment = ProcessInfo.processInfo.environment
        address = try StoreAddress.parse(text, environment: environment, allowPassword: false)
        self.size = size
        self.writers = writers
        self.duration = duration
        self.again = again
        plugins = try PluginHost([CareCoordinationPlugin()])
    }

    func open() throws -> PlanStore {
        try PlanStore(address: address, dueItems: plugins.dueItemIndex, environment: ProcessInfo.processInfo.environment)
    }

    func run() throws {
        switch address {
        case .file(let path):
            guard !FileManager.default.fileExists(atPath: path) else { throw ShellError("\(path) exists: give a new file") }
        case .postgres(let server):
            // A database with no schema is set up here, as its owner, who is not subject to
            // row-level security; to measure as staff are, make the schema first and give a
            // staff login (docs/performance.md).
            if try TeamStoreSetup.versions(server).store == nil {
                try TeamStoreSetup.initialise(server, organisationCode: "PCN-BENCH", organisationName: "Bench PCN", adminName: "Bench Admin")
            }
        }
        let store = try open()
        let held = try store.count()
        guard held == 0 || (again && held == size) else {
            throw ShellError(
                again
                    ? "the store holds \(held) plans, not the \(size) of an earlier run" : "the store already holds plans: give an empty one")
        }
        print("engine: \(store.team == nil ? "SQLite" : "PostgreSQL") at \(store.path)")

        // --again: the plans an earlier run imported are generated again (same seed), not stored.
        var generator = SyntheticPlans(seed: 42)
        var ids: [String] = [], numbers: [String] = [], surnames: [String] = []
        var made = 0
        let start = DispatchTime.now()
        while made < size {
            let plans = (0..<min(200, size - made)).map { _ in generator.next() }
            if !again {
                let batch = try plans.map { try PlanJSON.check(PlanJSON.encode($0), plugins: plugins) }
                _ = try store.importPlans(batch.map(\.plan), bodies: batch.map(\.canonical), author: "bench", at: Date(), replace: false)
            }
            for plan in plans where ids.count < 5_000 || made % 97 == 0 {
                ids.append(plan.id)
                numbers.append(plan.person.nhsNumber?.formatted ?? "")
                surnames.append(String(plan.person.name.split(separator: " ").last?.prefix(4) ?? ""))
            }
            made += plans.count
        }
        if !again {
            print(String(format: "import: %d plans in %.1f s (%.0f plans/s)", size, seconds(since: start), Double(size) / seconds(since: start)))
        }

        var random = SeededRandomNumberGenerator(seed: 7)
        func sample(_ values: [String], _ count: Int = 2_000) -> [String] {
            (0..<count).map { _ in values[Int(random.next() % UInt64(values.count))] }
        }
        print("look-up by id:          \(try latencies(sample(ids)) { _ = try store.find($0) })")
        print("look-up by NHS number:  \(try latencies(sample(numbers)) { _ = try store.find($0) })")
        print("look-up by name prefix: \(try latencies(sample(surnames)) { _ = try store.find($0) })")
        if let today = CalendarDate(year: 2026, month: 11, day: 21) {
            var rows = 0
            let mine = try latencies((0..<200).map { "Worker \($0 % 40 + 1)" }) { owner in
                rows = try CaseloadWorklist(store: store, plugins: plugins, today: today, owner: owner, limit: 50).write { _ in }
            }
            print("worklist, one worker (\(rows) items):     \(mine)")
            let all = try latencies(Array(repeating: "", count: 20)) { _ in
                rows = try CaseloadWorklist(store: store, plugins: plugins, today: today, owner: nil, limit: 50).write { _ in }
            }
            print("worklist, whole caseload (\(rows) items): \(all)")
        }

        // One shell, 1,000 edits (a note each) spread over the plans: the edit and its commit.
        let session = try shell(on: store, output: BufferedOutput())
        var editSamples: [Double] = []
        for (number, id) in sample(ids, 100).enumerated() {
            guard session.execute("open \(id)") else { throw ShellError("cannot open \(id)") }
            for edit in 0..<10 {
                let begin = DispatchTime.now()
                guard session.execute("note bench edit \(number)-\(edit)") else { throw ShellError("an edit failed") }
                editSamples.append(seconds(since: begin) * 1000)
            }
        }
        print("edit + commit (shell note, 1,000 edits): \(Latency(editSamples))")

        try concurrentWriters(plans: Array(ids.prefix(1_000)), for: duration, firstEdit: 0, tag: "w")
        // The same on five plans, so writers meet often: merges and conflicts, still nothing lost.
        try concurrentWriters(plans: Array(ids.prefix(5)), for: min(duration, 10), firstEdit: 50_000, tag: "h")
    }

    /// WRITERS shells, each on a connection of its own, edit random plans among `plans` for
    /// the set time: mostly a note (a new entry: merged when another writer got there first),
    /// sometimes the phone number (one field: a conflict when another writer changed it first).
    private func concurrentWriters(plans: [String], for duration: Double, firstEdit: Int, tag prefix: String) throws {
        let ledger = Ledger()
        let deadline = Date().addingTimeInterval(duration)
        let failures = Ledger.Failures()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let output = CountingOutput()
                let session = try shell(on: try open(), output: output)
                var random = SeededRandomNumberGenerator(seed: UInt64(100 + writer))
                var edit = firstEdit
                while Date() < deadline {
                    let id = plans[Int(random.next() % UInt64(plans.count))]
                    guard session.execute("open \(id)") else { throw ShellError("cannot open \(id): \(output.lastError)") }
                    edit += 1
                    let tag = "\(prefix)\(runTag).\(writer)-e\(edit)"
                    let isPhone = random.next() % 10 == 0
                    // Offset by the run, so a store measured again is not set to the phone it has.
                    let phone = (writer * 100_000 + edit + phoneOffset) % 1_000_000
                    let line = isPhone ? "set phone 01632 \(String(format: "%06d", phone))" : "note \(tag)"
                    if session.execute(line) {
                        let revision = try session.openPlan().revision
                        ledger.acknowledged(id, note: isPhone ? nil : tag, phone: isPhone ? String(line.dropFirst(10)) : nil, revision: revision)
                    } else if output.lastError.hasPrefix("conflict:") {
                        ledger.conflict()
                    } else {
                        throw ShellError("writer \(writer), \(line): \(output.lastError)")
                    }
                }
                ledger.merged(output.merges)
            } catch {
                failures.add("\(error)")
            }
        }
        if let failure = failures.first { throw ShellError(failure) }

        // Every plan must hold exactly the acknowledged notes, and the phone of the last
        // acknowledged phone edit.
        let store = try open()
        var lost = 0, unexpected = 0, wrongPhone = 0
        for id in plans {
            let plan = try store.load(id).plan
            let notes = Set(plan.notes.map(\.text).filter { $0.hasPrefix("\(prefix)\(runTag).") })
            let wanted = ledger.notes(of: id)
            lost += wanted.subtracting(notes).count
            unexpected += notes.subtracting(wanted).count
            if let phone = ledger.lastPhone(of: id), plan.person.phone != phone { wrongPhone += 1 }
        }
        let total = ledger.total
        print(
            String(
                format: "%d writers for %.0f s on %d plans: %d edits acknowledged (%.0f edits/s), %d merged, %d conflicts refused",
                writers, duration, plans.count, total, Double(total) / duration, ledger.merges, ledger.conflicts))
        print("  lost updates: \(lost), unacknowledged edits stored: \(unexpected), wrong final phone: \(wrongPhone)")
        if lost + unexpected + wrongPhone > 0 { throw ShellError("the final plans do not equal the acknowledged edits") }
    }

    private func shell(on store: PlanStore, output: any ShellOutput) throws -> ShellSession {
        ShellSession(
            store: store, registry: try StandardCommands.registry(plugins: plugins.plugins), plugins: plugins, output: output,
            author: store.team?.identity.displayName ?? "bench", now: { Date() })
    }

    private func latencies(_ queries: [String], _ body: (String) throws -> Void) throws -> Latency {
        var samples: [Double] = []
        for query in queries {
            let start = DispatchTime.now()
            try body(query)
            samples.append(seconds(since: start) * 1000)
        }
        return Latency(samples)
    }
}

/// Counts merges and keeps the last error, for a writer.
final class CountingOutput: ShellOutput {
    private(set) var merges = 0
    private(set) var lastError = ""

    func write(_ text: String) {
        if text.hasPrefix("merged with ") { merges += 1 }
    }

    func error(_ line: String) {
        lastError = line
    }
}

/// What the writers were told was saved, shared between their threads.
final class Ledger: @unchecked Sendable {
    private let lock = NSLock()
    private var notes: [String: Set<String>] = [:]
    private var phones: [String: (revision: Int, phone: String)] = [:]
    private(set) var total = 0
    private(set) var conflicts = 0
    private(set) var merges = 0

    func acknowledged(_ planID: String, note: String?, phone: String?, revision: Int) {
        lock.lock()
        defer { lock.unlock() }
        total += 1
        if let note { notes[planID, default: []].insert(note) }
        if let phone, revision > (phones[planID]?.revision ?? 0) { phones[planID] = (revision, phone) }
    }

    func conflict() {
        lock.lock()
        conflicts += 1
        lock.unlock()
    }

    func merged(_ count: Int) {
        lock.lock()
        merges += count
        lock.unlock()
    }

    func notes(of planID: String) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return notes[planID] ?? []
    }

    func lastPhone(of planID: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return phones[planID]?.phone
    }

    /// Errors from writer threads.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [String] = []

        func add(_ failure: String) {
            lock.lock()
            all.append(failure)
            lock.unlock()
        }

        var first: String? {
            lock.lock()
            defer { lock.unlock() }
            return all.first
        }
    }
}
