extension Plan {
    /// The highest entry number a plan or a module section may record as issued: far beyond
    /// any real plan, and far enough from `Int.max` that issuing the next id cannot overflow.
    public static let maximumIssuedNumber = 999_999_999

    /// This plan with every id counter at least as high as in `other`: the core's
    /// `lastIssuedIDs` and each module section's `lastIssuedIds`.
    ///
    /// Undo, redo and restore bring back an earlier plan, whose counters are lower than the
    /// current ones; carrying the counters forward keeps the promise that an entry id is never
    /// issued twice, so "G3" in a note or a message always means one goal.
    public func keepingIssuedIDs(of other: Plan) -> Plan {
        var result = self
        for (kind, number) in other.lastIssuedIDs where number > (result.lastIssuedIDs[kind] ?? 0) {
            result.lastIssuedIDs[kind] = number
        }
        for (module, otherSection) in other.extensions {
            guard case .object(var section)? = result.extensions[module],
                case .object(let otherCounters)? = otherSection["lastIssuedIds"]
            else { continue }
            var counters: [String: JSONValue] = [:]
            if case .object(let existing)? = section["lastIssuedIds"] { counters = existing }
            for (prefix, value) in otherCounters {
                guard case .integer(let number) = value else { continue }
                if case .integer(let current)? = counters[prefix], current >= number { continue }
                counters[prefix] = .integer(number)
            }
            section["lastIssuedIds"] = .object(counters)
            result.extensions[module] = .object(section)
        }
        return result
    }
}
