import CarePlanCore
import CarePlanStore
import Foundation

/// careplan-bench: measures the store and the plan pipeline at realistic sizes.
///
///     swift run -c release careplan-bench [N ...]      (default: 10000 100000)
///
/// For each N it builds a fresh store of N synthetic plans and reports import rate, look-up
/// latency (p50/p99 by id, NHS number and name), export rate, and peak memory.
/// Plans are generated from a fixed seed, so every run measures the same data.

let usage = """
    usage: careplan-bench [N ...]        measure stores of N synthetic plans (default: 10000 100000)
           careplan-bench profile FILE   profile checking one plan file
           careplan-bench write-plans N DIR
                                         write N synthetic plan files (about 9 KB each) to DIR
           careplan-bench make-store N PATH
                                         build a store of N synthetic plans at PATH
           careplan-bench edits          time shell edits and their commits (10 and 1,000 notes)
           careplan-bench store ADDRESS N [WRITERS] [SECONDS] [--again]
                                         either engine: a new store file, or postgresql://... of an
                                         empty database (password from PGPASSWORD); look-ups,
                                         worklist, edit + commit, then WRITERS (8) concurrent
                                         shells editing 1,000 plans for SECONDS (60); with
                                         --again, measures a store an earlier run filled
           careplan-bench --help         show this help

    Builds each store in a scratch folder under the system's temporary folder and removes it
    when the run ends or is interrupted (Ctrl-C). Use a release build: swift run -c release careplan-bench.
    """

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains(where: { ["-h", "--help", "help"].contains($0) }) {
    print(usage)
    exit(0)
}
if arguments.count == 2, arguments[0] == "profile" {
    try Profile.run(arguments[1])
    exit(0)
}
if arguments.count == 3, arguments[0] == "write-plans" {
    guard let count = Int(arguments[1]), count > 0 else {
        FileHandle.standardError.write(Data("careplan-bench: expected a number of plans, got \(arguments[1])\n".utf8))
        exit(64)
    }
    try PipelineBench.writePlans(count: count, to: arguments[2])
    exit(0)
}
if arguments.count == 3, arguments[0] == "make-store" {
    guard let count = Int(arguments[1]), count > 0 else {
        FileHandle.standardError.write(Data("careplan-bench: expected a number of plans, got \(arguments[1])\n".utf8))
        exit(64)
    }
    try PipelineBench.makeStore(count: count, at: arguments[2])
    exit(0)
}
if arguments == ["edits"] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("careplan-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    ScratchCleanup.install(folder.path)
    let outcome = Result { try PipelineBench.edits(folder: folder) }
    try? FileManager.default.removeItem(at: folder)
    try outcome.get()
    exit(0)
}
if arguments.first == "store", case let again = arguments.contains("--again"),
    case let rest = arguments.filter({ $0 != "--again" }), rest.count >= 3, rest.count <= 5
{
    let numbers = rest.dropFirst(2).map { Int($0) }
    guard numbers.allSatisfy({ ($0 ?? 0) > 0 }), let size = numbers.first ?? nil else {
        FileHandle.standardError.write(Data("careplan-bench: store ADDRESS N [WRITERS] [SECONDS] takes whole numbers\n".utf8))
        exit(64)
    }
    let writers = numbers.count > 1 ? numbers[1] ?? 8 : 8
    let duration = numbers.count > 2 ? Double(numbers[2] ?? 60) : 60
    do {
        try StoreBench(address: rest[1], size: size, writers: writers, duration: duration, again: again).run()
    } catch {
        FileHandle.standardError.write(Data("careplan-bench: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
let sizes = arguments.map { Int($0) }
if let bad = zip(arguments, sizes).first(where: { $0.1 == nil || $0.1! <= 0 })?.0 {
    FileHandle.standardError.write(Data("careplan-bench: expected a number of plans, got \(bad)\n\(usage)\n".utf8))
    exit(64)
}
let runSizes = sizes.isEmpty ? [10_000, 100_000] : sizes.compactMap { $0 }
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("careplan-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
ScratchCleanup.install(scratch.path)
defer { try? FileManager.default.removeItem(at: scratch) }

print("careplan-bench \(CarePlanVersion.current), \(ProcessInfo.processInfo.activeProcessorCount) cores")
for size in runSizes {
    try Benchmark(size: size, folder: scratch).run()
}

/// Removes the scratch folder when the benchmark is interrupted (SIGINT, SIGTERM). A signal
/// handler may only call async-signal-safe functions, so it forks and runs `rm -rf` on the
/// folder (fork, execv, waitpid and _exit are all safe), with its arguments prepared up front.
enum ScratchCleanup {
    nonisolated(unsafe) static var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    static func install(_ folder: String) {
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: 4)
        list[0] = strdup("/bin/rm")
        list[1] = strdup("-rf")
        list[2] = strdup(folder)
        list[3] = nil
        arguments = list
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // The signals may arrive blocked from whatever started the benchmark.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    private static let handler: @convention(c) (Int32) -> Void = { signalNumber in
        if let arguments = ScratchCleanup.arguments, let program = arguments[0] {
            let child = fork()
            if child == 0 {
                execv(program, arguments)
                _exit(127)
            }
            if child > 0 {
                var status: Int32 = 0
                waitpid(child, &status, 0)
            }
        }
        _exit(128 + signalNumber)
    }
}
