/// Three-way merge of plans at the level of entries: applies the change from `base` to
/// `mine` on top of `theirs`, where someone else changed `base` into `theirs`.
///
/// Objects merge member by member; lists of entries (objects with an `id`) merge entry by
/// entry, matched by id; anything else is one value. A part that only one side changed takes
/// that side's value; a part both changed differently is a conflict naming the entry. Used by
/// undo and redo after a reload, so undoing your own change never undoes a colleague's.
public enum PlanMerge {
    /// Why two changes cannot be merged: both touched the same part.
    public struct Conflict: Error, Equatable, Sendable, CustomStringConvertible {
        /// The part both changed, as a field path with entry ids (`goals[G2]`).
        public var path: String
        /// True when both sides added an entry with the same new id (each issued the next id):
        /// not the same entry at all, so replaying the change on the latest plan resolves it.
        public var bothAddedNewEntry: Bool = false
        public var description: String { "both changes touch \(path)" }
    }

    /// `theirs` with the change from `base` to `mine` applied, id counters carried forward.
    public static func merge(base: Plan, mine: Plan, theirs: Plan) throws(Conflict) -> Plan {
        let merged = try merge(PlanJSON.tree(of: base), PlanJSON.tree(of: mine), PlanJSON.tree(of: theirs), path: "") ?? PlanJSON.tree(of: theirs)
        do {
            let plan = try PlanJSON.decodeStored(PlanJSON.encode(merged))
            return plan.keepingIssuedIDs(of: theirs).keepingIssuedIDs(of: base).keepingIssuedIDs(of: mine)
        } catch {
            throw Conflict(path: "the plan as a whole")
        }
    }

    static func merge(_ base: JSONValue?, _ mine: JSONValue?, _ theirs: JSONValue?, path: String) throws(Conflict) -> JSONValue? {
        if mine == base { return theirs }
        if theirs == base || theirs == mine { return mine }
        switch (base, mine, theirs) {
        case (.object(let b)?, .object(let m)?, .object(let t)?):
            var result: [String: JSONValue] = [:]
            for key in Set(b.keys).union(m.keys).union(t.keys).sorted() {
                // Bookkeeping, not content: id counters are carried forward after the merge,
                // and the last-updated day is the newest side's.
                if Self.bookkeeping.contains(key) {
                    if let value = t[key] ?? m[key] { result[key] = value }
                    continue
                }
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let value = try merge(b[key], m[key], t[key], path: child) { result[key] = value }
            }
            return .object(result)
        case (.array(let b)?, .array(let m)?, .array(let t)?) where isEntryList(b) && isEntryList(m) && isEntryList(t):
            return .array(try mergeEntries(b, m, t, path: path))
        default:
            throw Conflict(path: path.isEmpty ? "the plan as a whole" : path)
        }
    }

    static let bookkeeping: Set<String> = ["lastIssuedIDs", "lastIssuedIds", "lastUpdated"]

    private static func entryID(_ value: JSONValue) -> String? {
        if case .string(let id)? = value["id"] { return id }
        return nil
    }

    private static func isEntryList(_ items: [JSONValue]) -> Bool {
        items.allSatisfy { entryID($0) != nil }
    }

    /// Entries in their order in `theirs`, then those only `mine` added, in `mine`'s order.
    private static func mergeEntries(_ base: [JSONValue], _ mine: [JSONValue], _ theirs: [JSONValue], path: String) throws(Conflict) -> [JSONValue] {
        func index(_ items: [JSONValue]) -> [String: JSONValue] {
            var result: [String: JSONValue] = [:]
            for item in items { if let id = entryID(item) { result[id] = item } }
            return result
        }
        let b = index(base), m = index(mine), t = index(theirs)
        var order = theirs.compactMap(entryID)
        for id in mine.compactMap(entryID) where t[id] == nil && b[id] == nil { order.append(id) }
        var result: [JSONValue] = []
        for id in order {
            if b[id] == nil, let mineEntry = m[id], let theirEntry = t[id], mineEntry != theirEntry {
                throw Conflict(path: "\(path)[\(id)]", bothAddedNewEntry: true)
            }
            if let value = try merge(b[id], m[id], t[id], path: "\(path)[\(id)]") { result.append(value) }
        }
        return result
    }
}
