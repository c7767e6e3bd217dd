// The vocabularies the plan model holds, read straight from a parsed tree (see TreeReadable):
// a known value, or, while a plan is checked, "expected one of..." recorded against the field;
// and written as their raw values (TreeWritable).
extension AboutMeHeading: TreeReadable, TreeWritable {}
extension ActionStatus: TreeReadable, TreeWritable {}
extension AgreedBy: TreeReadable, TreeWritable {}
extension AttemptOutcome: TreeReadable, TreeWritable {}
extension ConsentStatus: TreeReadable, TreeWritable {}
extension ContactMode: TreeReadable, TreeWritable {}
extension DeclineReason: TreeReadable, TreeWritable {}
extension DischargeReason: TreeReadable, TreeWritable {}
extension EpisodeDecision: TreeReadable, TreeWritable {}
extension EthnicCategory: TreeReadable, TreeWritable {}
extension Gender: TreeReadable, TreeWritable {}
extension GenderIdentity: TreeReadable, TreeWritable {}
extension GoalAchievementStatus: TreeReadable, TreeWritable {}
extension GoalLifecycleStatus: TreeReadable, TreeWritable {}
extension NeedDomain: TreeReadable, TreeWritable {}
extension NeedStatus: TreeReadable, TreeWritable {}
extension PersonalContactRole: TreeReadable, TreeWritable {}
extension PhenotypicSex: TreeReadable, TreeWritable {}
extension PlanStatus: TreeReadable, TreeWritable {}
extension ReferralMethod: TreeReadable, TreeWritable {}
extension ReferralRecipient: TreeReadable, TreeWritable {}
extension ReferralSource: TreeReadable, TreeWritable {}
extension ReferralStatus: TreeReadable, TreeWritable {}
extension ReferralUrgency: TreeReadable, TreeWritable {}
