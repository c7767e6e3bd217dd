import CarePlanCore
import Foundation
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("parses YYYY-MM-DD and writes it back", arguments: ["2026-12-31", "2024-02-29", "0001-01-01", "9999-12-31"])
    func roundTrips(_ text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.description == text)
    }

    @Test(
        "rejects impossible days and other shapes",
        arguments: [
            "2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
            "31/12/26", "2026-1-01", "2026-01-1", "20260101", "", "2026-01-01T00:00:00Z", "２０２６-01-01",
        ])
    func rejects(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test("counts days across months, leap years and centuries")
    func dayArithmetic() throws {
        let start = try #require(CalendarDate("2026-10-14"))
        #expect(start.adding(days: 28)?.description == "2026-11-11")
        #expect(start.adding(days: 62)?.description == "2026-12-15")
        #expect(try #require(CalendarDate("2024-02-28")).adding(days: 1)?.description == "2024-02-29")
        #expect(try #require(CalendarDate("2000-02-28")).adding(days: 2)?.description == "2000-03-01")
        #expect(try #require(CalendarDate("1970-01-01")).dayNumber == 0)
        #expect(start.days(until: try #require(CalendarDate("2026-11-21"))) == 38)
        for number in stride(from: -719_162, through: 2_932_896, by: 997) {
            #expect(CalendarDate(dayNumber: number)?.dayNumber == number)
        }
    }

    @Test("takes the day an instant falls on in a time zone")
    func fromInstant() throws {
        let lateEvening = Date(timeIntervalSince1970: 1_782_860_400)  // 2026-06-30T23:00:00Z
        #expect(CalendarDate(lateEvening, in: try #require(TimeZone(identifier: "UTC"))).description == "2026-06-30")
        #expect(CalendarDate(lateEvening, in: try #require(TimeZone(identifier: "Europe/London"))).description == "2026-07-01")
    }

    @Test("orders chronologically")
    func ordering() throws {
        #expect(try #require(CalendarDate("2026-01-31")) < (try #require(CalendarDate("2026-02-01"))))
        #expect(try #require(CalendarDate("2025-12-31")) < (try #require(CalendarDate("2026-01-01"))))
    }
}
