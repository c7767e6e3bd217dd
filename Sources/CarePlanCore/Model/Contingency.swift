/// PRSB "Contingency / safety plan": what to watch for and what to do.
public struct ContingencyPlan: Codable, Hashable, Sendable {
    /// Signs that things are going wrong, in the person's words.
    public var triggers: [String]
    /// What should happen then.
    public var whatShouldHappen: String?
    /// Who to contact, in words ("call Sam, then the practice").
    public var whoToContact: String?
    /// Contacts in the plan to call, in order.
    public var contactIDs: [EntryID]

    /// An empty contingency plan.
    public init(
        triggers: [String] = [], whatShouldHappen: String? = nil, whoToContact: String? = nil,
        contactIDs: [EntryID] = []
    ) {
        self.triggers = triggers
        self.whatShouldHappen = whatShouldHappen
        self.whoToContact = whoToContact
        self.contactIDs = contactIDs
    }

    /// True when nothing has been recorded.
    public var isEmpty: Bool {
        triggers.isEmpty && whatShouldHappen == nil && whoToContact == nil && contactIDs.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case triggers, whatShouldHappen, whoToContact, contactIDs = "contactIds"
    }
}

extension ContingencyPlan: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        triggers = try object.read(CodingKeys.triggers)
        whatShouldHappen = try object.readIfPresent(CodingKeys.whatShouldHappen)
        whoToContact = try object.readIfPresent(CodingKeys.whoToContact)
        contactIDs = try object.read(CodingKeys.contactIDs)
    }
}

extension ContingencyPlan: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 4)
        object.write(CodingKeys.triggers, triggers)
        object.writeIfPresent(CodingKeys.whatShouldHappen, whatShouldHappen)
        object.writeIfPresent(CodingKeys.whoToContact, whoToContact)
        object.write(CodingKeys.contactIDs, contactIDs)
        return object.tree
    }
}
