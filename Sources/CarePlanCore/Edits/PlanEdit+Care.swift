/// Edits to the contingency plan, reviews, agreement, consent and notes, built here so every
/// front end makes the same change with the same checks.
extension PlanEdit {
    /// One change to the contingency plan.
    public enum ContingencyChange: Sendable, Equatable {
        /// Adds a trigger: what tells people the plan is needed.
        case addTrigger(String)
        /// Replaces what should happen (nil clears it).
        case whatShouldHappen(String?)
        /// Replaces who to contact (nil clears it).
        case whoToContact(String?)
        /// The contacts to call, in order; each must be in the plan.
        case callOrder([EntryID])

        var label: String {
            switch self {
            case .addTrigger: "trigger"
            case .whatShouldHappen: "plan"
            case .whoToContact: "who"
            case .callOrder: "call"
            }
        }
    }

    /// Changes the contingency plan.
    public static func contingency(_ change: ContingencyChange) -> PlanEdit {
        PlanEdit("contingency") { plan, _ throws(PlanEditError) in
            switch change {
            case .addTrigger(let text): plan.contingency.triggers.append(text)
            case .whatShouldHappen(let text): plan.contingency.whatShouldHappen = text
            case .whoToContact(let text): plan.contingency.whoToContact = text
            case .callOrder(let ids):
                for id in ids where !(plan.professionalContacts.contains { $0.id == id } || plan.personalContacts.contains { $0.id == id }) {
                    throw PlanEditError("there is no contact \(id) in this plan")
                }
                plan.contingency.contactIDs = ids
            }
            return "contingency \(change.label)"
        }
    }

    /// Removes the trigger at `number` (1 is the first).
    public static func removeTrigger(_ number: Int) -> PlanEdit {
        PlanEdit("remove trigger") { plan, _ throws(PlanEditError) in
            guard number >= 1, number <= plan.contingency.triggers.count else {
                throw PlanEditError("there are \(plan.contingency.triggers.count) triggers")
            }
            plan.contingency.triggers.remove(at: number - 1)
            return "remove trigger \(number)"
        }
    }

    /// Plans the next review (nil clears it); the interval and who is responsible change only
    /// when given (`.some(nil)` clears who).
    public static func planReview(on date: CalendarDate?, everyWeeks weeks: Int? = nil, responsible: String?? = nil) -> PlanEdit {
        PlanEdit("plan review") { plan, _ in
            plan.review.nextReviewOn = date
            if let weeks { plan.review.intervalWeeks = weeks }
            if let responsible { plan.review.responsible = responsible }
            return "next review \(date?.description ?? "cleared")"
        }
    }

    /// Records a review held on `date`, never before the last one; with an interval, plans
    /// the next.
    public static func reviewHeld(on date: CalendarDate, by heldBy: String, summary: String?) -> PlanEdit {
        PlanEdit("review held") { plan, _ throws(PlanEditError) in
            if let last = plan.review.held.last, date < last.heldOn {
                throw PlanEditError("\(date) is before the last review held (\(last.heldOn))")
            }
            let id = plan.issueID(.review)
            plan.review.held.append(ReviewRecord(id: id, heldOn: date, heldBy: heldBy, summary: summary))
            var note = "review \(id) held \(date)"
            if let weeks = plan.review.intervalWeeks, let next = date.adding(days: weeks * 7) {
                plan.review.nextReviewOn = next
                note += "; next review \(next)"
            }
            return note
        }
    }

    /// Records that the person, or their representative, agreed the plan (on the day of the
    /// edit unless `date` is given), recorded by the edit's author.
    public static func agree(by who: AgreedBy, on date: CalendarDate?, name: String?, relationship: String?) -> PlanEdit {
        PlanEdit("agree") { plan, context in
            plan.agreement = Agreement(
                agreedBy: who, on: date ?? context.today, representativeName: name, representativeRelationship: relationship,
                recordedBy: context.author)
            return "plan agreed by the \(who.label)"
        }
    }

    /// Records consent for information sharing (on the day of the edit unless `date` is given).
    public static func consent(_ status: ConsentStatus, on date: CalendarDate?, scope: String?) -> PlanEdit {
        PlanEdit("consent") { plan, context in
            plan.consent = Consent(status: status, on: date ?? context.today, scope: scope, recordedBy: context.author)
            return "consent \(status.label)"
        }
    }

    /// Adds a note, dated the day of the edit and signed by its author.
    public static func addNote(_ text: String) -> PlanEdit {
        PlanEdit("note") { plan, context in
            let id = plan.issueID(.note)
            plan.notes.append(Note(id: id, writtenOn: context.today, author: context.author, text: text))
            return "add note \(id)"
        }
    }
}
