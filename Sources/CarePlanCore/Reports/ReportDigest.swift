public import Foundation

/// What the period report needs of a plan with nothing dated in the period, kept beside the plan
/// by the store at every commit, so a report over a whole caseload decodes only the plans that
/// have something in its period.
///
/// A plan adds to a figure only through a day in the period (received, answered, contacted,
/// discharged, coded, measured, treated...), with two exceptions: the episodes open on its last
/// day, and the caseload per worker they make. So the digest holds every month any date in the
/// plan falls in (found in its stored bytes, module sections included, so a module's dates are
/// never missed), and for the exceptions, each episode's service and days of receipt and closing,
/// who looks after the plan, and what the filters and breakdowns read of the person.
public struct ReportDigest: Sendable, Equatable {
    /// The digest's shape; a stored digest of another version is ignored, and its plan decoded.
    public static let version = "2"

    /// Every month ("2026-11") a date anywhere in the plan falls in, sorted.
    public var months: [String]
    /// The GP practice's ODS code, in capitals.
    public var practice: String?
    public var dateOfBirth: CalendarDate?
    public var sexAtBirth: PhenotypicSex?
    public var gender: Gender?
    public var ethnicCategory: EthnicCategory?
    /// `Plan.responsibleWorker`.
    public var worker: String?
    /// Each referral episode: its service, the day it came, the day it was declined or discharged.
    public var spans: [Span]

    /// One episode's life.
    public struct Span: Sendable, Equatable {
        public var service: ReferralRecipient
        public var receivedOn: CalendarDate
        public var closedOn: CalendarDate?

        /// True when the episode had been received by `day` and not yet closed.
        public func isOpen(on day: CalendarDate) -> Bool {
            receivedOn <= day && (closedOn.map { $0 > day } ?? true)
        }
    }

    /// The digest of `plan`, whose stored bytes are `body`.
    public init(_ plan: Plan, body: Data) {
        months = Self.months(in: body)
        practice = plan.person.gpPractice?.odsCode?.uppercased()
        dateOfBirth = plan.person.dateOfBirth
        sexAtBirth = plan.person.sexAtBirth
        gender = plan.person.gender
        ethnicCategory = plan.person.ethnicCategory
        worker = plan.responsibleWorker
        spans = plan.episodes.map { episode in
            let declined = episode.answer.flatMap { $0.decision == .declined ? $0.on : nil }
            let closed = [declined, episode.discharge?.on].compactMap { $0 }.min()
            return Span(service: episode.service, receivedOn: episode.receivedOn, closedOn: closed)
        }
    }

    /// The fields are separated by U+001F and the spans by `;`, the worker last so it may hold
    /// any character: a digest is read for every plan of every report, so it is parsed by hand,
    /// a split and a few dates, not as JSON.
    private static let separator = "\u{1F}"

    /// The digest as stored: version, months, practice, birth, sex, gender, ethnicity, spans,
    /// worker ("-" when none, else "=" and the name).
    public var encoded: String {
        let spanText = spans.map { "\($0.service.rawValue),\($0.receivedOn),\($0.closedOn?.description ?? "")" }.joined(separator: ";")
        let fields = [
            Self.version, months.joined(separator: " "), practice ?? "", dateOfBirth?.description ?? "", sexAtBirth?.rawValue ?? "",
            gender?.rawValue ?? "", ethnicCategory?.rawValue ?? "", spanText, worker.map { "=" + $0 } ?? "-",
        ]
        return fields.joined(separator: Self.separator)
    }

    /// A stored digest, or nil when it is missing, unreadable or of another version.
    public static func decode(_ text: String?) -> ReportDigest? {
        guard let text else { return nil }
        // Split as bytes: the separators are ASCII, and this runs once for every plan.
        let fields = text.utf8.split(separator: 0x1F, maxSplits: 8, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 9, fields[0] == version else { return nil }
        func optional(_ field: String) -> String? { field.isEmpty ? nil : field }
        var spans: [Span] = []
        for span in fields[7].utf8.split(separator: UInt8(ascii: ";")) {
            let parts = span.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard parts.count == 3, let service = ReferralRecipient(rawValue: parts[0]), let received = CalendarDate(parts[1]) else { return nil }
            let closed = parts[2].isEmpty ? nil : CalendarDate(parts[2])
            if !parts[2].isEmpty, closed == nil { return nil }
            spans.append(Span(service: service, receivedOn: received, closedOn: closed))
        }
        let worker = fields[8]
        guard worker == "-" || worker.hasPrefix("=") else { return nil }
        return ReportDigest(
            months: fields[1].utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }, practice: optional(fields[2]),
            dateOfBirth: optional(fields[3]).flatMap { CalendarDate($0) }, sexAtBirth: optional(fields[4]).flatMap { PhenotypicSex(rawValue: $0) },
            gender: optional(fields[5]).flatMap { Gender(rawValue: $0) }, ethnicCategory: optional(fields[6]).flatMap { EthnicCategory(rawValue: $0) },
            worker: worker == "-" ? nil : String(worker.dropFirst()), spans: spans)
    }

    init(
        months: [String], practice: String?, dateOfBirth: CalendarDate?, sexAtBirth: PhenotypicSex?, gender: Gender?,
        ethnicCategory: EthnicCategory?, worker: String?, spans: [Span]
    ) {
        self.months = months
        self.practice = practice
        self.dateOfBirth = dateOfBirth
        self.sexAtBirth = sexAtBirth
        self.gender = gender
        self.ethnicCategory = ethnicCategory
        self.worker = worker
        self.spans = spans
    }

    /// True when the plan has a date in a month the period `from`...`to` touches.
    public func touches(from: CalendarDate, to: CalendarDate) -> Bool {
        touches(Self.monthRange(from: from, to: to))
    }

    /// The first and last months of a period, as `touches` compares them.
    public static func monthRange(from: CalendarDate, to: CalendarDate) -> ClosedRange<String> {
        String(from.description.prefix(7))...String(to.description.prefix(7))
    }

    /// True when the plan has a date in one of `months`.
    public func touches(_ months: ClosedRange<String>) -> Bool { self.months.contains { months.contains($0) } }

    /// A plan holding what the digest knows of the person, for choosing its breakdown group.
    func person(id: String) -> Plan {
        var person = Person(name: "-")
        person.dateOfBirth = dateOfBirth
        person.sexAtBirth = sexAtBirth
        person.gender = gender
        person.ethnicCategory = ethnicCategory
        return Plan(id: id, person: person)
    }

    /// The months of every JSON string that starts with a date (`"2026-11-21`, a day or an
    /// instant), in the bytes.
    package static func months(in body: Data) -> [String] {
        // Run on every commit over the whole body (150 KB for a plan with 1,000 notes): memchr
        // jumps from quote to quote, and a month is kept as the number YYYYMM until the end.
        var found: Set<Int> = []
        body.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress, raw.count >= 11 else { return }
            let bytes = raw.bindMemory(to: UInt8.self)
            let dash = UInt8(ascii: "-")
            func digit(_ index: Int) -> Int? {
                let value = Int(bytes[index]) &- Int(UInt8(ascii: "0"))
                return (0..<10).contains(value) ? value : nil
            }
            var index = 0
            while index + 11 <= bytes.count {
                guard let quote = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - 11 - index + 1) else { break }
                index = base.distance(to: quote)
                if bytes[index + 5] == dash, bytes[index + 8] == dash,
                    let y1 = digit(index + 1), let y2 = digit(index + 2), let y3 = digit(index + 3), let y4 = digit(index + 4),
                    let m1 = digit(index + 6), let m2 = digit(index + 7), digit(index + 9) != nil, digit(index + 10) != nil
                {
                    found.insert(((y1 * 10 + y2) * 10 + y3) * 1000 + y4 * 100 + m1 * 10 + m2)
                    index += 11
                } else {
                    index += 1
                }
            }
        }
        return found.sorted().map { month in
            let year = String(month / 100), number = String(month % 100)
            return String(repeating: "0", count: 4 - year.count) + year + "-" + (number.count == 1 ? "0" : "") + number
        }
    }
}
