import Foundation

/// Reads and writes a module's section in a plan, keeping what the module does not know.
///
/// A newer version of a module may have written fields this version does not know. Writing
/// the section back keeps them: the unknown parts are found by comparing the stored JSON with
/// what this version would write for it, and laid back over the new value (objects by key,
/// list items by their `id`, else by position).
public enum SectionCodec {
    /// The section in `plan`, or an empty one.
    public static func read<S: PluginSection>(_ type: S.Type, from plan: Plan) throws -> S {
        guard let stored = plan.extensions[S.moduleID] else { return S() }
        // Equal trees are compared by identity first (the same storage), so a section the
        // check already decoded for this very plan is found at once.
        if let known = alreadyDecoded[S.moduleID], let section = known.section as? S, known.source == stored {
            return section
        }
        return try decode(type, from: stored)
    }

    /// A section decoded from `source`.
    struct DecodedSection: Sendable {
        let source: JSONValue
        let section: any PluginSection
    }

    /// Sections `PluginHost.validate` has decoded, by module id, while it runs the modules'
    /// rules: each rule reads its section without decoding it a second time.
    @TaskLocal static var alreadyDecoded: [String: DecodedSection] = [:]

    /// Stores `section` in `plan`, keeping unknown fields of the section already there.
    public static func write<S: PluginSection>(_ section: S, into plan: inout Plan) throws {
        let fresh = try tree(of: section)
        guard let stored = plan.extensions[S.moduleID] else {
            plan.extensions[S.moduleID] = fresh
            return
        }
        let known = try tree(of: decode(S.self, from: stored))
        plan.extensions[S.moduleID] = overlayUnknown(stored: stored, known: known, onto: fresh)
    }

    /// An empty section of `type` as a tree: what a plan holds for a module with no entries.
    public static func emptyTree(_ type: any PluginSection.Type) throws -> JSONValue {
        func make<S: PluginSection>(_ type: S.Type) throws -> JSONValue { try tree(of: S()) }
        return try make(type)
    }

    static func decode<S: Decodable>(_ type: S.Type, from value: JSONValue) throws -> S {
        // A section with its own reader (see TreeReadable) is read without Codable's containers.
        if let readable = type as? any TreeReadable.Type, let section = try read(readable, from: value) as? S {
            return section
        }
        return try JSONTreeDecoder().decode(S.self, from: value)
    }

    private static func read<R: TreeReadable>(_ type: R.Type, from value: JSONValue) throws -> R {
        try JSONTreeDecoder().decode(type, from: value)
    }

    static func tree(of value: some Encodable) throws -> JSONValue {
        // A section with its own writer (see TreeWritable) is written without Codable's containers.
        if let writable = value as? any TreeWritable { return writable.jsonTree }
        return try JSONTreeEncoder().encode(value)
    }

    /// The stored section decoded (nil when the plan has none), or why it does not decode, as
    /// a path inside the section and a message.
    static func decodeStored(
        _ type: any PluginSection.Type, in plan: Plan
    ) -> Result<DecodedSection?, SectionProblem> {
        guard let stored = plan.extensions[type.moduleID] else { return .success(nil) }
        do {
            func decoded<S: PluginSection>(_ type: S.Type) throws -> S { try decode(type, from: stored) }
            return .success(DecodedSection(source: stored, section: try decoded(type)))
        } catch let error as DecodingError {
            let issue = PlanJSON.issue(for: error, in: stored)
            return .failure(SectionProblem(path: issue.path, message: issue.message))
        } catch {
            return .failure(SectionProblem(path: .root, message: "could not be read"))
        }
    }

    /// Why a stored section does not decode.
    struct SectionProblem: Error {
        let path: FieldPath
        let message: String
    }

    /// `fresh` with every part of `stored` that is absent from `known` laid back over it.
    static func overlayUnknown(stored: JSONValue, known: JSONValue, onto fresh: JSONValue) -> JSONValue {
        switch (stored, known, fresh) {
        case (.object(let storedMembers), .object(let knownMembers), .object(var freshMembers)):
            for (key, storedValue) in storedMembers {
                if let knownValue = knownMembers[key] {
                    if let freshValue = freshMembers[key] {
                        freshMembers[key] = overlayUnknown(stored: storedValue, known: knownValue, onto: freshValue)
                    }
                } else if storedValue != .null {
                    freshMembers[key] = storedValue
                }
            }
            return .object(freshMembers)
        case (.array(let storedItems), .array(let knownItems), .array(let freshItems)):
            return .array(
                freshItems.enumerated().map { index, item in
                    // Match list items by id where they have one, so reordering or removal is safe.
                    if case .string(let id)? = item["id"] {
                        guard let position = storedItems.firstIndex(where: { $0["id"] == .string(id) }),
                            position < knownItems.count
                        else { return item }
                        return overlayUnknown(stored: storedItems[position], known: knownItems[position], onto: item)
                    }
                    guard index < storedItems.count, index < knownItems.count, storedItems.count == freshItems.count else { return item }
                    return overlayUnknown(stored: storedItems[index], known: knownItems[index], onto: item)
                })
        default:
            return fresh
        }
    }
}
