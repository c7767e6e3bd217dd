package import CarePlanCore

/// A wellbeing measure taken on a day: ONS4 answers, or another measure as entered.
package struct WellbeingMeasure: Codable, Equatable, Sendable {
    /// `W1`, `W2`...
    package var id: String
    /// When it was taken.
    package var takenOn: CalendarDate
    /// Baseline or follow-up.
    package var timepoint: Timepoint
    /// ONS4 answers, for an ONS4 measure.
    package var ons4: ONS4?
    /// Another measure's name (WEMWBS, SWEMWBS, MYCaW...), recorded as entered.
    package var name: String?
    /// Its raw score as entered; careplan does not convert licensed scores.
    package var rawScore: String?

    /// A measure.
    package init(id: String, takenOn: CalendarDate, timepoint: Timepoint, ons4: ONS4? = nil, name: String? = nil, rawScore: String? = nil) {
        self.id = id
        self.takenOn = takenOn
        self.timepoint = timepoint
        self.ons4 = ons4
        self.name = name
        self.rawScore = rawScore
    }

    /// The measure's name for views.
    package var label: String { ons4 != nil ? "ONS4" : (name ?? "measure") }
}

/// When in the support a measure was taken.
package enum Timepoint: String, Vocabulary {
    case baseline
    case followUp = "follow-up"
}

/// The ONS personal wellbeing questions, each 0-10. Not summed; for anxiety lower is better.
package struct ONS4: Codable, Equatable, Sendable {
    /// Overall, how satisfied are you with your life nowadays?
    package var lifeSatisfaction: Int
    /// Overall, to what extent do you feel the things you do in your life are worthwhile?
    package var worthwhile: Int
    /// Overall, how happy did you feel yesterday?
    package var happiness: Int
    /// Overall, how anxious did you feel yesterday?
    package var anxiety: Int

    /// Answers in question order.
    package init(lifeSatisfaction: Int, worthwhile: Int, happiness: Int, anxiety: Int) {
        self.lifeSatisfaction = lifeSatisfaction
        self.worthwhile = worthwhile
        self.happiness = happiness
        self.anxiety = anxiety
    }

    /// The four questions with their answers and whether a higher score is better.
    var items: [(name: String, value: Int, higherIsBetter: Bool)] {
        [
            ("life satisfaction", lifeSatisfaction, true), ("worthwhile", worthwhile, true),
            ("happiness", happiness, true), ("anxiety", anxiety, false),
        ]
    }
}
