extension PlanEdit {
    /// An edit of a module's section: reads it (or an empty one), lets `change` modify it, and
    /// writes it back keeping any fields this version of the module does not know.
    public static func section<S: PluginSection>(
        _ type: S.Type, _ summary: String,
        _ change: @escaping @Sendable (inout S, Plan, EditContext) throws(PlanEditError) -> String
    ) -> PlanEdit {
        PlanEdit(summary) { plan, context throws(PlanEditError) in
            var section: S
            do {
                section = try SectionCodec.read(S.self, from: plan)
            } catch {
                throw PlanEditError("the \(S.moduleID) section of this plan cannot be read; fix it with import first")
            }
            let done = try change(&section, plan, context)
            do {
                try SectionCodec.write(section, into: &plan)
            } catch {
                throw PlanEditError("the \(S.moduleID) section could not be written")
            }
            return done
        }
    }
}
