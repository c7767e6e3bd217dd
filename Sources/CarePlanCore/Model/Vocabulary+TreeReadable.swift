// The vocabularies the plan model holds, read straight from a parsed tree (see TreeReadable):
// a known value, or, while a plan is checked, "expected one of..." recorded against the field.
extension AboutMeHeading: TreeReadable {}
extension ActionStatus: TreeReadable {}
extension AgreedBy: TreeReadable {}
extension AttemptOutcome: TreeReadable {}
extension ConsentStatus: TreeReadable {}
extension ContactMode: TreeReadable {}
extension DeclineReason: TreeReadable {}
extension DischargeReason: TreeReadable {}
extension EpisodeDecision: TreeReadable {}
extension EthnicCategory: TreeReadable {}
extension Gender: TreeReadable {}
extension GenderIdentity: TreeReadable {}
extension GoalAchievementStatus: TreeReadable {}
extension GoalLifecycleStatus: TreeReadable {}
extension NeedDomain: TreeReadable {}
extension NeedStatus: TreeReadable {}
extension PersonalContactRole: TreeReadable {}
extension PhenotypicSex: TreeReadable {}
extension PlanStatus: TreeReadable {}
extension ReferralMethod: TreeReadable {}
extension ReferralRecipient: TreeReadable {}
extension ReferralSource: TreeReadable {}
extension ReferralStatus: TreeReadable {}
extension ReferralUrgency: TreeReadable {}
