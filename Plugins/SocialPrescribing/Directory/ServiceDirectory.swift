import CarePlanCore
import Foundation
import SwiftCSV

/// The local services directory: imported from Open Referral UK (HSDS) JSON or CSV, kept as a
/// file beside the store, and searched by words, category and area.
package struct ServiceDirectory: Sendable {
    /// Every service, by id order.
    package private(set) var services: [DirectoryService]

    /// A directory of `services`.
    package init(services: [DirectoryService]) {
        self.services = services.sorted { $0.id < $1.id }
    }

    /// Why a directory file could not be read: the file, where in it, and what is wrong.
    package struct ImportError: Error, CustomStringConvertible, Sendable {
        /// The message, naming the place (`services[3].name`, `line 7`).
        package var message: String
        package var description: String { message }
    }

    // MARK: - Search

    /// Services matching every word (in name, description, organisation or categories), the
    /// category and the area, all ignoring case and accents. Defunct services are left out.
    ///
    /// Words match the start of a word in the service, also in another form of the same word
    /// ("lonely" finds Loneliness, "singing" finds Sing Together). An area is a town or area
    /// name, or a postcode or its first half: a postcode finds the services located in its
    /// district and those covering an area that services located there say they serve, so
    /// area-wide services (a county-wide phone line) are found too.
    package func search(words: String = "", category: String? = nil, area: String? = nil) -> [DirectoryService] {
        let terms = fold(words).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { Self.stem(String($0)) }
        let wantedCategory = category.map { Self.stem(fold($0)) }
        let wantedArea = area.map(fold)?.trimmingCharacters(in: .whitespaces)
        let district = wantedArea.flatMap(UKPostcode.outwardCode)
        var coveredAreas: Set<String> = []
        if let district {
            for service in services where UKPostcode.outwardCode(service.postcode ?? "") == district {
                coveredAreas.formUnion(service.areas.map(fold))
            }
        }
        return services.filter { service in
            guard service.status != .defunct else { return false }
            let haystack = Self.words(
                fold(
                    [
                        service.name, service.description ?? "", service.organization ?? "",
                        service.categories.joined(separator: " "),
                    ].joined(separator: " ")))
            guard terms.allSatisfy({ term in haystack.contains { $0.hasPrefix(term) } }) else { return false }
            if let wantedCategory,
                !service.categories.contains(where: { category in
                    fold(category).hasPrefix(wantedCategory) || Self.words(fold(category)).contains { $0.hasPrefix(wantedCategory) }
                })
            {
                return false
            }
            if let wantedArea {
                let areas = service.areas.map(fold)
                let places = areas + [fold(service.address ?? "")]
                let postcode = fold(service.postcode ?? "").replacingOccurrences(of: " ", with: "")
                let compactArea = wantedArea.replacingOccurrences(of: " ", with: "")
                let inArea =
                    places.contains { $0.contains(wantedArea) }
                    || (!postcode.isEmpty && district.map { UKPostcode.outwardCode(postcode) == $0 } == true)
                    || (!postcode.isEmpty && postcode.hasPrefix(compactArea))
                    || areas.contains { coveredAreas.contains($0) }
                if !inArea { return false }
            }
            return true
        }
    }

    /// The words of folded text.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// A search word without a common English ending, so other forms of it match: lonely,
    /// loneliness -> lonel; singing -> sing; debts -> debt. Short words are left alone.
    static func stem(_ word: String) -> String {
        for ending in ["iness", "ness", "ing", "ies", "ly", "es", "ed", "y", "s"] where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            if stem.count >= 4 { return stem }
        }
        return word
    }

    /// The service with `id`.
    package func service(_ id: String) -> DirectoryService? {
        services.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }

    /// Every category, for completion and listing.
    package var categories: [String] {
        Array(Set(services.flatMap(\.categories))).sorted()
    }

    private func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    // MARK: - Files

    /// The directory's file name beside the store.
    package static let fileName = "directory.json"

    /// Where the directory is kept: `$CAREPLAN_DIRECTORY`, else `besideStore` (the session's
    /// path for `fileName`).
    package static func path(besideStore: String, environment: [String: String]) -> String {
        if let explicit = environment["CAREPLAN_DIRECTORY"], !explicit.isEmpty { return explicit }
        return besideStore
    }

    /// Loads the kept directory, or an empty one if there is none yet.
    package static func load(path: String) throws(ImportError) -> ServiceDirectory {
        guard FileManager.default.fileExists(atPath: path) else { return ServiceDirectory(services: []) }
        let data: Data
        do {
            data = try BoundedFile.read(path, limit: BoundedFile.Limit.directory)
        } catch {
            throw ImportError(message: "cannot read the services directory \(path): \(error.reason)")
        }
        do {
            return ServiceDirectory(services: try JSONDecoder().decode([DirectoryService].self, from: data))
        } catch {
            throw ImportError(message: "\(path): not a careplan directory file; import the directory again")
        }
    }

    /// Keeps the directory (mode 0600).
    package func save(path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try SecureFile.write(try encoder.encode(services), to: path)
    }

    // MARK: - Import

    /// Reads a directory file: HSDS-style JSON (`.json`) or CSV (anything else).
    package static func read(file: String) throws(ImportError) -> ServiceDirectory {
        let data: Data
        do {
            data = try BoundedFile.read(file, limit: BoundedFile.Limit.directory)
        } catch {
            throw ImportError(message: "\(file): cannot read the file: \(error.reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError(message: "\(file): not UTF-8 text")
        }
        let directory = file.lowercased().hasSuffix(".json") ? try HSDSImport.read(data, file: file) : try CSVImport.read(text, file: file)
        try directory.checkTextLengths(file: file)
        return directory
    }

    /// Every text of every service within the limit plan text has, so a directory file cannot
    /// carry a megabyte into a search listing or a plan.
    func checkTextLengths(file: String) throws(ImportError) {
        let limit = PlanJSON.maximumTextLength
        for (index, service) in services.enumerated() {
            let fields: [(String, String?)] =
                [
                    ("id", service.id), ("name", service.name), ("organization", service.organization),
                    ("description", service.description), ("address", service.address), ("postcode", service.postcode),
                    ("phone", service.phone), ("email", service.email), ("url", service.url), ("eligibility", service.eligibility),
                    ("fees", service.fees), ("application_process", service.applicationProcess), ("schedule", service.schedule),
                ] + service.categories.map { ("categories", $0) } + service.areas.map { ("service_areas", $0) }
            for (name, value) in fields {
                guard let value, value.count > limit else { continue }
                throw ImportError(message: "\(file): services[\(index)].\(name): text is \(value.count) characters long; at most \(limit) are allowed")
            }
        }
    }
}

/// Reads Open Referral UK / HSDS JSON: `{ "organizations": [...], "services": [...] }`, where
/// each service may carry `phones`, `schedules`, `taxonomy_terms`, `service_areas` and
/// `service_at_locations` / `locations` as in the HSDS "compiled service" shape.
enum HSDSImport {
    static func read(_ data: Data, file: String) throws(ServiceDirectory.ImportError) -> ServiceDirectory {
        let tree: JSONValue
        do {
            tree = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .init(message: "\(file): not valid JSON")
        }
        var organizations: [String: String] = [:]
        if case .array(let items)? = tree["organizations"] {
            for item in items {
                if case .string(let id)? = item["id"], case .string(let name)? = item["name"] { organizations[id] = name }
            }
        }
        let serviceList: [JSONValue]
        switch tree {
        case .array(let items): serviceList = items
        default:
            guard case .array(let items)? = tree["services"] else {
                throw .init(message: "\(file): expected a \"services\" list (Open Referral UK / HSDS)")
            }
            serviceList = items
        }
        var services: [DirectoryService] = []
        var seen: Set<String> = []
        for (index, item) in serviceList.enumerated() {
            let place = "\(file): services[\(index)]"
            guard case .string(let id)? = item["id"], !id.isEmpty else { throw .init(message: "\(place).id: required") }
            guard seen.insert(id).inserted else { throw .init(message: "\(place).id: \(id) appears twice") }
            guard case .string(let name)? = item["name"], !name.isEmpty else { throw .init(message: "\(place).name: required") }
            let statusText = string(item["status"]) ?? "active"
            guard let status = ServiceStatus(rawValue: statusText.lowercased()) else {
                throw .init(message: "\(place).status: expected active, inactive, defunct or temporarily closed, got \(statusText)")
            }
            let organization = string(item["organization_id"]).flatMap { organizations[$0] } ?? string(item["organization"]?["name"])
            let location = firstLocation(item)
            services.append(
                DirectoryService(
                    id: id, name: name, organization: organization, description: string(item["description"]), status: status,
                    categories: list(item["taxonomy_terms"]).compactMap { string($0["term"]) ?? string($0["name"]) },
                    areas: list(item["service_areas"]).compactMap { string($0["name"]) ?? string($0["service_area"]) },
                    address: location.address, postcode: location.postcode,
                    phone: list(item["phones"]).compactMap { string($0["number"]) }.first,
                    email: string(item["email"]), url: string(item["url"]),
                    eligibility: string(item["eligibility_description"]), fees: string(item["fees_description"]),
                    applicationProcess: string(item["application_process"]),
                    schedule: list(item["schedules"]).compactMap(describeSchedule).joined(separator: "; ").nilIfEmpty))
        }
        return ServiceDirectory(services: services)
    }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value, !text.isEmpty { return text }
        return nil
    }

    static func list(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = value { return items }
        return []
    }

    static func firstLocation(_ service: JSONValue) -> (address: String?, postcode: String?) {
        let locations = list(service["locations"]) + list(service["service_at_locations"]).compactMap { $0["location"] }
        for location in locations {
            let addresses = list(location["addresses"]) + [location["address"]].compactMap { $0 }
            for address in addresses {
                let parts = ["address_1", "address_2", "city"].compactMap { string(address[$0]) }
                return (parts.joined(separator: ", ").nilIfEmpty, string(address["postal_code"]))
            }
        }
        return (nil, nil)
    }

    static func describeSchedule(_ schedule: JSONValue) -> String? {
        if let description = string(schedule["description"]) { return description }
        let days = string(schedule["byday"]).map { $0.split(separator: ",").map { dayName(String($0)) }.joined(separator: ", ") }
        let hours = [string(schedule["opens_at"]), string(schedule["closes_at"])].compactMap { $0?.prefix(5) }.joined(separator: "-")
        let text = [days, hours.nilIfEmpty].compactMap { $0 }.joined(separator: " ")
        return text.nilIfEmpty
    }

    static func dayName(_ code: String) -> String {
        ["MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri", "SA": "Sat", "SU": "Sun"][code.trimmingCharacters(in: .whitespaces).uppercased()]
            ?? code
    }
}

/// Reads a directory from CSV with a header row. Columns (any order; unknown ones ignored):
/// id, name (required), organization, description, status, categories (separated by `;`),
/// areas (`;`), address, postcode, phone, email, url, eligibility, fees, application_process, schedule.
enum CSVImport {
    static func read(_ text: String, file: String) throws(ServiceDirectory.ImportError) -> ServiceDirectory {
        let csv: CSV<Named>
        do {
            csv = try CSV<Named>(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw .init(message: "\(file): not valid CSV (\(error))")
        }
        for column in ["id", "name"] where !csv.header.contains(column) {
            throw .init(message: "\(file): line 1: the header has no \"\(column)\" column")
        }
        var services: [DirectoryService] = []
        var seen: Set<String> = []
        for (index, row) in csv.rows.enumerated() {
            let line = "\(file): line \(index + 2)"
            func field(_ name: String) -> String? { row[name]?.trimmingCharacters(in: .whitespaces).nilIfEmpty }
            guard let id = field("id") else { throw .init(message: "\(line): id is empty") }
            guard seen.insert(id).inserted else { throw .init(message: "\(line): id \(id) appears twice") }
            guard let name = field("name") else { throw .init(message: "\(line): name is empty") }
            let statusText = field("status") ?? "active"
            guard let status = ServiceStatus(rawValue: statusText.lowercased()) else {
                throw .init(message: "\(line): status: expected active, inactive, defunct or temporarily closed, got \(statusText)")
            }
            func split(_ name: String) -> [String] {
                (field(name) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            services.append(
                DirectoryService(
                    id: id, name: name, organization: field("organization"), description: field("description"), status: status,
                    categories: split("categories"), areas: split("areas"), address: field("address"), postcode: field("postcode"),
                    phone: field("phone"), email: field("email"), url: field("url"), eligibility: field("eligibility"),
                    fees: field("fees"), applicationProcess: field("application_process"), schedule: field("schedule")))
        }
        return ServiceDirectory(services: services)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
