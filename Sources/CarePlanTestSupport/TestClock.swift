package import Foundation
import Synchronization

/// A clock a test moves by hand, day by day, so a story told over weeks (a referral, a missed
/// appointment, a rebooking) runs in a moment and always the same way.
package final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// A clock showing `day` (`YYYY-MM-DD`), at the time of day `Fixtures.now` has.
    package init(_ day: String) {
        current = Mutex(Fixtures.instant(day))
    }

    /// The time now.
    package var now: Date { current.withLock { $0 } }

    /// Moves the clock to `day`.
    package func set(_ day: String) {
        current.withLock { $0 = Fixtures.instant(day) }
    }
}
