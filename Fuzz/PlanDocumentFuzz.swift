// libFuzzer target: bytes -> plan JSON parser -> decoder -> validator -> canonical writer, and
// the FHIR readers (careplan's bundles, other systems' referrals and Task updates).
// Any crash, trap, sanitizer report or timeout is a bug: every input must come back as a plan
// or as a list of problems. Built by Fuzz/run (see docs/performance.md).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanDocument(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if let checked = try? PlanJSON.check(data, today: CalendarDate(year: 2026, month: 11, day: 21)) {
        // What was accepted must read back to the same bytes.
        let again = try? PlanJSON.check(checked.canonical)
        if again?.plan != checked.plan { fatalError("a checked plan does not read back the same") }
    }
    _ = try? FHIRImporter(plugins: .none).plan(from: data)
    // Other systems' bundles: a referral to receive, or a Task update on one we sent.
    if let bundle = try? JSONParser.parse(data) { _ = try? InboundMessage.read(bundle) }
    return 0
}
