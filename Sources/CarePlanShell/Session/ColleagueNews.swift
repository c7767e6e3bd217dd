package import CarePlanStore
import Foundation

/// News of colleagues' changes to the open plan, on the team store: the store announces each
/// commit (LISTEN/NOTIFY), the announcement waits here, and the shell shows it between
/// prompts, or while it waits at one, and reloads the plan so what it shows is current.
package final class ColleagueNews: @unchecked Sendable {
    /// A change someone committed.
    package struct Change: Equatable, Sendable {
        package var planID: String
        package var revision: Int
        package var author: String
    }

    private let team: TeamStore
    private let lock = NSLock()
    private var pending: [Change] = []
    private var watched: String?

    /// News for `store`, or nil when it is a file (one person's: nobody else changes it).
    package init?(store: PlanStore) {
        guard let team = store.team else { return nil }
        self.team = team
    }

    /// Watches `planID` (the open plan), or nothing; called on the session's thread.
    func follow(_ planID: String?) {
        guard planID != watched else { return }
        if let watched { team.stopWatching(watched) }
        watched = nil
        guard let planID else { return }
        do {
            try team.watch(planID) { [weak self] revision, author in
                self?.arrived(Change(planID: planID, revision: revision, author: author))
            }
            watched = planID
        } catch {
            // No news is not a failure of the command; show and commit still check the head.
        }
    }

    /// True when a change is waiting to be shown: cheap, for readline's idle hook.
    package var hasNews: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !pending.isEmpty
    }

    /// The changes waiting, oldest first; they are shown once.
    func take() -> [Change] {
        lock.lock()
        defer { lock.unlock() }
        let taken = pending
        pending.removeAll()
        return taken
    }

    private func arrived(_ change: Change) {
        lock.lock()
        pending.append(change)
        lock.unlock()
    }
}
