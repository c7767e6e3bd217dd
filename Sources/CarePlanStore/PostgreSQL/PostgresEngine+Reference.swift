import CarePlanCore
import Foundation
import PostgresNIO

extension PostgresEngine {
    /// Replaces the lookup in one transaction, in batches so no statement grows without bound.
    /// Row-level security lets only a manager or an admin change it: anyone else's first batch
    /// is refused and nothing changes.
    func replaceDeprivationLookup(_ lookup: DeprivationLookup) throws {
        try mapped {
            try link.transaction {
                try link.query("DELETE FROM careplan.imd_postcode")
                let batch = 50_000
                for start in stride(from: 0, to: lookup.postcodes.count, by: batch) {
                    let end = min(start + batch, lookup.postcodes.count)
                    let postcodes = Array(lookup.postcodes[start..<end])
                    let deciles = Array(lookup.deciles[start..<end])
                    try link.query(
                        "INSERT INTO careplan.imd_postcode (postcode, decile) SELECT * FROM unnest(\(postcodes)::text[], \(deciles)::int8[])")
                }
            }
        }
    }

    func deprivationDeciles(of postcodes: [String]) throws -> [String: Int] {
        let wanted = Array(Set(postcodes))
        guard !wanted.isEmpty else { return [:] }
        return try mapped {
            try link.read {
                var found: [String: Int] = [:]
                for row in try link.query("SELECT postcode, decile::int8 FROM careplan.imd_postcode WHERE postcode = ANY(\(wanted)::text[])") {
                    let (postcode, decile) = try row.decode((String, Int).self)
                    found[postcode] = decile
                }
                return found
            }
        }
    }

    func planDeciles() throws -> [String: Int] {
        try mapped {
            try link.read {
                var found: [String: Int] = [:]
                let rows = try link.query(
                    "SELECT plan.id, imd_postcode.decile::int8 FROM careplan.plan JOIN careplan.imd_postcode ON imd_postcode.postcode = plan.postcode_key")
                for row in rows {
                    let (id, decile) = try row.decode((String, Int).self)
                    found[id] = decile
                }
                return found
            }
        }
    }

    func deprivationLookupSize() throws -> Int {
        try mapped { try link.read { try link.query("SELECT count(*) FROM careplan.imd_postcode").first?.decode(Int.self) ?? 0 } }
    }
}

extension PostgresEngine {
    /// Every plan's digest first (only the holder reads digests: a partner's are all missing),
    /// then the bodies of the plans the report needs, a page at a time.
    func forEachReportRow(_ visit: (String, String?) throws -> Bool, decoded: (String, Data) throws -> Void) throws {
        // One query: a digest is small (100,000 of them are a few megabytes), and paging would
        // cost a round trip and a policy check per page.
        let digests = try mapped {
            try link.read {
                try link.query("SELECT p.id, d.digest FROM careplan.plan p LEFT JOIN careplan.report_digest d ON d.plan_id = p.id")
                    .map { try $0.decode((String, String?).self) }
            }
        }
        var wanted: [String] = []
        for (id, digest) in digests where try visit(id, digest) { wanted.append(id) }
        for start in stride(from: 0, to: wanted.count, by: 500) {
            let ids = Array(wanted[start..<min(start + 500, wanted.count)])
            let rows = try mapped {
                try link.read {
                    try link.query(
                        """
                        SELECT r.plan_id, r.body FROM careplan.plan p
                        JOIN \(unescaped: revisions) r ON r.plan_id = p.id AND r.number = p.head_revision WHERE p.id = ANY(\(ids)::text[])
                        """
                    ).map { try $0.decode((String, Data).self) }
                }
            }
            for (id, body) in rows { try decoded(id, body) }
        }
    }
}
