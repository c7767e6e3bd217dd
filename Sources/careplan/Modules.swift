import CancerCare
import CareCoordination
import CarePlanCore
import Foundation
import HealthCoaching
import SocialPrescribing

/// The role modules this build loads, in help order. To leave one out, remove it here and
/// from the careplan target's dependencies in Package.swift; plans keep its section untouched.
let roleModules: [any CarePlanPlugin] = [
    SocialPrescribingPlugin(),
    HealthCoachingPlugin(),
    CareCoordinationPlugin(),
    CancerCarePlugin(atRiskDays: cancerAtRiskDays),
]

/// How many days before a cancer waiting-time limit a running standard counts as at risk:
/// `CAREPLAN_CANCER_AT_RISK_DAYS` (1 to 27) when the deployment sets it, else 5. A value that
/// is not such a number stops careplan at start-up with a one-line reason.
let cancerAtRiskDays: Int = {
    guard let text = ProcessInfo.processInfo.environment["CAREPLAN_CANCER_AT_RISK_DAYS"] else { return CancerStandards.defaultAtRiskDays }
    guard let days = Int(text.trimmingCharacters(in: .whitespaces)), (1...27).contains(days) else {
        FileHandle.standardError.write(
            Data(
                "careplan: CAREPLAN_CANCER_AT_RISK_DAYS: expected a whole number of days from 1 to 27, got \"\(TerminalSafe.sanitize(String(text.prefix(20))))\"\n"
                    .utf8))
        exit(1)
    }
    return days
}()
