import Dispatch
import Foundation
import GRDB
import Synchronization

/// Moves the write-ahead log into the store file off the commit path.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold: that
/// commit copies every page of the log into the file and syncs it, several milliseconds on an
/// edit that otherwise takes one (the p99 of a shell edit was 6 ms, 1 ms without). The writer
/// therefore turns it off (`wal_autocheckpoint = 0`), and after a commit that leaves the log
/// past `threshold` bytes this runs a PASSIVE checkpoint on a connection of its own, on a
/// background queue: writers carry on appending meanwhile, and an acknowledged commit is
/// already durable in the log, so a process killed during a checkpoint loses nothing.
final class BackgroundCheckpointer: Sendable {
    /// The log size after which a checkpoint is started: SQLite's own default (1,000 pages).
    static let defaultThreshold = 4 * 1024 * 1024

    private struct State {
        var connection: DatabaseQueue?
        var scheduled = false
        var completed = 0
    }

    private let path: String
    private let threshold: Int
    private let queue = DispatchQueue(label: "careplan.checkpoint", qos: .utility)
    private let state = Mutex(State())

    /// A checkpointer for the store at `path`.
    init(path: String, threshold: Int = BackgroundCheckpointer.defaultThreshold) {
        self.path = path
        self.threshold = threshold
    }

    /// Checkpoints completed so far (for tests).
    var completed: Int { state.withLock { $0.completed } }

    /// Called after each commit: starts a checkpoint when the log has grown past the
    /// threshold and none is waiting already. Costs one `stat` otherwise.
    func afterCommit() {
        var status = stat()
        guard stat(path + "-wal", &status) == 0, Int(status.st_size) > threshold else { return }
        let start = state.withLock { state in
            guard !state.scheduled else { return false }
            state.scheduled = true
            return true
        }
        guard start else { return }
        queue.async { [self] in checkpoint() }
    }

    /// Waits, without blocking a thread, until every checkpoint started so far has finished.
    func drained() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
    }

    private func checkpoint() {
        state.withLock { $0.scheduled = false }
        do {
            let connection = try state.withLock { state in
                if let connection = state.connection { return connection }
                var configuration = Configuration()
                // A checkpoint busy with another never waits: the next commit asks again.
                configuration.busyMode = .immediateError
                let opened = try DatabaseQueue(path: path, configuration: configuration)
                state.connection = opened
                return opened
            }
            try connection.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
            state.withLock { $0.completed += 1 }
        } catch {
            // Nothing is lost by a checkpoint that did not run: the log keeps every commit,
            // and the next commit past the threshold tries again.
        }
    }
}
