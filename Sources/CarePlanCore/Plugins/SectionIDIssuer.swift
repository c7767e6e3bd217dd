/// A module section that gives its entries short ids of its own (`L1`, `CG1`, `T1`) and,
/// like the core plan, never reuses one: it remembers the last number issued per prefix.
public protocol SectionIDIssuer {
    /// The last number issued for each id prefix.
    var lastIssuedIds: [String: Int] { get set }
}

extension SectionIDIssuer {
    /// The next unused id with `prefix`, recorded as issued.
    public mutating func issueID(_ prefix: String) -> String {
        // Never traps: a counter already at the top (refused by validation) stays there.
        let next = min(lastIssuedIds[prefix] ?? 0, Int.max - 1) + 1
        lastIssuedIds[prefix] = next
        return "\(prefix)\(next)"
    }
}
