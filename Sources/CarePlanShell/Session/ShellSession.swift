package import CarePlanCore
package import CarePlanStore
package import Foundation

/// The shell's state: the store, the open plan and its revision, and undo/redo.
///
/// Knows no terminal: lines come in as strings and output goes to a `ShellOutput`, so tests
/// drive it exactly as the readline front end does.
package final class ShellSession {
    /// The plan being edited and the revision it was read at.
    package struct OpenPlan: Sendable {
        /// The plan as last committed.
        package var plan: Plan
        /// Its revision number in the store.
        package var revision: Int
        /// What validation found in it, kept so an edit validates only the plan it produces:
        /// problems it already had are not blamed on the edit.
        var issues: Set<ValidationIssue>
    }

    struct UndoStep {
        var before: Plan
        var after: Plan
        var summary: String
    }

    /// The store every change is committed to.
    package let store: PlanStore
    /// The commands.
    package let registry: CommandRegistry
    /// The loaded role modules.
    package let plugins: PluginHost
    /// Where output goes; everything written is made harmless to a terminal on the way.
    package let output: any ShellOutput
    /// Who is making changes.
    package var author: String
    /// The terminal width for views.
    package var width: Int
    /// Where the current line came from ("script.cp:3"), prefixed to errors; nil when typed.
    package var location: String?

    let now: @Sendable () -> Date
    let timeZone: TimeZone
    var makePlanID: () -> String
    package private(set) var current: OpenPlan?
    var undoStack: [UndoStep] = []
    /// The bytes of the last plan this session stored, whose untouched lists the next commit
    /// reuses rather than encoding again (`EncodedPlan`).
    private var lastEncoding: EncodedPlan?
    /// For tests: each commit also encodes the whole plan and stops if the bytes made by
    /// reusing the last version's differ. Off in the product, where it would double the cost
    /// of an edit; the in-process shell harness turns it on, so every command a test types
    /// is checked.
    package var checksReusedBytes = false
    var redoStack: [UndoStep] = []
    /// True once the user has been told the access audit cannot be written here.
    var toldAuditIsReadOnly = false
    /// Asks the person at the keyboard a yes/no question; nil when nobody can answer (a
    /// script), so commands that need a yes refuse and say which option to add.
    package var confirm: ((String) -> Bool)?
    /// The line a conflict stopped, kept for `again`.
    package var keptLine: String?
    /// Colleagues' changes to the open plan, on the team store.
    package private(set) lazy var news: ColleagueNews? = ColleagueNews(store: store)
    /// Shows long text a page at a time (on a terminal); nil writes it straight out.
    package var pager: ((String) -> Void)?
    /// Set by `quit`; the front end stops reading.
    package internal(set) var wantsToQuit = false

    /// A session on `store`.
    /// - Parameters:
    ///   - now: the clock; tests pass a fixed one.
    ///   - makePlanID: makes ids for new plans; tests pass a predictable one.
    package init(
        store: PlanStore, registry: CommandRegistry, plugins: PluginHost = .none, output: any ShellOutput,
        author: String, width: Int = 80,
        now: @escaping @Sendable () -> Date, timeZone: TimeZone = .current,
        makePlanID: @escaping () -> String = PlanIDGenerator.random
    ) {
        self.store = store
        self.registry = registry
        self.plugins = plugins
        self.output = output is EscapingOutput ? output : EscapingOutput(output)
        self.author = author
        self.width = width
        self.now = now
        self.timeZone = timeZone
        self.makePlanID = makePlanID
    }

    /// The day, by the session's clock.
    package var today: CalendarDate { CalendarDate(now(), in: timeZone) }

    /// Where a module keeps a file of its own (the services directory): in the store's
    /// folder, so each store has its own, and no module needs to know how the store is kept.
    package func moduleFilePath(_ name: String) -> String {
        (store.localFolder as NSString).appendingPathComponent(name)
    }

    /// The prompt: names the open plan so staff always know whose plan they are editing.
    package var prompt: String {
        guard let current else { return "careplan> " }
        let name = TerminalSafe.sanitize(current.plan.person.name)
        let short = name.count > 30 ? String(name.prefix(29)) + "…" : name
        return "careplan \(current.plan.id) \(short)> "
    }

    /// Runs one line. Returns false if it failed (the reason has been written as an error).
    @discardableResult
    package func execute(_ line: String) -> Bool {
        do {
            try run(line)
            return true
        } catch let error as ShellError where error.isConflict {
            // `again` keeps the line it ran; any other line is kept as typed.
            if line.trimmingCharacters(in: .whitespaces) != "again" { keptLine = line }
            report(error)
            return false
        } catch {
            report(error)
            return false
        }
    }

    /// Parses and runs one line, throwing what it fails with.
    package func run(_ line: String) throws {
        guard let invocation = try registry.parse(line, today: today) else { return }
        if invocation.spec.needsPlan, current == nil {
            throw ShellError("\(invocation.spec.name): no plan is open; use open PLAN or new NAME")
        }
        try invocation.spec.run(invocation, self)
    }

    func report(_ error: any Error) {
        let message: String
        switch error {
        case let error as ShellError: message = error.message
        case let error as PlanEditError: message = error.message
        case let error as StoreError: message = error.description
        case let error as PlanDocumentError: message = error.issues.first(where: { $0.severity == .error })?.description ?? error.description
        default: message = "\(error)"
        }
        let single = message.replacingOccurrences(of: "\n", with: " ")
        output.error(location.map { "\($0): \(single)" } ?? single)
    }

    /// Writes long text through the pager when there is one.
    package func page(_ text: String) {
        if let pager { pager(TerminalSafe.sanitize(text, keepNewlines: true)) } else { output.write(text) }
    }

    /// Prints text followed by a newline.
    package func say(_ text: String) {
        output.write(text + "\n")
    }

    /// A text renderer for this session's width, modules and day.
    package func renderer() -> PlanTextRenderer {
        var renderer = PlanTextRenderer(width: width)
        renderer.contributions = plugins.registrar.textContributions
        renderer.today = today
        return renderer
    }

    // MARK: - Plans

    /// A plan as stored (its newest revision, or `revision`), in the current shape: modules'
    /// upgrades run on it, so an old plan is shown in the new shape and stored in it on its
    /// next change.
    package func load(_ planID: String, revision: Int? = nil) throws -> StoredPlan {
        var stored = try revision.map { try store.load(planID, revision: $0) } ?? store.load(planID)
        plugins.upgrade(&stored.plan)
        return stored
    }

    /// Opens the newest revision of a plan, closing any other and forgetting its undo history.
    package func open(planID: String) throws {
        let stored = try load(planID)
        if current?.plan.id != planID {
            undoStack.removeAll()
            redoStack.removeAll()
        }
        current = OpenPlan(plan: stored.plan, revision: stored.revision.number, issues: Set(issues(in: stored.plan)))
    }

    /// The one plan `query` names. When several match, they are listed (name, date of birth,
    /// id) for the user to choose from, and the error asks for an id.
    package func resolvePlan(_ query: String) throws -> PlanSummary {
        do {
            return try store.resolve(query)
        } catch StoreError.ambiguous(let query, let candidates) {
            output.write(PlanListing.choices(candidates))
            throw StoreError.ambiguous(query: query, candidates: candidates)
        }
    }

    /// Records in the store's access audit that whoever is at the keyboard did `action` to the
    /// open plan. Done before what is shown or written leaves the store; a store that cannot
    /// be written to says so once.
    package func recordAccess(_ action: AccessAction, detail: String? = nil) throws {
        let open = try openPlan()
        if try !store.recordAccess(action, to: [open.plan.id], by: author, at: now(), detail: detail), !toldAuditIsReadOnly {
            toldAuditIsReadOnly = true
            say("  note: the store is read-only, so what you open, show and export here is not in its access audit")
        }
    }

    /// Where the PCN's local code list is kept: beside the store, like a module's files.
    package var localCodesPath: String { moduleFilePath("codes.csv") }

    /// The PCN's local code list (`codes import`), or an empty one when none was imported.
    package func localCodeList() throws -> LocalCodeList {
        guard FileManager.default.fileExists(atPath: localCodesPath) else { return .empty }
        let data: Data
        do throws(BoundedFile.Problem) {
            data = try BoundedFile.read(localCodesPath, limit: 1 << 20)
        } catch {
            throw ShellError("the local code list \(localCodesPath) cannot be read: \(error.reason)")
        }
        do {
            return try LocalCodeList.parse(csv: String(decoding: data, as: UTF8.self), file: localCodesPath)
        } catch {
            throw ShellError("\(error)")
        }
    }

    /// Closes the open plan.
    package func close() {
        current = nil
        lastEncoding = nil
        undoStack.removeAll()
        redoStack.removeAll()
    }

    /// Creates and opens a new plan.
    package func create(_ plan: Plan) throws {
        try store.create(plan, author: author, summary: "created", at: now())
        try open(planID: plan.id)
    }

    func newPlanID() -> String { makePlanID() }

    /// The open plan, or an error saying none is open.
    package func openPlan() throws -> OpenPlan {
        guard let current else { throw ShellError("no plan is open; use open PLAN or new NAME") }
        return current
    }

    // MARK: - Changes

    /// Applies an edit to the open plan, checks the result, and commits it as a new revision
    /// at once. On any problem nothing is changed and the reason is thrown.
    package func apply(_ edit: PlanEdit) throws {
        let open = try openPlan()
        let context = EditContext(today: today, author: author)
        let (changed, summary) = try edit.apply(to: open.plan, context: context)
        try commit(changed, summary: summary, from: open, recordUndo: true) { latest in
            try edit.apply(to: latest, context: context).plan
        }
    }

    /// Everything validation finds in `plan`: the core's checks and the modules'.
    func issues(in plan: Plan) -> [ValidationIssue] {
        PlanValidator(today: today).validate(plan) + plugins.validate(plan, today: today)
    }

    /// Commits `changed`, made from `open`. When a colleague committed in between, their change
    /// and this one are merged if they touch different entries: the edit is made again on
    /// their revision (`replay`, so new entries get fresh ids), or, for undo and redo, the
    /// change is merged entry by entry. When both touched the same entry nothing is saved and
    /// the entry is named.
    func commit(
        _ changed: Plan, summary: String, from open: OpenPlan, recordUndo: Bool,
        replay: ((Plan) throws -> Plan)? = nil, attempts: Int = 3
    ) throws {
        let after = issues(in: changed)
        if let error = after.first(where: { $0.severity == .error && !open.issues.contains($0) }) {
            throw ShellError(error.plainDescription(in: changed))
        }
        guard changed != open.plan else {
            throw ShellError("nothing to change")
        }
        let revision: RevisionInfo
        do {
            let encoding = PlanJSON.encode(changed, reusing: lastEncoding)
            if checksReusedBytes {
                precondition(encoding.body == PlanJSON.encode(changed), "the bytes made from the last version differ from a full encoding")
            }
            revision = try store.commit(changed, body: encoding.body, basedOn: open.revision, author: author, summary: summary, at: now())
            lastEncoding = encoding
        } catch let StoreError.conflict(planID, basedOn, head, headAuthor) {
            let latest = try load(planID)
            let merged: Plan
            do {
                merged = try PlanMerge.merge(base: open.plan, mine: changed, theirs: latest.plan)
            } catch  where error.bothAddedNewEntry && replay != nil {
                merged = changed
            } catch {
                throw ShellError(
                    "conflict: \(headAuthor) changed \(error.path) in plan \(planID) since you opened it "
                        + "(revision \(basedOn), now \(head)); your change was not saved: type reload to see theirs, "
                        + "then again to make yours on top of it", isConflict: true)
            }
            guard attempts > 1 else {
                throw ShellError("conflict: plan \(planID) keeps changing under this edit; your change was not saved: try again")
            }
            let rebased = try replay?(latest.plan) ?? keepingCounters(merged, of: latest.plan)
            let base = OpenPlan(plan: latest.plan, revision: latest.revision.number, issues: Set(issues(in: latest.plan)))
            say("merged with \(headAuthor)'s change (revision \(head))")
            try commit(rebased, summary: summary, from: base, recordUndo: recordUndo, replay: replay, attempts: attempts - 1)
            return
        }
        current = OpenPlan(plan: changed, revision: revision.number, issues: Set(after))
        if recordUndo {
            undoStack.append(UndoStep(before: open.plan, after: changed, summary: summary))
            redoStack.removeAll()
        }
        say("\(summary) (revision \(revision.number))")
        for warning in after where warning.severity == .warning && !open.issues.contains(warning) {
            say("  \(warning.plainDescription(in: changed))")
        }
    }

    /// Undoes the last change made in this session, as a new revision. If others changed the
    /// plan since (and it was reloaded), only this session's change is taken back; when both
    /// touched the same entry, nothing is changed and the entry is named.
    package func undo() throws {
        let open = try openPlan()
        guard let step = undoStack.popLast() else { throw ShellError("nothing to undo in this session") }
        do {
            let target = try revert(from: step.after, to: step.before, current: open.plan)
            try commit(target, summary: "undo: \(step.summary)", from: open, recordUndo: false)
        } catch {
            undoStack.append(step)
            throw error
        }
        redoStack.append(step)
    }

    /// Redoes the last undone change, as a new revision.
    package func redo() throws {
        let open = try openPlan()
        guard let step = redoStack.popLast() else { throw ShellError("nothing to redo") }
        do {
            let target = try revert(from: step.before, to: step.after, current: open.plan)
            try commit(target, summary: "redo: \(step.summary)", from: open, recordUndo: false)
        } catch {
            redoStack.append(step)
            throw error
        }
        undoStack.append(step)
    }

    /// The current plan with the change from `from` to `to` applied, entry by entry; id
    /// counters never go back, so an undone entry's id is not issued again.
    private func revert(from: Plan, to: Plan, current: Plan) throws -> Plan {
        let merged: Plan
        do {
            merged = try PlanMerge.merge(base: from, mine: to, theirs: current)
        } catch {
            throw ShellError("cannot undo: someone else has changed the same part since (\(error.path)); nothing was changed")
        }
        return keepingCounters(merged, of: current)
    }

    /// `plan` with id counters at least those of `current`, including a module section that
    /// `plan` lacks (an undone first entry): it comes back empty but remembers its counters.
    func keepingCounters(_ plan: Plan, of current: Plan) -> Plan {
        var result = plan
        for (module, section) in current.extensions where result.extensions[module] == nil && section["lastIssuedIds"] != nil {
            guard let type = plugins.registrar.sections[module], case .object(var empty)? = try? SectionCodec.emptyTree(type) else { continue }
            empty["lastIssuedIds"] = section["lastIssuedIds"]
            result.extensions[module] = .object(empty)
        }
        return result.keepingIssuedIDs(of: current)
    }

    /// Makes an earlier revision the newest, as a new revision (nothing is lost).
    package func restore(revision number: Int) throws {
        let open = try openPlan()
        let old = try load(open.plan.id, revision: number)
        try commit(keepingCounters(old.plan, of: open.plan), summary: "restore revision \(number)", from: open, recordUndo: true)
    }

    /// Reloads the open plan from the store (after a conflict). This session's undo and redo
    /// are kept: they take back only this session's own changes.
    /// Shows colleagues' changes to the open plan that arrived since the last prompt, and
    /// reloads it so it is current; then watches whichever plan is open now. Called between
    /// commands and while waiting at the prompt.
    /// - Returns: true when something was said.
    @discardableResult
    package func deliverNews() -> Bool {
        guard let news else { return false }
        var said = false
        for change in news.take() {
            guard let open = current, open.plan.id == change.planID, change.revision > open.revision else { continue }
            do {
                try reload()
                say(
                    "\(TerminalSafe.sanitize(change.author)) changed this plan (now revision \(try openPlan().revision)); "
                        + "you have the latest")
            } catch {
                say("\(TerminalSafe.sanitize(change.author)) changed this plan (revision \(change.revision)); type reload to see it")
            }
            said = true
        }
        news.follow(current?.plan.id)
        return said
    }

    package func reload() throws {
        let open = try openPlan()
        let stored = try load(open.plan.id)
        current = OpenPlan(plan: stored.plan, revision: stored.revision.number, issues: Set(issues(in: stored.plan)))
    }
}

/// Makes plan ids: "CP-" and eight characters from Crockford's base 32 (no I, L, O, U).
package enum PlanIDGenerator {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// An id from the system's random source.
    package static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// An id from `generator`.
    package static func make(using generator: inout some RandomNumberGenerator) -> String {
        "CP-" + String((0..<8).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
