extension CalendarDate {
    /// Why a typed date was not understood: one line, ready to show after the field's name.
    public struct InputProblem: Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong, with a suggestion when one can be made.
        public var message: String
        public var description: String { message }
    }

    /// A date as staff type it: `2026-12-31`, or the UK day-first forms `31/12/2026`,
    /// `31-12-2026` and `31.12.2026` (one-digit days and months allowed).
    ///
    /// Two-digit years are refused rather than guessed, with a suggestion ("did you mean
    /// 2026-12-31?"), because a wrong century on a date of birth or a review is worse than
    /// a second try. `today` picks the century of the suggestion.
    public static func parse(typed text: String, today: CalendarDate? = nil) -> Result<CalendarDate, InputProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let expected = "expected a date like 2026-12-31 or 31/12/2026"
        let shown = trimmed.count > 40 ? String(trimmed.prefix(40)) + "…" : trimmed
        if let iso = CalendarDate(trimmed) { return .success(iso) }
        if trimmed.count == 10, trimmed.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") }),
            trimmed.split(separator: "-").first?.count == 4
        {
            return .failure(InputProblem(message: "\(expected), got \(shown) (there is no such day)"))
        }
        guard let separator = trimmed.first(where: { "/-.".contains($0) }) else {
            return .failure(InputProblem(message: "\(expected), got \(shown)"))
        }
        let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts[0].count <= 2, parts[1].count <= 2,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else {
            return .failure(InputProblem(message: "\(expected), got \(shown)"))
        }
        switch parts[2].count {
        case 4:
            guard let date = CalendarDate(year: year, month: month, day: day) else {
                return .failure(InputProblem(message: "\(expected), got \(shown) (there is no such day)"))
            }
            return .success(date)
        case 2:
            let guess = guessCentury(year, today: today)
            if let suggestion = CalendarDate(year: guess, month: month, day: day) {
                return .failure(InputProblem(message: "\(expected), got \(shown): write the year in full; did you mean \(suggestion)?"))
            }
            return .failure(InputProblem(message: "\(expected), got \(shown): write the year in full"))
        default:
            return .failure(InputProblem(message: "\(expected), got \(shown)"))
        }
    }

    /// 20yy unless that is more than ten years ahead of today, then 19yy.
    private static func guessCentury(_ twoDigits: Int, today: CalendarDate?) -> Int {
        let recent = 2000 + twoDigits
        guard let today else { return recent }
        return recent > today.year + 10 ? 1900 + twoDigits : recent
    }
}
