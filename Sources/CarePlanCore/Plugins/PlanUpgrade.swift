public import Foundation

/// A module's rewrite of plan data saved in an older shape into its current one (for
/// example a section another module used to hold). The core runs every upgrade whenever a
/// plan is read for use, checked or exported, so an old plan is shown and exported in the new
/// shape at once and stored in it on its next change; the JSON stays format v1.
public protocol PlanUpgrade: Sendable {
    /// Text that the JSON of every plan needing this upgrade contains. Stored plans without it
    /// are streamed as they are (a whole-caseload export does not decode every plan).
    var marker: String { get }
    /// Rewrites `plan` in place; true when anything changed. Must be idempotent.
    func upgrade(_ plan: inout Plan) -> Bool
}

extension PluginRegistrar {
    /// Registers a rewrite of an older shape of plan data.
    public mutating func upgrade(_ upgrade: some PlanUpgrade) {
        upgrades.append(upgrade)
    }
}

extension PluginHost {
    /// Runs every module's upgrade on `plan`; true when any changed it.
    @discardableResult
    public func upgrade(_ plan: inout Plan) -> Bool {
        var changed = false
        for upgrade in registrar.upgrades where upgrade.upgrade(&plan) { changed = true }
        return changed
    }

    /// `plan` upgraded.
    public func upgraded(_ plan: Plan) -> Plan {
        var copy = plan
        upgrade(&copy)
        return copy
    }

    /// False when no upgrade can apply to a stored plan's JSON (none of the markers is in it),
    /// so it need not be decoded.
    public func mayNeedUpgrade(_ body: Data) -> Bool {
        registrar.upgrades.contains { body.range(of: Data($0.marker.utf8)) != nil }
    }

    /// A stored plan's JSON in its current shape: `body` itself when no upgrade applies, else
    /// the upgraded plan's canonical bytes (pretty, or one line).
    public func currentShape(of body: Data, oneLine: Bool = false) throws -> Data? {
        guard mayNeedUpgrade(body) else { return nil }
        var plan = try PlanJSON.decodeStored(body)
        guard upgrade(&plan) else { return nil }
        return oneLine ? PlanJSON.encodeLine(PlanJSON.tree(of: plan)) : PlanJSON.encode(plan)
    }
}
