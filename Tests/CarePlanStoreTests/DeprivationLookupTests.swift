import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

/// The postcode-to-IMD-decile lookup reports break counts down by (issue 10, item 1).
@Suite("The IMD lookup")
struct DeprivationLookupTests {
    static let header = "Postcode,Postcode Status,LSOA code,Index of Multiple Deprivation Rank,Index of Multiple Deprivation Decile\r\n"

    func parse(_ text: String) throws(DeprivationLookup.Problem) -> DeprivationLookup {
        try DeprivationLookup.parse(Data(text.utf8), file: "imd.csv")
    }

    @Test("the IoD postcode lookup's shape is read: a byte-order mark, CRLF, quoted fields with commas and line breaks, any case and spacing of postcode")
    func reads() throws {
        let lookup = try parse(
            "\u{FEFF}" + Self.header + "ws37qt,Live,E01,2954,1\r\n\"LA9 4RB\",\"Live, \"\"new\"\"\nline\",E02,17210,6\r\nCF99 1AA,Live,W01,,\r\n\r\n")
        #expect(lookup.postcodes == ["WS3 7QT", "LA9 4RB"] && lookup.deciles == [1, 6] && lookup.skipped == 1)
        let other = try parse("pcds,lsoa21,imd_decile\nHX7 8AB,E03,10\n")
        #expect(other.postcodes == ["HX7 8AB"] && other.deciles == [10])
    }

    @Test(
        "a bad file is refused in one line naming the file and the line",
        arguments: [
            ("pcds,lsoa\nWS3 7QT,E01\n", "imd.csv: line 1: no IMD decile column (headed \"Index of Multiple Deprivation Decile\" or imd_decile)"),
            ("lsoa,imd_decile\nE01,3\n", "imd.csv: line 1: no postcode column (headed pcds, pcd, pcd7, pcd8, postcode)"),
            ("pcds,imd_decile\nWS3 7QT,3\nWS3 7QU,11\n", "imd.csv: line 3: decile: expected a whole number from 1 to 10, got \"11\""),
            ("pcds,imd_decile\nWS3 7QT,3.5\n", "imd.csv: line 2: decile: expected a whole number from 1 to 10, got \"3.5\""),
            ("pcds,imd_decile\nnot a postcode,3\n", "imd.csv: line 2: postcode: \"not a postcode\" is not a UK postcode"),
            ("pcds,imd_decile\nWS3 7QT,3\nws3 7qt,4\n", "imd.csv: line 3: postcode WS3 7QT appears again with another decile"),
            ("pcds,imd_decile\nWS3 7QT\n", "imd.csv: line 2: 1 fields, but the header has 2"),
            ("pcds,imd_decile\n\"WS3 7QT,3\n", "imd.csv: line 2: a quoted field is never closed"),
            ("", "imd.csv: the file is empty; expected a header row"),
        ])
    func refused(text: String, reason: String) {
        #expect(throws: DeprivationLookup.Problem(reason)) { try parse(text) }
    }

    @Test("the store replaces the lookup entirely and answers postcodes it holds", arguments: TestEngine.allCases)
    func stored(engine: TestEngine) throws {
        let stores = try TestStores(engine)
        let store: PlanStore
        if let database = stores.database {
            store = try database.open(as: try database.addStaff("boss", name: "Bea Boss", role: "manager"))
        } else {
            store = try stores.store()
        }
        try store.replaceDeprivationLookup(try parse("pcds,imd_decile\nWS3 7QT,1\nLA9 4RB,6\n"))
        #expect(try store.deprivationDeciles(of: ["WS3 7QT", "LA9 4RB", "HX7 8AB"]) == ["WS3 7QT": 1, "LA9 4RB": 6])
        try store.replaceDeprivationLookup(try parse("pcds,imd_decile\nHX7 8AB,10\n"))
        #expect(try store.deprivationDeciles(of: ["WS3 7QT", "HX7 8AB"]) == ["HX7 8AB": 10])
        #expect(try store.deprivationLookupSize() == 1)
    }

    @Test("on the team store a link worker may read the lookup but not replace it, and a refused import changes nothing")
    func onlyManagers() throws {
        let database = try TestTeamDatabase()
        let manager = try database.open(as: try database.addStaff("boss", name: "Bea Boss", role: "manager"))
        try manager.replaceDeprivationLookup(try parse("pcds,imd_decile\nWS3 7QT,1\n"))
        let worker = try database.open(as: try database.addStaff("aisha", name: "Aisha Rahman"))
        #expect(throws: StoreError.self) { try worker.replaceDeprivationLookup(try parse("pcds,imd_decile\nLA9 4RB,6\n")) }
        #expect(try worker.deprivationDeciles(of: ["WS3 7QT", "LA9 4RB"]) == ["WS3 7QT": 1])
    }
}
