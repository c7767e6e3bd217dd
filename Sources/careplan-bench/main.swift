import CarePlanCore
import Foundation

let data = try Data(contentsOf: URL(fileURLWithPath: "plans/care-coordination-edith-lloyd.json"))
func time(_ label: String, _ n: Int = 1000, _ body: () throws -> Void) rethrows {
    let start = Date()
    for _ in 0..<n { try body() }
    print(label, String(format: "%.1f µs", Date().timeIntervalSince(start) / Double(n) * 1e6))
}
try time("JSONValue decode") { _ = try JSONDecoder().decode(JSONValue.self, from: data) }
try time("Plan decode") { _ = try JSONDecoder().decode(Plan.self, from: data) }
try time("JSONSerialization") { _ = try JSONSerialization.jsonObject(with: data) }
let plan = try PlanJSON.decode(data).plan
time("validate") { _ = PlanValidator().validate(plan) }
time("encode") { _ = PlanJSON.encode(plan) }
try time("full decode") { _ = try PlanJSON.decode(data) }
try time("JSONEncoder") { _ = try JSONEncoder().encode(plan) }
let enc = try JSONEncoder().encode(plan)
try time("parse tree") { _ = try JSONSerialization.jsonObject(with: enc) }
let tree = PlanJSON.tree(of: plan)
time("write") { _ = PlanJSON.encode(tree) }
let obj = try JSONSerialization.jsonObject(with: enc)

