import CarePlanCore
import CarePlanShell

/// The HWBC's shell commands: coaching goals, sessions, activation and the progress chart.
enum HealthCoachingCommands {
    static let group = "Health coaching"

    /// Coaching goal ids of the open plan, for completion.
    static let coachingGoalID = ArgumentKind.dynamic("CGn") { session in
        guard let plan = session.current?.plan else { return [] }
        return ((try? SectionCodec.read(HealthCoachingSection.self, from: plan))?.goals ?? []).map(\.id)
    }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        let goalOptions = [
            OptionSpec("measure", .text, "how it is measured"),
            OptionSpec("target", .text, "the target (\"5 days a week\")"),
            OptionSpec("by", .date, "by when"),
            OptionSpec("importance", .integer(0...10), "how much it matters, 0-10"),
            OptionSpec("confidence", .integer(0...10), "how confident the person is, 0-10"),
            OptionSpec("stage", .vocabulary(StageOfChange.self), "stage of change"),
            OptionSpec("goal", .entry([.goal]), "the plan goal it serves"),
            OptionSpec("need", .entryList(.need), "plan needs it addresses"),
        ]
        try registry.register(
            CommandSpec(
                "coach goal", group: group, summary: "Add a SMART coaching goal: what exactly, how measured, target, by when.",
                positionals: [PositionalSpec("WHAT", .text, rest: true)], options: goalOptions,
                example:
                    "coach goal Walk 30 minutes --measure \"days a week\" --target 5 --by 2027-01-31 --importance 8 --confidence 6 --stage preparation --goal G1"
            ) { invocation, session in
                let what = try invocation.required("WHAT")
                let measure = invocation.text("measure"), target = invocation.text("target"), by = try invocation.date("by")
                let importance = try invocation.integer("importance"), confidence = try invocation.integer("confidence")
                let stage = try invocation.choice("stage", as: StageOfChange.self)
                let planGoal = try invocation.entry("goal"), needs = try invocation.entries("need") ?? []
                try session.apply(
                    .addCoachingGoal(
                        what, measure: measure, target: target, by: by, importance: importance, confidence: confidence, stage: stage,
                        planGoal: planGoal, needs: needs))
            })
        try registry.register(
            CommandSpec(
                "coach stage", group: group, summary: "Set a coaching goal's stage of change.",
                positionals: [PositionalSpec("ID", coachingGoalID), PositionalSpec("STAGE", .vocabulary(StageOfChange.self))],
                example: "coach stage CG1 action"
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                guard let stage = try invocation.choice("STAGE", as: StageOfChange.self) else { return }
                try session.apply(.setStage(id, to: stage))
            })
        try registry.register(
            CommandSpec(
                "coach session", group: group, summary: "Log a session: progress 0-10 and/or GAS -2..+2 per goal, wins, barriers, next steps.",
                positionals: [PositionalSpec("DATE", .pastDate)],
                options: [
                    OptionSpec("mode", .vocabulary(SessionMode.self), "in-person, phone, video or group (default phone)"),
                    OptionSpec("minutes", .integer(1...600), "how long"),
                    OptionSpec("progress", .text, "progress per goal: CG1=6,CG2=4"),
                    OptionSpec("gas", .text, "Goal Attainment Scaling per goal: CG1=+1,CG2=0"),
                    OptionSpec("wins", .text, "what went well"),
                    OptionSpec("barriers", .text, "what got in the way"),
                    OptionSpec("next", .text, "agreed next steps"),
                    OptionSpec("next-session", .date, "the next session"),
                ],
                example: "coach session today --mode video --minutes 40 --progress CG1=6 --gas CG1=0 --wins \"Walked 4 days\" --next-session 2026-12-05"
            ) { invocation, session in
                guard let date = try invocation.date("DATE") else { throw ShellError("coach session: give the date") }
                let mode = try invocation.choice("mode", as: SessionMode.self) ?? .phone
                let minutes = try invocation.integer("minutes")
                let progress = try scores(invocation.text("progress"), option: "--progress", range: 0...10)
                let gas = try scores(invocation.text("gas"), option: "--gas", range: -2...2)
                let wins = invocation.text("wins"), barriers = invocation.text("barriers"), next = invocation.text("next")
                let nextSession = try invocation.date("next-session")
                try session.apply(
                    .logSession(
                        on: date, mode: mode, minutes: minutes, progress: progress, gas: gas, wins: wins, barriers: barriers, next: next,
                        nextSession: nextSession))
            })
        try registry.register(
            CommandSpec(
                "coach activation", group: group, summary: "Record Patient Activation Measure level (1-4) and score as entered.",
                positionals: [PositionalSpec("LEVEL", .integer(1...4))],
                options: [OptionSpec("score", .text, "the score as entered"), OptionSpec("on", .pastDate, "when (default today)")],
                example: "coach activation 2 --score 47.0"
            ) { invocation, session in
                let level = try invocation.integer("LEVEL") ?? 1
                let score = invocation.text("score"), day = try invocation.date("on")
                try session.apply(.recordActivation(level: level, score: score, on: day))
            })
        try registry.register(
            CommandSpec(
                "coach progress", group: group, summary: "Chart progress on each coaching goal (or one) across sessions.",
                positionals: [PositionalSpec("ID", coachingGoalID, optional: true)], example: "coach progress CG1"
            ) { invocation, session in
                let section = try SectionCodec.read(HealthCoachingSection.self, from: session.openPlan().plan)
                let goal = invocation.text("ID")?.uppercased()
                if let goal, !section.goals.contains(where: { $0.id == goal }) { throw ShellError("there is no coaching goal \(goal) in this plan") }
                let lines = ProgressChart.lines(section, goal: goal, width: session.width)
                session.say(lines.isEmpty ? "no coaching goals yet" : lines.joined(separator: "\n"))
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
