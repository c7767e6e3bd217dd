@testable import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("The tree decoder")
struct JSONTreeDecoderTests {
    private final class Marker: Sendable {}
    private static let markerKey = CodingUserInfoKey(rawValue: "test.marker")!

    @Test("nothing of a document outlives its decoding, when unread fields are reported or not, and when decoding fails")
    func keepsNothing() throws {
        let good = PlanJSON.tree(of: try Fixtures.samplePlan("care-coordination-edith-lloyd"))
        let bad = good.setting(["goals", 0, "id"], .integer(7))
        for tree in [good, bad] {
            for reportUnread in [true, false] {
                weak var left: Marker?
                do {
                    let marker = Marker()
                    left = marker
                    var decoder = JSONTreeDecoder()
                    decoder.userInfo[Self.markerKey] = marker
                    if reportUnread {
                        _ = try? decoder.decodeReportingUnread(Plan.self, from: tree)
                    } else {
                        _ = try? decoder.decode(Plan.self, from: tree)
                    }
                }
                #expect(left == nil, "reporting unread fields: \(reportUnread), \(tree == good ? "good" : "bad") plan")
            }
        }
    }
}
