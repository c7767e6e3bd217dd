extension Plan {
    /// Who looks after this plan, for worklist items with no owner of their own: the key worker,
    /// else whoever is responsible for its review, else whoever recorded it.
    public var responsibleWorker: String? {
        professionalContacts.first(where: \.isKeyWorker)?.name ?? review.responsible ?? recordedBy
    }
}
