import CareCoordination
import CarePlanCore
import HealthCoaching
import SocialPrescribing

/// The role modules this build loads, in help order. To leave one out, remove it here and
/// from the careplan target's dependencies in Package.swift; plans keep its section untouched.
let roleModules: [any CarePlanPlugin] = [
    SocialPrescribingPlugin(),
    HealthCoachingPlugin(),
    CareCoordinationPlugin(),
]
