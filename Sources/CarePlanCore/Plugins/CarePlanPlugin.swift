import Foundation

/// A role module: adds its own section, rules and views to the one shared plan.
///
/// The list of modules is explicit in `main` (no discovery). A module registers what it adds
/// through a `PluginRegistrar`; shell commands come through `ShellCommandProvider` in
/// CarePlanShell, which knows commands, so the core stays free of the shell.
public protocol CarePlanPlugin: Sendable {
    /// The module id: the key of its section under `extensions` and its help group's tag.
    static var id: String { get }
    /// A title for people ("Social prescribing").
    static var title: String { get }
    /// The role whose work it is, as staff filter the worklist by (`splw`, `hwbc`, `cc`), or
    /// nil for a module no one role owns.
    static var role: String? { get }
    /// Registers the module's section, rules and text contributions.
    func register(into registrar: inout PluginRegistrar) throws(PluginError)
}

extension CarePlanPlugin {
    public static var role: String? { nil }
}

/// Why a set of modules cannot start together.
public struct PluginError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A module's part of the plan: Codable, stored under `extensions[moduleID]`.
public protocol PluginSection: Codable, Equatable, Sendable {
    /// The module that owns the section.
    static var moduleID: String { get }
    /// An empty section, used when a plan has none yet.
    init()
}

/// A validation rule a module adds: returns every problem it finds.
public protocol PlanRule: Sendable {
    /// Problems in `plan`, with field paths under `extensions.<module id>`.
    func validate(_ plan: Plan, today: CalendarDate?) -> [ValidationIssue]
}

/// Text a module adds to `show` and the text export: a titled block of lines.
public protocol PlanTextContribution: Sendable {
    /// The block's title ("Social prescribing").
    var title: String { get }
    /// The lines to show for `plan`, wrapped to `style.width`, or none to show nothing.
    func lines(for plan: Plan, style: TextStyle) -> [String]
}

/// What a module tells the person in their own plan document: plain sentences in the
/// person's voice ("I have started going to Sing Together"), never staff detail (owners,
/// priorities, scores jargon, codes, ids, breach or at-risk wording).
public protocol PersonDocumentContribution: Sendable {
    /// The heading in the person's words ("Groups and services I am connected with").
    var title: String { get }
    /// One sentence a bullet, for `plan`; none to leave the heading out. Dates through
    /// `style.date`, which writes them out.
    func sentences(for plan: Plan, style: TextStyle) -> [String]
}

/// Collects what modules register, and refuses duplicates with a clear message.
public struct PluginRegistrar: Sendable {
    /// The module being registered, set by `PluginHost`.
    public internal(set) var currentModule: String = ""
    /// Section types by module id.
    public private(set) var sections: [String: any PluginSection.Type] = [:]
    /// Every rule.
    public private(set) var rules: [any PlanRule] = []
    /// Every text contribution, in registration order.
    public private(set) var textContributions: [any PlanTextContribution] = []
    /// Providers of worklist items, and the modules they belong to.
    public private(set) var dueItemProviders: [any DueItemProvider] = []
    /// The module ids that provide worklist items.
    public private(set) var dueItemSources: [String] = []
    /// Where the modules' kinds of due item go on the worklist.
    public private(set) var dueItemPlacements: [DueItemKind: WorklistPlacement] = [:]
    /// The modules' kinds of due item, in the order declared.
    public private(set) var dueItemOrder: [DueItemKind] = []
    /// What modules tell the person in their plan document, in registration order.
    public private(set) var personDocumentContributions: [any PersonDocumentContribution] = []
    /// What modules add to the FHIR bundle.
    public private(set) var fhirContributions: [any PlanFHIRContribution] = []
    /// The module that declared each due item kind.
    public private(set) var dueItemModules: [DueItemKind: String] = [:]
    /// What modules count in the period report.
    public internal(set) var reportContributions: [any ReportContribution] = []
    /// Rewrites of older shapes of plan data, in registration order.
    public internal(set) var upgrades: [any PlanUpgrade] = []
    /// Each module's JSON Schema fragment: the section's definition name and the definitions
    /// the module owns, by module id.
    public private(set) var schemaFragments: [String: (section: String, definitions: [String: JSONValue])] = [:]

    /// Registers the module's plan section.
    public mutating func section<S: PluginSection>(_ type: S.Type) throws(PluginError) {
        guard sections[S.moduleID] == nil else {
            throw PluginError("two modules register the plan section \"\(S.moduleID)\"")
        }
        guard Plan.isValidModuleID(S.moduleID) else {
            throw PluginError("\"\(S.moduleID)\" is not a valid module id (lower-case words joined by hyphens)")
        }
        sections[S.moduleID] = type
    }

    /// Registers a validation rule.
    public mutating func rule(_ rule: some PlanRule) {
        rules.append(rule)
    }

    /// Registers what the module puts on the caseload worklist: the provider, and each kind of
    /// item it makes with where that kind goes. Items of kinds not declared here are not shown.
    /// - Throws: `PluginError` when a kind is already declared (by the core or another module),
    ///   is not lower-case words joined by hyphens, or names a group the core already uses for
    ///   work ("Overdue", "Due today", "Due this week").
    public mutating func dueItems(
        _ provider: some DueItemProvider,
        kinds: KeyValuePairs<DueItemKind, WorklistPlacement>
    ) throws(PluginError) {
        for (kind, placement) in kinds {
            guard Plan.isValidModuleID(kind.rawValue) else {
                throw PluginError("\"\(kind.rawValue)\" is not a valid due item kind (lower-case words joined by hyphens)")
            }
            guard CoreDueItems.placements[kind] == nil, dueItemPlacements[kind] == nil else {
                throw PluginError("two modules declare the due item kind \"\(kind.rawValue)\"")
            }
            if case .group(let title, _) = placement, ["Overdue", "Due today", "Due this week"].contains(title) {
                throw PluginError("the worklist group \"\(title)\" is the core's; declare the kind \"\(kind.rawValue)\" as .work")
            }
            dueItemPlacements[kind] = placement
            dueItemOrder.append(kind)
            dueItemModules[kind] = currentModule
        }
        dueItemProviders.append(provider)
        if !dueItemSources.contains(currentModule) { dueItemSources.append(currentModule) }
    }

    /// Registers what the module adds to the FHIR export, and how it reads it back.
    public mutating func fhir(_ contribution: some PlanFHIRContribution) {
        fhirContributions.append(contribution)
    }

    /// Registers what the person's own plan document says about the module's work.
    public mutating func personDocument(_ contribution: some PersonDocumentContribution) {
        personDocumentContributions.append(contribution)
    }

    /// Registers the JSON Schema of the module's section: a JSON object with `section` (the
    /// name of the definition that describes the section) and `$defs` (every definition the
    /// module owns; they may refer to the core's, such as `#/$defs/Date`).
    /// - Throws: `PluginError` when the text is not such an object, or a definition name is
    ///   already declared by another module.
    public mutating func schema(_ json: String) throws(PluginError) {
        let tree: JSONValue
        do {
            tree = try JSONParser.parse(Data(json.utf8))
        } catch {
            throw PluginError("the schema of \"\(currentModule)\" is not valid JSON: \(error)")
        }
        guard case .string(let section)? = tree["section"], case .object(let definitions)? = tree["$defs"],
            definitions[section] != nil
        else {
            throw PluginError("the schema of \"\(currentModule)\" needs \"section\" naming one of its \"$defs\"")
        }
        for (module, fragment) in schemaFragments {
            if let clash = definitions.keys.sorted().first(where: { fragment.definitions[$0] != nil }) {
                throw PluginError("the schema definition \"\(clash)\" is declared by \"\(module)\" and \"\(currentModule)\"")
            }
        }
        schemaFragments[currentModule] = (section, definitions)
    }

    /// Registers text for `show` and the text export.
    public mutating func text(_ contribution: some PlanTextContribution) {
        textContributions.append(contribution)
    }
}

/// Choices a deploying organisation makes that change what falls due (docs/deployment-safety.md).
public struct DeploymentSettings: Sendable, Equatable {
    /// Days a service has to answer a referral when no day is set: for referrals received,
    /// and for referrals sent without `--respond-by`. 1 to 90; 14 unless the PCN sets it.
    public var responseDays: Int
    /// Where the PCN publishes careplan's FHIR definitions (`CAREPLAN_FHIR_BASE`): the start
    /// of every extension URL and identifier system careplan sends. No FHIR is sent until set.
    public var fhirBase: FHIRBase?

    /// Settings, with the PCN's response days (kept within 1 to 90) and FHIR base.
    public init(responseDays: Int = 14, fhirBase: FHIRBase? = nil) {
        self.responseDays = min(max(responseDays, 1), 90)
        self.fhirBase = fhirBase
    }
}

/// The loaded modules, registered once at start-up.
public struct PluginHost: Sendable {
    /// The modules, in the order given.
    public let plugins: [any CarePlanPlugin]
    /// What they registered.
    public let registrar: PluginRegistrar
    /// The deployment's own choices.
    public let settings: DeploymentSettings

    /// No modules.
    public static let none = PluginHost()

    private init() {
        plugins = []
        registrar = PluginRegistrar()
        settings = DeploymentSettings()
    }

    /// Registers `plugins` in order.
    /// - Throws: `PluginError` for a duplicate module id or section key.
    public init(_ plugins: [any CarePlanPlugin], settings: DeploymentSettings = DeploymentSettings()) throws(PluginError) {
        var registrar = PluginRegistrar()
        var seen: Set<String> = []
        for plugin in plugins {
            let id = type(of: plugin).id
            guard seen.insert(id).inserted else { throw PluginError("the module \"\(id)\" is listed twice") }
            registrar.currentModule = id
            try plugin.register(into: &registrar)
        }
        self.plugins = plugins
        self.registrar = registrar
        self.settings = settings
    }

    /// Every problem the modules' sections and rules find in `plan`.
    public func validate(_ plan: Plan, today: CalendarDate?) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var decoded: [String: SectionCodec.DecodedSection] = [:]
        for (id, type) in registrar.sections.sorted(by: { $0.key < $1.key }) {
            switch SectionCodec.decodeStored(type, in: plan) {
            case .success(let section?): decoded[id] = section
            case .success(nil): break
            case .failure(let problem):
                issues.append(ValidationIssue(.error, at: FieldPath("extensions").appending(id).appending(problem.path), problem.message))
            }
        }
        // Every module's id counters, whatever the module: a huge number must be refused here,
        // not trap when the next id is issued.
        for (id, section) in plan.extensions.sorted(by: { $0.key < $1.key }) {
            guard case .object(let counters)? = section["lastIssuedIds"] else { continue }
            for (prefix, value) in counters.sorted(by: { $0.key < $1.key }) {
                let ok: Bool
                switch value {
                case .integer(let number): ok = (0...Int64(Plan.maximumIssuedNumber)).contains(number)
                default: ok = false
                }
                if !ok {
                    issues.append(
                        ValidationIssue(
                            .error, at: FieldPath("extensions").appending(id).appending("lastIssuedIds").appending(prefix),
                            "expected a whole number from 0 to \(Plan.maximumIssuedNumber)"))
                }
            }
        }
        guard !issues.containsErrors else { return issues }
        SectionCodec.$alreadyDecoded.withValue(decoded) {
            for rule in registrar.rules { issues += rule.validate(plan, today: today) }
        }
        return issues
    }
}
