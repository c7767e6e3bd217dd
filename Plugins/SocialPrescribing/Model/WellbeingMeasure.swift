public import CarePlanCore

/// A wellbeing measure taken on a day: ONS4 answers, or another measure as entered.
public struct WellbeingMeasure: Codable, Equatable, Sendable {
    /// `W1`, `W2`...
    public var id: String
    /// When it was taken.
    public var takenOn: CalendarDate
    /// Baseline or follow-up.
    public var timepoint: Timepoint
    /// ONS4 answers, for an ONS4 measure.
    public var ons4: ONS4?
    /// Another measure's name (WEMWBS, SWEMWBS, MYCaW...), recorded as entered.
    public var name: String?
    /// Its raw score as entered; careplan does not convert licensed scores.
    public var rawScore: String?

    /// A measure.
    public init(id: String, takenOn: CalendarDate, timepoint: Timepoint, ons4: ONS4? = nil, name: String? = nil, rawScore: String? = nil) {
        self.id = id
        self.takenOn = takenOn
        self.timepoint = timepoint
        self.ons4 = ons4
        self.name = name
        self.rawScore = rawScore
    }

    /// The measure's name for views.
    public var label: String { ons4 != nil ? "ONS4" : (name ?? "measure") }
}

/// When in the support a measure was taken.
public enum Timepoint: String, Vocabulary {
    case baseline
    case followUp = "follow-up"
}

/// The ONS personal wellbeing questions, each 0-10. Not summed; for anxiety lower is better.
public struct ONS4: Codable, Equatable, Sendable {
    /// Overall, how satisfied are you with your life nowadays?
    public var lifeSatisfaction: Int
    /// Overall, to what extent do you feel the things you do in your life are worthwhile?
    public var worthwhile: Int
    /// Overall, how happy did you feel yesterday?
    public var happiness: Int
    /// Overall, how anxious did you feel yesterday?
    public var anxiety: Int

    /// Answers in question order.
    public init(lifeSatisfaction: Int, worthwhile: Int, happiness: Int, anxiety: Int) {
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
