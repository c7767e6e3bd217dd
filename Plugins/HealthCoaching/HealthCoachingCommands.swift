import CarePlanCore
import CarePlanShell

/// The HWBC's shell commands: coaching goals, sessions, activation and the progress chart.
enum HealthCoachingCommands {
    static let group = "Health coaching"

    /// Coaching goal ids of the open plan, for completion.
    static let coachingGoalID = ArgumentType.dynamic("CGn") { session in
        guard let plan = session.current?.plan else { return [] }
        return ((try? SectionCodec.read(HealthCoachingSection.self, from: plan))?.goals ?? []).map(\.id)
    }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "coach goal", group: group, summary: "Add a SMART coaching goal: what exactly, how measured, target, by when.",
                example:
                    "coach goal Walk 30 minutes --measure \"days a week\" --target 5 --by 2027-01-31 --importance 8 --confidence 6 --stage preparation --goal G1"
            ) { arguments in
                let what = arguments.positional("WHAT", .text, rest: true)
                let measure = arguments.option("measure", .text, "how it is measured")
                let target = arguments.option("target", .text, "the target (\"5 days a week\")")
                let by = arguments.option("by", .date, "by when")
                let importance = arguments.option("importance", .integer(0...10), "how much it matters, 0-10")
                let confidence = arguments.option("confidence", .integer(0...10), "how confident the person is, 0-10")
                let stage = arguments.option("stage", .vocabulary(StageOfChange.self), "stage of change")
                let planGoal = arguments.option("goal", .entry([.goal]), "the plan goal it serves")
                let needs = arguments.option("need", .entryList(.need), "plan needs it addresses")
                return { invocation, session in
                    try session.apply(
                        .addCoachingGoal(
                            try invocation[what], measure: try invocation[measure], target: try invocation[target], by: try invocation[by],
                            importance: try invocation[importance], confidence: try invocation[confidence], stage: try invocation[stage],
                            planGoal: try invocation[planGoal], needs: try invocation[needs] ?? []))
                }
            })
        try registry.register(
            CommandSpec(
                "coach stage", group: group, summary: "Set a coaching goal's stage of change.", example: "coach stage CG1 action"
            ) { arguments in
                let goal = arguments.positional("ID", coachingGoalID)
                let stage = arguments.positional("STAGE", .vocabulary(StageOfChange.self))
                return { invocation, session in
                    try session.apply(.setStage(try invocation[goal].uppercased(), to: try invocation[stage]))
                }
            })
        try registry.register(
            CommandSpec(
                "coach session", group: group, summary: "Log a session: progress 0-10 and/or GAS -2..+2 per goal, wins, barriers, next steps.",
                example: "coach session today --mode video --minutes 40 --progress CG1=6 --gas CG1=0 --wins \"Walked 4 days\" --next-session 2026-12-05"
            ) { arguments in
                let date = arguments.positional("DATE", .pastDate)
                let mode = arguments.option("mode", .vocabulary(SessionMode.self), "in-person, phone, video or group (default phone)")
                let minutes = arguments.option("minutes", .integer(1...600), "how long")
                let progress = arguments.option("progress", .text, "progress per goal: CG1=6,CG2=4")
                let gas = arguments.option("gas", .text, "Goal Attainment Scaling per goal: CG1=+1,CG2=0")
                let wins = arguments.option("wins", .text, "what went well")
                let barriers = arguments.option("barriers", .text, "what got in the way")
                let next = arguments.option("next", .text, "agreed next steps")
                let nextSession = arguments.option("next-session", .date, "the next session")
                return { invocation, session in
                    try session.apply(
                        .logSession(
                            on: try invocation[date], mode: try invocation[mode] ?? .phone, minutes: try invocation[minutes],
                            progress: try scores(try invocation[progress], option: "--progress", range: 0...10),
                            gas: try scores(try invocation[gas], option: "--gas", range: -2...2), wins: try invocation[wins],
                            barriers: try invocation[barriers], next: try invocation[next], nextSession: try invocation[nextSession]))
                }
            })
        try registry.register(
            CommandSpec(
                "coach activation", group: group, summary: "Record Patient Activation Measure level (1-4) and score as entered.",
                example: "coach activation 2 --score 47.0"
            ) { arguments in
                let level = arguments.positional("LEVEL", .integer(1...4))
                let score = arguments.option("score", .text, "the score as entered")
                let day = arguments.option("on", .pastDate, "when (default today)")
                return { invocation, session in
                    try session.apply(.recordActivation(level: try invocation[level], score: try invocation[score], on: try invocation[day]))
                }
            })
        try registry.register(
            CommandSpec(
                "coach progress", group: group, summary: "Chart progress on each coaching goal (or one) across sessions.",
                example: "coach progress CG1"
            ) { arguments in
                let goal = arguments.optionalPositional("ID", coachingGoalID)
                return { invocation, session in
                    let section = try SectionCodec.read(HealthCoachingSection.self, from: session.openPlan().plan)
                    let goal = try invocation[goal]?.uppercased()
                    if let goal, !section.goals.contains(where: { $0.id == goal }) {
                        throw ShellError("there is no coaching goal \(goal) in this plan")
                    }
                    let lines = ProgressChart.lines(section, goal: goal, width: session.width)
                    session.say(lines.isEmpty ? "no coaching goals yet" : lines.joined(separator: "\n"))
                }
            })
    }

    /// Parses `CG1=6,CG2=-1` into scores by goal id, each within `range`.
    static func scores(_ text: String?, option: String, range: ClosedRange<Int>) throws -> [String: Int] {
        guard let text else { return [:] }
        var result: [String: Int] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, let value = Int(pieces[1].hasPrefix("+") ? String(pieces[1].dropFirst()) : pieces[1]) else {
                throw ShellError("coach session: \(option): expected GOAL=SCORE such as CG1=6, got \(part)")
            }
            guard range.contains(value) else {
                throw ShellError("coach session: \(option): expected a score from \(range.lowerBound) to \(range.upperBound) for \(pieces[0]), got \(value)")
            }
            result[pieces[0].uppercased()] = value
        }
        return result
    }
}
