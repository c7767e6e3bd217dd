import CarePlanCore

/// Progress on each coaching goal across sessions, drawn as bars for a terminal:
///
///     CG1 Walk 30 minutes on five days a week
///       2026-11-21  ███░░░░░░░   3/10  GAS -1
///       2026-11-28  █████░░░░░   5/10  GAS  0
enum ProgressChart {
    static func lines(_ section: HealthCoachingSection, goal: String? = nil, width: Int) -> [String] {
        let wrapper = TextWrapper(width: width)
        var lines: [String] = []
        for coachingGoal in section.goals where goal == nil || coachingGoal.id == goal {
            lines += wrapper.wrap("\(coachingGoal.id) \(coachingGoal.what)", restPrefix: "    ")
            let points = section.sessions.compactMap { session in
                session.reviews.first { $0.goalId == coachingGoal.id }.map { (session.heldOn, $0) }
            }
            if points.isEmpty {
                lines.append("  no sessions have reviewed this goal yet")
                continue
            }
            for (date, review) in points {
                var row = "  \(date)  "
                if let progress = review.progress {
                    row += String(repeating: "█", count: progress) + String(repeating: "░", count: 10 - progress)
                    row += "  " + (progress < 10 ? " " : "") + "\(progress)/10"
                } else {
                    row += String(repeating: " ", count: 17)
                }
                if let gas = review.gas { row += "  GAS " + (gas > 0 ? "+\(gas)" : gas == 0 ? " 0" : "\(gas)") }
                lines.append(row)
            }
            let progresses = points.compactMap(\.1.progress)
            if let first = progresses.first, let last = progresses.last, progresses.count > 1 {
                let change = last - first
                lines.append("  change: \(change > 0 ? "+" : "")\(change) over \(progresses.count) sessions")
            }
        }
        return lines
    }
}
