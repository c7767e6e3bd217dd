import CarePlanCore
import CarePlanShell

/// The CC's shell commands: tasks and tracked appointments.
enum CareCoordinationCommands {
    static let group = "Care coordination"

    static let taskID = ArgumentType.sectionEntries(CareCoordinationSection.self, "Tn") { $0.tasks.map(\.id) }
    static let trackedID = ArgumentType.sectionEntries(CareCoordinationSection.self, "Kn") { $0.tracked.map(\.id) }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "task add", group: group, summary: "Add a coordination task: what, who, when.",
                example: "task add Chase the oncology appointment letter --due 2026-11-25 --priority high --referral R1"
            ) { arguments in
                let title = arguments.positional("TITLE", .text, rest: true)
                let owner = arguments.option("owner", .text, "who does it (default: you)")
                let due = arguments.option("due", .date, "due date")
                let priority = arguments.option("priority", .vocabulary(TaskPriority.self), "low, normal (default), high, urgent")
                let referral = arguments.option("referral", .entry([.referral]), "the referral it chases")
                let goal = arguments.option("goal", .entry([.goal]), "the goal it serves")
                return { invocation, session in
                    try session.apply(
                        .addTask(
                            try invocation[title], owner: try invocation[owner] ?? session.author, due: try invocation[due],
                            priority: try invocation[priority] ?? .normal, referral: try invocation[referral], goal: try invocation[goal]))
                }
            })
        try registry.register(
            CommandSpec(
                "task status", group: group, summary: "Move a task on; reopening a done task needs --note saying why.",
                example: "task status T1 done --note \"Rebooked for 2026-11-19\""
            ) { arguments in
                let task = arguments.positional("ID", taskID)
                let status = arguments.positional("STATUS", .vocabulary(TaskStatus.self))
                let note = arguments.option("note", .text, "what was done, or why it is reopened")
                let day = arguments.option("on", .pastDate, "the day it happened (default today)")
                return { invocation, session in
                    try session.apply(
                        .moveTask(try invocation[task].uppercased(), to: try invocation[status], note: try invocation[note], on: try invocation[day]))
                }
            })
        try registry.register(
            CommandSpec(
                "task due", group: group, summary: "Change when a task is due, or who owns it.",
                example: "task due T1 2026-11-28 --owner \"Nadia Begum\""
            ) { arguments in
                let task = arguments.positional("ID", taskID)
                let due = arguments.positional("DATE", ArgumentType.date.clearable)
                let owner = arguments.option("owner", .text, "hand it to someone else")
                return { invocation, session in
                    try session.apply(.rescheduleTask(try invocation[task].uppercased(), due: try invocation[due], owner: try invocation[owner]))
                }
            })
        try registry.register(
            CommandSpec(
                "track add", group: group, summary: "Track an appointment or test so it does not slip.",
                example: "track add Colonoscopy --where \"Westshire General\" --on 2026-12-02 --status booked"
            ) { arguments in
                let what = arguments.positional("WHAT", .text, rest: true)
                let place = arguments.option("where", .text, "where")
                let day = arguments.option("on", .date, "when (or book by)")
                let status = arguments.option("status", .vocabulary(TrackedStatus.self), "to-book (default) or booked")
                return { invocation, session in
                    try session.apply(
                        .track(try invocation[what], place: try invocation[place], on: try invocation[day], status: try invocation[status] ?? .toBook))
                }
            })
        try registry.register(
            CommandSpec(
                "track status", group: group, summary: "Update a tracked appointment or test.",
                example: "track status K1 rebooked --on 2026-11-19",
                details: "Booked and rebooked take the appointment day, which may be ahead. Attended, did-not-attend and "
                    + "result-received take the day it happened, never ahead, and keep it: a rebooking after a missed "
                    + "appointment adds a step and never changes the missed one."
            ) { arguments in
                let tracked = arguments.positional("ID", trackedID)
                let status = arguments.positional("STATUS", .vocabulary(TrackedStatus.self))
                let day = arguments.option("on", .date, "booked, rebooked: the appointment day; otherwise the day it happened (default today)")
                return { invocation, session in
                    let status = try invocation[status], on = try invocation[day], today = session.today
                    if !status.isBooking, let on, on > today {
                        throw ShellError("track status: --on: \(on) is in the future; record \(status.label) once it has happened (today is \(today))")
                    }
                    try session.apply(.moveTracked(try invocation[tracked].uppercased(), to: status, on: on))
                }
            })
    }
}
