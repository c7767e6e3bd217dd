import ArgumentParser
import CarePlanCore
import Foundation

/// `careplan fhir-definitions DIR`: the StructureDefinitions of careplan's FHIR extensions,
/// for the PCN to publish at its canonical base, where receiving systems resolve them.
struct FHIRDefinitionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhir-definitions",
        abstract: "Write the StructureDefinitions of careplan's FHIR extensions, to publish at your PCN's FHIR base.",
        discussion: """
            One file per extension, StructureDefinition-NAME.json, each with its URL under the base \
            ($CAREPLAN_FHIR_BASE, or --base). Publish them there: careplan's FHIR exports name \
            extensions by those URLs. See docs/fhir.md.
            """
    )

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    @Argument(help: ArgumentHelp("The folder to write them to (made if missing).", valueName: "dir"))
    var folder: String

    @Option(help: ArgumentHelp("The canonical base (default: $CAREPLAN_FHIR_BASE).", valueName: "url"))
    var base: String?

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let chosen: FHIRBase
            if let base {
                do throws(FHIRBaseError) {
                    chosen = try FHIRBase(base)
                } catch {
                    throw Failure("--base: \(error.message)")
                }
            } else if let configured = try context.pluginHost().settings.fhirBase {
                chosen = configured
            } else {
                throw Failure("fhir-definitions: give --base URL, or set CAREPLAN_FHIR_BASE, to the https address where your PCN publishes them")
            }
            try OutputFolder.make(folder)
            for definition in FHIRExtensionCatalogue.definitions {
                let file = (folder as NSString).appendingPathComponent("StructureDefinition-\(definition.name).json")
                try SecureFile.write(PlanJSON.encode(FHIRExtensionCatalogue.structureDefinition(definition, base: chosen)), to: file)
            }
            printLine("wrote \(FHIRExtensionCatalogue.definitions.count) StructureDefinitions for \(chosen) to \(folder)")
        }
    }
}
