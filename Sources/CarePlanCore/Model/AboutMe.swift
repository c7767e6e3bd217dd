/// PRSB "About me": what the person wants others to know, in their own words.
public struct AboutMe: Codable, Hashable, Sendable {
    /// Entries under the seven PRSB headings; shown grouped by heading, in heading order.
    public var entries: [AboutMeEntry]
    /// When the person wrote or last changed this section.
    public var writtenOn: CalendarDate?
    /// Who supported the person to write it, if anyone.
    public var supportedToWriteBy: String?

    /// An empty section.
    public init(entries: [AboutMeEntry] = [], writtenOn: CalendarDate? = nil, supportedToWriteBy: String? = nil) {
        self.entries = entries
        self.writtenOn = writtenOn
        self.supportedToWriteBy = supportedToWriteBy
    }

    /// True when nothing has been written.
    public var isEmpty: Bool { entries.isEmpty && writtenOn == nil && supportedToWriteBy == nil }
}

/// One thing the person said under an About me heading.
public struct AboutMeEntry: Codable, Hashable, Sendable, Identifiable {
    /// `M1`, `M2`...
    public var id: EntryID
    /// Which PRSB heading it belongs under.
    public var heading: AboutMeHeading
    /// The person's words.
    public var text: String

    /// An entry under `heading`.
    public init(id: EntryID, heading: AboutMeHeading, text: String) {
        self.id = id
        self.heading = heading
        self.text = text
    }
}

/// The seven PRSB About me headings, in the standard's order: what matters most first.
public enum AboutMeHeading: String, Vocabulary {
    case whatMattersMost = "what-matters-most"
    case importantPeople = "important-people"
    case communication
    case wellness
    case doAndDont = "do-and-dont"
    case howToSupport = "how-to-support"
    case alsoWorthKnowing = "also-worth-knowing"

    /// The heading as PRSB words it, in the first person.
    public var title: String {
        switch self {
        case .whatMattersMost: "What is most important to me"
        case .importantPeople: "People who are important to me"
        case .communication: "How I communicate and how to communicate with me"
        case .wellness: "My wellness"
        case .doAndDont: "Please do and please don't"
        case .howToSupport: "How and when to support me"
        case .alsoWorthKnowing: "Also worth knowing about me"
        }
    }
}

extension AboutMe: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        entries = try object.read(CodingKeys.entries)
        writtenOn = try object.readIfPresent(CodingKeys.writtenOn)
        supportedToWriteBy = try object.readIfPresent(CodingKeys.supportedToWriteBy)
    }
}

extension AboutMeEntry: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        heading = try object.read(CodingKeys.heading)
        text = try object.read(CodingKeys.text)
    }
}

extension AboutMe: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 3)
        object.write(CodingKeys.entries, entries)
        object.writeIfPresent(CodingKeys.writtenOn, writtenOn)
        object.writeIfPresent(CodingKeys.supportedToWriteBy, supportedToWriteBy)
        return object.tree
    }
}

extension AboutMeEntry: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 3)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.heading, heading)
        object.write(CodingKeys.text, text)
        return object.tree
    }
}
