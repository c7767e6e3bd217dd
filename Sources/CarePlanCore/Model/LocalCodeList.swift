import Foundation

/// The codes a PCN records for its own services at moments of a referral episode, from a list
/// it supplies (careplan invents none): health and wellbeing coaching and care coordination
/// have no national codes. Social prescribing's national SNOMED CT codes are built in.
public struct LocalCodeList: Sendable, Equatable {
    /// One code: for which service, at which moment, and what it means.
    public struct Entry: Sendable, Equatable {
        public var service: ReferralRecipient
        public var moment: EpisodeMoment
        public var code: String
        public var display: String
    }

    /// The codes, in the order given.
    public var entries: [Entry]

    /// No local codes.
    public static let empty = LocalCodeList(entries: [])

    /// The codes to record for `service` at `moment`, dated `day`.
    public func codes(for service: ReferralRecipient, at moment: EpisodeMoment, on day: CalendarDate) -> [RecordedCode] {
        entries.filter { $0.service == service && $0.moment == moment }.map { RecordedCode(code: $0.code, display: $0.display, on: day) }
    }

    /// Reads a list from CSV: a header `service,moment,code,display`, then one code a line.
    /// Services are `splw`, `hwbc` or `cc`; moments `accepted`, `first-contact`, `declined` or
    /// `discharged`. A code is 1 to 32 letters, digits, dots or hyphens; one of digits alone is
    /// a SNOMED CT identifier and must pass its Verhoeff check digit.
    /// - Throws: a message naming the line and the field.
    public static func parse(csv text: String, file: String) throws(LocalCodeListError) -> LocalCodeList {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        guard let header = lines.first?.trimmingCharacters(in: .whitespaces).lowercased(), header == "service,moment,code,display" else {
            throw LocalCodeListError("\(file):1: the first line must be service,moment,code,display")
        }
        var entries: [Entry] = []
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 4 else { throw LocalCodeListError("\(file):\(number): expected service,moment,code,display") }
            let services: [String: ReferralRecipient] = [
                "splw": .socialPrescribingLinkWorker, "hwbc": .healthAndWellbeingCoach, "cc": .careCoordinator,
            ]
            guard let service = services[fields[0].lowercased()] else { throw LocalCodeListError("\(file):\(number): service: expected splw, hwbc or cc") }
            guard let moment = EpisodeMoment(rawValue: fields[1].lowercased()) else {
                throw LocalCodeListError("\(file):\(number): moment: expected one of \(EpisodeMoment.choices)")
            }
            let code = fields[2]
            guard (1...32).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) else {
                throw LocalCodeListError("\(file):\(number): code: expected 1 to 32 letters, digits, dots or hyphens")
            }
            if code.allSatisfy(\.isNumber), !Self.passesVerhoeff(code) {
                throw LocalCodeListError("\(file):\(number): code: \(code) is not a SNOMED CT identifier (its check digit is wrong)")
            }
            guard !fields[3].isEmpty, fields[3].count <= 200 else { throw LocalCodeListError("\(file):\(number): display: expected 1 to 200 characters") }
            entries.append(Entry(service: service, moment: moment, code: code, display: fields[3]))
        }
        return LocalCodeList(entries: entries)
    }

    /// The Verhoeff check every SNOMED CT identifier carries in its last digit.
    static func passesVerhoeff(_ digits: String) -> Bool {
        let d: [[Int]] = [
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
            [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
            [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
            [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
        ]
        let p: [[Int]] = [
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
            [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
            [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
        ]
        var check = 0
        for (index, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue else { return false }
            check = d[check][p[index % 8][digit]]
        }
        return check == 0
    }
}

/// A moment of a referral episode at which a code may be recorded.
public enum EpisodeMoment: String, Vocabulary {
    case accepted
    case firstContact = "first-contact"
    case declined
    case discharged
}

/// Why a local code list could not be read: one line naming the file, line and field.
public struct LocalCodeListError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
