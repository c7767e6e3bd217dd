import Foundation

/// The canonical base under which a deployment publishes careplan's FHIR definitions
/// (docs/fhir.md): extension URLs and careplan's identifier systems start with it, so a
/// receiving system can resolve them. The PCN sets it with `CAREPLAN_FHIR_BASE`; careplan
/// sends no FHIR until it is set, rather than URLs nobody can resolve.
public struct FHIRBase: Sendable, Equatable, CustomStringConvertible {
    /// The base, without a trailing slash: `https://fhir.northam-pcn.nhs.uk/careplan`.
    public let url: String

    /// `text` as a base: an https address with a host name and no query, fragment or login.
    /// Names reserved for examples and tests (example.com, .example, .invalid, .test,
    /// .localhost) are refused: they resolve for nobody.
    public init(_ text: String) throws(FHIRBaseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 200, let parts = URLComponents(string: trimmed), parts.scheme?.lowercased() == "https",
            let host = parts.host?.lowercased(), host.contains("."), parts.query == nil, parts.fragment == nil,
            parts.user == nil, parts.password == nil, !trimmed.contains(" ")
        else {
            throw FHIRBaseError("expected an https address such as https://fhir.your-pcn.nhs.uk/careplan")
        }
        let reserved = [".example", ".invalid", ".test", ".localhost"]
        let exampleDomains = ["example.com", "example.org", "example.net"]
        if reserved.contains(where: { host.hasSuffix($0) }) || exampleDomains.contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
            throw FHIRBaseError("\(host) is a name kept for examples, which no receiving system can resolve: give your PCN's own address")
        }
        var url = trimmed
        while url.hasSuffix("/") { url.removeLast() }
        self.url = url
    }

    /// The URL of careplan's extension `name`.
    public func extensionURL(_ name: String) -> String { url + "/StructureDefinition/" + name }

    public var description: String { url }
}

/// Why a canonical base was refused.
public struct FHIRBaseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension FHIRBase {
    /// careplan's own stand-in base, used inside careplan and by library callers that set
    /// none; the front ends never send it.
    static let standIn = FHIR.careplanBase

    /// `value` with each `url` and `system` that starts with `from` moved to start with `to`.
    /// Only those keys: people's words elsewhere are never touched.
    static func rebased(_ value: JSONValue, from: String, to: String) -> JSONValue {
        guard from != to else { return value }
        switch value {
        case .array(let items):
            return .array(items.map { rebased($0, from: from, to: to) })
        case .object(let members):
            var moved: [String: JSONValue] = [:]
            for (key, member) in members {
                if key == "url" || key == "system", case .string(let text) = member, text.hasPrefix(from + "/") {
                    moved[key] = .string(to + text.dropFirst(from.count))
                } else {
                    moved[key] = rebased(member, from: from, to: to)
                }
            }
            return .object(moved)
        default:
            return value
        }
    }

    /// `bundle` as written for this base: careplan's stand-in URLs moved under it.
    func published(_ bundle: JSONValue) -> JSONValue {
        Self.rebased(bundle, from: Self.standIn, to: url)
    }

    /// A bundle as careplan reads it: careplan's URLs under the base they were sent with
    /// (`configured`, and any base the bundle's careplan identifiers name) moved back to the
    /// stand-in, so a bundle from another careplan deployment reads like our own.
    public static func internalised(_ bundle: JSONValue, configured: FHIRBase? = nil) -> JSONValue {
        var bases = Set(configured.map { [$0.url] } ?? [])
        collectBases(bundle, into: &bases)
        return bases.reduce(bundle) { rebased($0, from: $1, to: standIn) }
    }

    /// The bases of careplan identifier systems (`<base>/Id/plan`, `<base>/Id/entry`) in `value`.
    private static func collectBases(_ value: JSONValue, into bases: inout Set<String>) {
        switch value {
        case .array(let items):
            for item in items { collectBases(item, into: &bases) }
        case .object(let members):
            if case .string(let system)? = members["system"] {
                for suffix in ["/Id/plan", "/Id/entry"] where system.hasSuffix(suffix) && system.hasPrefix("https://") {
                    bases.insert(String(system.dropLast(suffix.count)))
                }
            }
            for member in members.values { collectBases(member, into: &bases) }
        default:
            break
        }
    }
}
