/// Something the person is good at, enjoys, or can draw on.
public struct Strength: Codable, Hashable, Sendable, Identifiable {
    /// `S1`, `S2`...
    public var id: EntryID
    /// In the person's words.
    public var text: String

    /// A strength.
    public init(id: EntryID, text: String) {
        self.id = id
        self.text = text
    }
}

extension Strength: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        text = try object.read(CodingKeys.text)
    }
}

extension Strength: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 2)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.text, text)
        return object.tree
    }
}
