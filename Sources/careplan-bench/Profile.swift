import CareCoordination
import CarePlanCore
import Foundation

/// `careplan-bench profile FILE`: time the stages of reading one plan, for finding hot spots.
enum Profile {
    static func run(_ file: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let plugins = try PluginHost([CareCoordinationPlugin()])
        func time(_ label: String, _ body: () throws -> Void) rethrows {
            let start = DispatchTime.now()
            for _ in 0..<500 { try body() }
            print(label, String(format: "%.0f µs", seconds(since: start) / 500 * 1e6))
        }
        try time("decode, core only") { _ = try PlanJSON.decode(data) }
        try time("decode, with care coordination") { _ = try PlanJSON.decode(data, plugins: plugins) }
        let plan = try PlanJSON.decode(data).plan
        time("module validation") { _ = plugins.validate(plan, today: nil) }
        time("worklist items") { _ = plugins.dueItemIndex.items(plan) }
        time("encode") { _ = PlanJSON.encode(plan) }
    }
}
