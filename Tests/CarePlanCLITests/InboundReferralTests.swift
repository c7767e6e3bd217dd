import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing
@testable import careplan

/// Referrals other systems send as FHIR bundles (issue 9, item 6, inbound part).
@Suite("Referrals from other systems")
struct InboundReferralTests {
    let careplan = CommandRunner(product: "careplan")
    static let gp = Fixtures.packageRoot.appendingPathComponent("plans/fhir/gp-referral-margaret-okafor.json").path
    static let selfReferral = Fixtures.packageRoot.appendingPathComponent("plans/fhir/self-referral-kofi-mensah.json").path
    /// The harness's day, for the command line too.
    static let environment = ["CAREPLAN_NOW": "2026-11-21T10:00:00Z", "CAREPLAN_AUTHOR": "Aisha Rahman"]

    @Test(
        "a GP system's referral lands in the SPLW inbox on the right person's plan; accepted, first contact records 871731000000106 once, contacts, discharge; the export shows the whole episode"
    )
    func gpReferral() throws {
        let shell = try ShellHarness(author: "Aisha Rahman", plugins: roleModules)
        let store = shell.store.path
        #expect(try careplan.run(["import", "--store", store] + Fixtures.samplePlanFiles.map(\.path), environment: Self.environment).status == 0)
        let received = try careplan.run(["import", "--format", "fhir", "--store", store, Self.gp], environment: Self.environment)
        // Imported, but the GP's Condition was not used: listed, and exit status 3.
        #expect(received.status == 3, "\(received.stderr)")
        #expect(received.stdout == "\(Self.gp): referral for SPLW received as E4 on plan CP-SP0001 (revision 2)\n")
        #expect(
            received.stderr.contains(
                "\(Self.gp): warning: Condition/cond-1: not used (careplan reads the ServiceRequest or Task, its Patient and requester)"))
        let inbox = try careplan.run(["--store", store, "-c", "inbox --role splw --today 2026-11-21"], environment: Self.environment)
        #expect(inbox.stdout.contains("CP-SP0001"), "\(inbox.stdout)")
        // Cut to fit 80 columns, as every listing is.
        #expect(inbox.stdout.contains("2026-11-21  0     CP-SP0001  Margaret Okafor  E4  Lonely since her sister"), "\(inbox.stdout)")
        for line in inbox.stdout.split(separator: "\n") { #expect(line.count <= 80) }

        #expect(
            shell.run(
                bail: true,
                [
                    "open CP-SP0001", "episode accept E4", "episode contact E4 --mode phone --minutes 20",
                    "episode contact E4 --mode face-to-face --minutes 40", "episode discharge E4 goals-met",
                ]), "\(shell.output.errors)")
        let episode = try #require(try shell.plan().episodes.first { $0.id.description == "E4" })
        #expect(episode.referrerName == "Claire Dunn" && episode.referrerOrganisation == "Northam Medical Group" && episode.source == .gp)
        #expect(episode.codes.filter { $0.code == "871731000000106" }.count == 1)
        #expect(episode.state == .discharged && episode.contacts.count == 2)
        let fhir = try careplan.run(["export", "CP-SP0001", "--format", "fhir", "--store", store], environment: Self.environment)
        let extensionText = try #require(
            try PlanJSON.parse(Data(fhir.stdout.utf8))["entry"]?.arrayValue.first?["resource"]?["extension"]?.arrayValue
                .first { $0["url"]?.stringValue?.hasSuffix("referral-episodes") == true }?["valueString"]?.stringValue)
        let exported = try PlanJSON.parse(Data(extensionText.utf8)).arrayValue.first { $0["id"] == JSONValue.string("E4") }
        #expect(exported?["discharge"]?["reason"] == .string("goals-met"))
        #expect(exported?["codes"]?.arrayValue.count == 1)
        // The referrer's system follows its request through the Task careplan exports for it.
        let task = try PlanJSON.parse(Data(fhir.stdout.utf8))["entry"]?.arrayValue.compactMap { $0["resource"] }.first { resource in
            resource["resourceType"] == .string("Task") && resource["identifier"]?.arrayValue.first?["value"] == .string("E4")
        }
        #expect(task?["status"] == .string("completed") && task?["statusReason"]?["text"] == .string("goals met"))
        #expect(task?["focus"]?["identifier"]?["value"] == .string("https://gp.example.nhs.uk/fhir/ServiceRequest/sr-1"))
        #expect(task?["output"]?.arrayValue.count == 2)
    }

    @Test("a self-referral with a contained Patient and no NHS number makes a new draft plan; sent again, it is refused as a possible second plan")
    func selfReferralNewPlan() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        let first = try careplan.run(["import", "--format", "fhir", "--store", store, Self.selfReferral], environment: Self.environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("referral for HWBC received as E1 on a new draft plan CP-"))
        let plan = try #require(try PlanStore(path: store).find("Kofi").first)
        let stored = try PlanStore(path: store).load(plan.id).plan
        #expect(stored.person.name == "Kofi Mensah" && stored.person.dateOfBirth == CalendarDate("1970-02-03"))
        #expect(stored.person.phone == "01632 960 451" && stored.person.address?.postcode == "HX7 8AB")
        #expect(stored.status == .draft && stored.episodes.first?.urgency == .urgent && stored.episodes.first?.source == .selfReferral)
        let inbox = try careplan.run(["--store", store, "-c", "inbox --role hwbc --today 2026-11-21"], environment: Self.environment)
        #expect(inbox.stdout.contains("URGENT Wants help to get"), "\(inbox.stdout)")
        let again = try careplan.run(["import", "--format", "fhir", "--store", store, Self.selfReferral], environment: Self.environment)
        #expect(again.status == 1)
        #expect(
            again.stderr.hasPrefix(
                "\(Self.selfReferral): ServiceRequest/req-1: plan \(plan.id) is for someone with the same name and date of birth, and the referral has no NHS number"
            ), "\(again.stderr)")
        #expect(try PlanStore(path: store).count() == 1)
    }

    @Test("a request for a service we do not run, or a bundle with two requests, is refused naming where, and nothing is stored")
    func refused() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        let original = try String(contentsOfFile: Self.gp, encoding: .utf8)
        let cases: [(String, String)] = [
            (original.replacingOccurrences(of: "871731000000106", with: "183524004"), "ServiceRequest/sr-1.code: not one of our services"),
            (
                original.replacingOccurrences(of: "\"resourceType\": \"Condition\"", with: "\"resourceType\": \"ServiceRequest\""),
                "the bundle holds 2 ServiceRequests"
            ),
            (original.replacingOccurrences(of: "9990000018", with: "9990000019"), "the Patient's NHS number fails the Modulus 11 check"),
        ]
        for (index, (text, reason)) in cases.enumerated() {
            let file = folder.path("bad\(index).json")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let result = try careplan.run(["import", "--format", "fhir", "--store", store, file], environment: Self.environment)
            #expect(result.status == 1)
            #expect(result.stderr.contains(reason), "\(result.stderr)")
        }
        #expect(try PlanStore(path: store).count() == 0)
    }

    @Test("the shell's import receives a referral with the same words as careplan import")
    func shellImport() throws {
        let shell = try ShellHarness(author: "Aisha Rahman", plugins: roleModules, planIDPrefix: "CP-NEW")
        #expect(shell.run(bail: true, ["import \(Self.selfReferral) --format fhir"]), "\(shell.output.errors)")
        #expect(
            shell.output.results.contains("\(Self.selfReferral): referral for HWBC received as E1 on a new draft plan CP-NEW1 (no plan had the NHS number)"))
        #expect(try shell.plan().person.name == "Kofi Mensah")
    }

    @Test("a Task update from the service we referred to moves our referral on and keeps its reason and what was delivered; sent twice, it changes nothing")
    func taskUpdate() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        #expect(try careplan.run(["import", "--store", store] + Fixtures.samplePlanFiles.map(\.path), environment: Self.environment).status == 0)
        let file = Fixtures.packageRoot.appendingPathComponent("plans/fhir/task-update-citizens-advice.json").path
        let result = try careplan.run(["import", "--format", "fhir", "--store", store, file], environment: Self.environment)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout == "\(file): R2 completed, note D2 on plan CP-SP0001 (revision 2)\n")
        #expect(result.stderr.contains("Provenance/pv-1: not used"))
        let plan = try PlanStore(path: store).load("CP-SP0001").plan
        let referral = try #require(plan.referrals.first { $0.id.description == "R2" })
        #expect(referral.status == .completed && referral.history.last?.on == CalendarDate("2026-11-20"))
        #expect(
            plan.notes.last?.text
                == "Update on R2 from Westshire Citizens Advice (completed): reason: Benefits check done with Margaret at the Hebden Row drop-in; delivered: Attendance Allowance claim made with her"
        )
        let again = try careplan.run(["import", "--format", "fhir", "--store", store, file], environment: Self.environment)
        #expect(again.stdout == "\(file): R2 on plan CP-SP0001 is already completed; nothing to change\n")
        #expect(try PlanStore(path: store).load("CP-SP0001").revision.number == 2)
    }
}
