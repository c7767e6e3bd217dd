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

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "profile" {
    try Profile.run(CommandLine.arguments[2])
    exit(0)
}
let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let runSizes = sizes.isEmpty ? [10_000, 100_000] : sizes
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("careplan-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

print("careplan-bench \(CarePlanVersion.current), \(ProcessInfo.processInfo.activeProcessorCount) cores")
for size in runSizes {
    try Benchmark(size: size, folder: scratch).run()
}
