import CarePlanCore
import Foundation

/// The current time and day. `CAREPLAN_NOW` (RFC 3339) fixes it, for tests and demos.
struct Clock {
    let now: Date

    init(environment: [String: String]) {
        if let fixed = environment["CAREPLAN_NOW"], let instant = try? Date(fixed, strategy: .iso8601) {
            now = instant
        } else {
            now = Date()
        }
    }

    var today: CalendarDate { CalendarDate(now, in: .current) }
}
