import CarePlanCore
import CarePlanShell

/// The CC's shell commands: tasks and tracked appointments.
enum CareCoordinationCommands {
    static let group = "Care coordination"

    static let taskID = ArgumentKind.sectionEntries(CareCoordinationSection.self, "Tn") { $0.tasks.map(\.id) }
    static let trackedID = ArgumentKind.sectionEntries(CareCoordinationSection.self, "Kn") { $0.tracked.map(\.id) }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "task add", group: group, summary: "Add a coordination task: what, who, when.",
                positionals: [PositionalSpec("TITLE", .text, rest: true)],
                options: [
                    OptionSpec("owner", .text, "who does it (default: you)"), OptionSpec("due", .date, "due date"),
                    OptionSpec("priority", .vocabulary(TaskPriority.self), "low, normal (default), high, urgent"),
                    OptionSpec("referral", .entry([.referral]), "the referral it chases"), OptionSpec("goal", .entry([.goal]), "the goal it serves"),
                ],
                example: "task add Chase the oncology appointment letter --due 2026-11-25 --priority high --referral R1"
            ) { invocation, session in
                let title = try invocation.required("TITLE")
                let owner = invocation.text("owner") ?? session.author
                let due = try invocation.date("due"), priority = try invocation.choice("priority", as: TaskPriority.self) ?? .normal
                let referral = try invocation.entry("referral"), goal = try invocation.entry("goal")
                try session.apply(.addTask(title, owner: owner, due: due, priority: priority, referral: referral, goal: goal))
            })
        try registry.register(
            CommandSpec(
                "task status", group: group, summary: "Move a task on; reopening a done task needs --note saying why.",
                positionals: [PositionalSpec("ID", taskID), PositionalSpec("STATUS", .vocabulary(TaskStatus.self))],
                options: [
                    OptionSpec("note", .text, "what was done, or why it is reopened"),
                    OptionSpec("on", .pastDate, "the day it happened (default today)"),
                ],
                example: "task status T1 done --note \"Rebooked for 2026-11-19\""
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                guard let status = try invocation.choice("STATUS", as: TaskStatus.self) else { return }
                let note = invocation.text("note")
                let day = try invocation.date("on")
                try session.apply(.moveTask(id, to: status, note: note, on: day))
            })
        try registry.register(
            CommandSpec(
                "task due", group: group, summary: "Change when a task is due, or who owns it.",
                positionals: [PositionalSpec("ID", taskID), PositionalSpec("DATE", .date)],
                options: [OptionSpec("owner", .text, "hand it to someone else")], example: "task due T1 2026-11-28 --owner \"Nadia Begum\""
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                let due = try invocation.date("DATE"), owner = invocation.text("owner")
                try session.apply(.rescheduleTask(id, due: due, owner: owner))
            })
        try registry.register(
            CommandSpec(
                "track add", group: group, summary: "Track an appointment or test so it does not slip.",
                positionals: [PositionalSpec("WHAT", .text, rest: true)],
                options: [
                    OptionSpec("where", .text, "where"), OptionSpec("on", .date, "when (or book by)"),
                    OptionSpec("status", .vocabulary(TrackedStatus.self), "to-book (default) or booked"),
                ],
                example: "track add Colonoscopy --where \"Westshire General\" --on 2026-12-02 --status booked"
            ) { invocation, session in
                let what = try invocation.required("WHAT")
                let place = invocation.text("where"), on = try invocation.date("on")
                let status = try invocation.choice("status", as: TrackedStatus.self) ?? .toBook
                try session.apply(.track(what, place: place, on: on, status: status))
            })
        try registry.register(
            CommandSpec(
                "track status", group: group, summary: "Update a tracked appointment or test.",
                positionals: [PositionalSpec("ID", trackedID), PositionalSpec("STATUS", .vocabulary(TrackedStatus.self))],
                options: [OptionSpec("on", .date, "booked, rebooked: the appointment day; otherwise the day it happened (default today)")],
                example: "track status K1 rebooked --on 2026-11-19",
                details: "Booked and rebooked take the appointment day, which may be ahead. Attended, did-not-attend and "
                    + "result-received take the day it happened, never ahead, and keep it: a rebooking after a missed "
                    + "appointment adds a step and never changes the missed one."
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                guard let status = try invocation.choice("STATUS", as: TrackedStatus.self) else { return }
                let on = try invocation.date("on")
                let today = session.today
                if !status.isBooking, let on, on > today {
                    throw ShellError("track status: --on: \(on) is in the future; record \(status.label) once it has happened (today is \(today))")
                }
                try session.apply(.moveTracked(id, to: status, on: on))
            })
    }
}
