import Dispatch
import Foundation

extension PlanFileReader {
    /// Files checked together: enough to keep every core busy, few enough that a batch's
    /// plans take little memory.
    public static let chunkSize = 128

    /// True on a machine with more than one core to check files on.
    public static let hasSeveralCores = ProcessInfo.processInfo.activeProcessorCount > 1

    /// How many chunks are checked ahead of `body`: enough that the cores keep checking while
    /// `body` waits for the disk (an import's batch commit and its fsync).
    public static let chunksAhead = 3

    /// Checks `files` and hands each outcome to `body` in the order the files were given.
    ///
    /// Checking is pure (it reads the file and nothing else), so with many files it runs on
    /// every core, one chunk after another, up to `chunksAhead` chunks ahead of `body` (which
    /// prints or stores them). A handful of files is checked on the calling thread alone.
    ///
    /// - Parameters:
    ///   - parallel: false to check every file on the calling thread; true (the default on a
    ///     machine with more than one core) to use every core.
    ///   - chunkSize: how many files are checked together.
    ///   - body: called on the calling thread, once per file, in order. If it throws, no
    ///     further outcome is handed over and the error is rethrown.
    public func forEachChecked(
        _ files: [String], format: PlanFileFormat, parallel: Bool = PlanFileReader.hasSeveralCores,
        chunkSize: Int = PlanFileReader.chunkSize,
        _ body: (Checked) throws -> Void
    ) rethrows {
        guard parallel, chunkSize > 1, files.count > chunkSize / 4 else {
            for file in files { try body(check(file: file, format: format)) }
            return
        }
        let chunks = stride(from: 0, to: files.count, by: chunkSize).map {
            Array(files[$0..<min($0 + chunkSize, files.count)])
        }
        // One chunk at a time on every core, in order; the calling thread takes them as they finish.
        let checking = DispatchQueue(label: "careplan.check-files")
        var inFlight: [CheckedChunk] = []
        var started = 0
        func startMore() {
            while inFlight.count < Self.chunksAhead, started < chunks.count {
                inFlight.append(CheckedChunk(chunks[started], reader: self, format: format, on: checking))
                started += 1
            }
        }
        startMore()
        while !inFlight.isEmpty {
            let outcomes = inFlight.removeFirst().wait()
            startMore()
            for outcome in outcomes { try body(outcome) }
        }
        // If body threw, the chunks being checked are left to finish on their own: they only read.
    }
}

/// One chunk of files being checked in the background, on every core.
private final class CheckedChunk: @unchecked Sendable {
    // Each slot is written by exactly one worker before `done` is signalled, and read only
    // after: the semaphore orders the writes before the reads.
    private let slots: UnsafeMutablePointer<PlanFileReader.Checked?>
    private let count: Int
    private let done = DispatchSemaphore(value: 0)

    init(_ files: [String], reader: PlanFileReader, format: PlanFileFormat, on queue: DispatchQueue) {
        count = files.count
        slots = .allocate(capacity: files.count)
        slots.initialize(repeating: nil, count: files.count)
        queue.async { [self] in
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots[index] = reader.check(file: files[index], format: format)
            }
            done.signal()
        }
    }

    /// The outcomes in file order, once every file is checked.
    func wait() -> [PlanFileReader.Checked] {
        done.wait()
        let outcomes = (0..<count).compactMap { slots[$0] }
        precondition(outcomes.count == count, "every file of a chunk is checked before it is handed over")
        return outcomes
    }

    deinit {
        // The background work holds `self` until it has signalled, so nothing writes now.
        slots.deinitialize(count: count)
        slots.deallocate()
    }
}
