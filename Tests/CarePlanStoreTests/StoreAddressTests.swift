import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("Store addresses")
struct StoreAddressTests {
    @Test("a path is a file; postgresql:// and postgres:// are servers, with the parts left out from PG* and the defaults")
    func parts() throws {
        #expect(try StoreAddress.parse("~/plans.sqlite", environment: ["HOME": "/h"], allowPassword: false) == .file("/h/plans.sqlite"))
        guard case .postgres(let full) = try StoreAddress.parse("postgresql://sam@db.example:6543/team?sslmode=require", environment: [:], allowPassword: false)
        else { Issue.record("not a server"); return }
        #expect(full.description == "postgresql://sam@db.example:6543/team")
        #expect(full.sslMode == "require")
        let environment = ["PGHOST": "pg.local", "PGPORT": "5433", "PGUSER": "ruth", "PGDATABASE": "careplan"]
        guard case .postgres(let filled) = try StoreAddress.parse("postgres://", environment: environment, allowPassword: false)
        else { Issue.record("not a server"); return }
        #expect(filled.description == "postgresql://ruth@pg.local:5433/careplan")
        #expect(!filled.hasPassword)
    }

    @Test("a password in --store is refused without being repeated; PGPASSWORD and an owner-only ~/.pgpass supply it")
    func passwords() throws {
        #expect {
            try StoreAddress.parse("postgresql://sam:hunter2@db/team", environment: [:], allowPassword: false)
        } throws: { error in
            let text = "\(error)"
            return text.contains("put it in PGPASSWORD or ~/.pgpass") && !text.contains("hunter2")
        }
        let fromEnvironment = try PostgresAddress(url: "postgresql://sam@db/team", environment: ["PGPASSWORD": "x"])
        #expect(fromEnvironment.hasPassword)
        #expect(!fromEnvironment.description.contains("x@"))

        let folder = try TemporaryDirectory()
        let file = folder.path("pgpass")
        try Data("# comment\nother:5432:*:sam:nope\ndb:*:team:sam:pa\\:ss\n".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o644)
        let loose = try PostgresAddress(url: "postgresql://sam@db/team", environment: ["PGPASSFILE": file])
        #expect(!loose.hasPassword, "a ~/.pgpass others can read is ignored, as libpq does")
        chmod(file, 0o600)
        let matched = try PostgresAddress(url: "postgresql://sam@db/team", environment: ["PGPASSFILE": file])
        #expect(matched.hasPassword)
        let unmatched = try PostgresAddress(url: "postgresql://ruth@db/team", environment: ["PGPASSFILE": file])
        #expect(!unmatched.hasPassword)
    }

    @Test(
        "bad addresses get a one-line reason",
        arguments: [
            ("postgresql://db/team?sslmode=sometimes", "sslmode must be"),
            ("postgresql://db/team?colour=red", "unknown setting colour"),
            ("postgresql://db:99999/team", "not a PostgreSQL address"),
        ])
    func badAddresses(address: String, reason: String) {
        #expect {
            try StoreAddress.parse(address, environment: [:], allowPassword: false)
        } throws: { error in
            "\(error)".contains(reason) && !"\(error)".contains("\n")
        }
    }
}
