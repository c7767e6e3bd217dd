/// A dated free-text note on the plan.
public struct Note: Codable, Hashable, Sendable, Identifiable {
    /// `D1`, `D2`...
    public var id: EntryID
    /// The day it was written.
    public var writtenOn: CalendarDate
    /// Who wrote it.
    public var author: String?
    /// The note.
    public var text: String

    /// A note written on `date`.
    public init(id: EntryID, writtenOn date: CalendarDate, author: String? = nil, text: String) {
        self.id = id
        self.writtenOn = date
        self.author = author
        self.text = text
    }
}

extension Note: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        writtenOn = try object.read(CodingKeys.writtenOn)
        author = try object.readIfPresent(CodingKeys.author)
        text = try object.read(CodingKeys.text)
    }
}

extension Note: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 4)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.writtenOn, writtenOn)
        object.writeIfPresent(CodingKeys.author, author)
        object.write(CodingKeys.text, text)
        return object.tree
    }
}
