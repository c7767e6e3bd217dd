import CarePlanCore
import CarePlanStore
import Foundation

/// Revisions (history, diff, undo, redo, restore), files, help and quitting.
enum RevisionAndFileCommands {
    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        let revisions = "Revisions"
        try registry.register(
            CommandSpec(
                "history", group: revisions, summary: "List the open plan's revisions: number, time, author, summary.",
                example: "history"
            ) { _, session in
                let open = try session.openPlan()
                let rows = try session.store.history(of: open.plan.id).map { revision in
                    [
                        String(revision.number), Timestamp.format(revision.createdAt), TerminalSafe.sanitize(revision.author),
                        TerminalSafe.sanitize(revision.summary),
                    ]
                }
                session.output.write(TextTable(headers: ["REV", "WHEN (UTC)", "AUTHOR", "SUMMARY"], rows: rows).render())
            })
        try registry.register(
            CommandSpec(
                "diff", group: revisions, summary: "Show what changed between two revisions (default: the last change).",
                example: "diff 3 5"
            ) { arguments in
                let first = arguments.optionalPositional("FROM", .integer(1...Int(Int32.max)))
                let last = arguments.optionalPositional("TO", .integer(1...Int(Int32.max)))
                return { invocation, session in
                    let open = try session.openPlan()
                    let to = try invocation[last] ?? open.revision
                    let from = try invocation[first] ?? max(1, to - 1)
                    let old = try session.store.load(open.plan.id, revision: from)
                    let new = try session.store.load(open.plan.id, revision: to)
                    let lines = PlanDiff.lines(from: PlanJSON.tree(of: old.plan), to: PlanJSON.tree(of: new.plan))
                    session.say("revision \(from) → \(to): \(lines.isEmpty ? "no differences" : "\(lines.count) change\(lines.count == 1 ? "" : "s")")")
                    for line in lines { session.say("  " + TerminalSafe.sanitize(line)) }
                }
            })
        try registry.register(
            CommandSpec(
                "undo", group: revisions, summary: "Undo your last change in this session (saved as a new revision).", example: "undo"
            ) { _, session in try session.undo() })
        try registry.register(
            CommandSpec(
                "redo", group: revisions, summary: "Redo the change you last undid (saved as a new revision).", example: "redo"
            ) { _, session in try session.redo() })
        try registry.register(
            CommandSpec(
                "restore", group: revisions, summary: "Make an earlier revision current again (saved as a new revision; nothing is lost).",
                example: "restore 4"
            ) { arguments in
                let revision = arguments.positional("REVISION", .integer(1...Int(Int32.max)))
                return { invocation, session in try session.restore(revision: try invocation[revision]) }
            })
        try registry.register(
            CommandSpec(
                "reload", group: revisions, summary: "Re-read the open plan from the store (after a conflict).", example: "reload"
            ) { _, session in
                try session.reload()
                session.say("reloaded \(try session.openPlan().plan.id) at revision \(try session.openPlan().revision)")
            })
        try registry.register(
            CommandSpec(
                "again", group: revisions,
                summary: "Make the change a conflict stopped once more, on the plan as it is now (after reload).", example: "again",
                details: "A change refused because a colleague changed the same entry is kept, exactly as typed, until the next "
                    + "conflict or the end of the session; reload, look at theirs, then type again."
            ) { _, session in
                guard let line = session.keptLine else { throw ShellError("again: no change is waiting; a conflict keeps the line it stopped") }
                session.say("again: \(TerminalSafe.sanitize(line))")
                // Kept until it is made: a second conflict keeps it for the next look.
                try session.run(line)
                session.keptLine = nil
            })

        let files = "Files"
        try registry.register(
            CommandSpec(
                "import", group: files, summary: "Import a plan file (plan JSON, or a FHIR R4 Bundle) and open it.",
                example: "import plans/social-prescribing-margaret-okafor.json",
                details: "The same checks and the same words as careplan import: every problem as FILE: FIELD: REASON; "
                    + "an invalid file stores nothing.",
                needsPlan: false
            ) { arguments in
                let file = arguments.positional("FILE", .file)
                let format = arguments.option("format", .vocabulary(PlanFileFormat.self), "json (default) or fhir")
                let replace = arguments.flag("replace", "store a plan already stored with other content as its new revision")
                return { invocation, session in
                    try importPlan(from: try invocation[file], format: try invocation[format] ?? .json, replace: try invocation[replace], session)
                }
            })
        try registry.register(
            CommandSpec(
                "export", group: files,
                summary: "Write the open plan to a file (mode 0600): JSON, a document for the person (text, Markdown or HTML), or FHIR.",
                example: "export maggie.html --large-print"
            ) { arguments in
                let file = arguments.positional("FILE", .file)
                let format = arguments.option(
                    "format", .vocabulary(PlanExportFormat.self), "json, text, markdown, html or fhir (default: from the file name, else json)")
                let ids = arguments.flag("ids", "show entry ids in the person's document, for staff")
                let largePrint = arguments.flag("large-print", "HTML in large print")
                return { invocation, session in
                    try export(
                        to: try invocation[file], format: try invocation[format], showIDs: try invocation[ids], largePrint: try invocation[largePrint],
                        session)
                }
            })

        let shell = "Shell"
        try registry.register(
            CommandSpec(
                "help", group: shell, summary: "List commands, or explain one.",
                example: "help goal add", needsPlan: false
            ) { arguments in
                let topic = arguments.optionalPositional("COMMAND", .text, rest: true)
                return { invocation, session in
                    session.page(HelpText.render(session.registry, topic: try invocation[topic], width: min(session.width, 80)))
                }
            })
        try registry.register(
            CommandSpec(
                "quit", group: shell, summary: "Leave careplan (every change is already saved).", example: "quit", needsPlan: false
            ) { _, session in session.wantsToQuit = true })
        try registry.register(
            CommandSpec(
                "exit", group: shell, summary: "Same as quit.", example: "exit", needsPlan: false
            ) { _, session in session.wantsToQuit = true })
    }

    /// `import`: the same importer, checks and words as `careplan import`.
    private static func importPlan(from file: String, format: PlanFileFormat, replace: Bool, _ session: ShellSession) throws {
        let importer = PlanImporter(
            store: session.store, plugins: session.plugins, author: session.author,
            now: session.now, today: session.today)
        switch importer.check(file: file, format: format) {
        case .refused(_, let issues):
            let lines = issues.map { PlanImporter.line($0, in: file) }
            for line in lines.dropLast() { session.report(ShellError(line)) }
            throw ShellError(lines.last ?? "\(file): not imported")
        case .message(_, let message):
            for line in PlanImporter.unusedLines(message, in: file) { session.say(line) }
            let received: (line: String, planID: String)
            do {
                received = try importer.receive(message, from: file, newPlanID: session.makePlanID)
            } catch {
                throw ShellError("\(file): \(error)")
            }
            session.say(received.line)
            try session.open(planID: received.planID)
        case .accepted(let accepted):
            for warning in accepted.checked.warnings { session.say(PlanImporter.line(warning, in: file)) }
            guard let outcome = try importer.store([accepted], replace: replace).first else { return }
            let line = PlanImporter.line(outcome, for: file)
            guard !line.isError else { throw ShellError(line.text) }
            session.say(line.text)
            try session.open(planID: accepted.checked.plan.id)
        }
    }

    /// `export`: the open plan in `format`, or the one the file name suggests.
    private static func export(to path: String, format chosen: PlanExportFormat?, showIDs: Bool, largePrint: Bool, _ session: ShellSession) throws {
        let plan = try session.openPlan().plan
        var format = PlanExportFormat.json
        if let chosen {
            format = chosen
        } else {
            do throws(ShellError) {
                format = try PlanExportFormat.guess(fromFileName: path) ?? .json
            } catch {
                throw ShellError("export: \(error.message)")
            }
        }
        if let refusal = format.refusal(plugins: session.plugins) { throw ShellError("export: \(refusal)") }
        let data = format.render(
            plan, plugins: session.plugins, today: session.today, showIDs: showIDs,
            largePrint: largePrint)
        try session.recordAccess(.export, detail: format.rawValue)
        do {
            try SecureFile.write(data, to: path)
        } catch {
            throw ShellError("export: \(error)")
        }
        session.say("wrote \(plan.id) to \(path) (\(format.rawValue))")
        if let caution = format.sharingCaution(for: plan) { session.say("  careful: \(caution)") }
    }
}
