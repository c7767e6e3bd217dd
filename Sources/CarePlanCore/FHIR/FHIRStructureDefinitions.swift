/// The StructureDefinitions of careplan's extensions (FHIR R4), for a deployment's canonical
/// base: what a receiving system resolves an extension's URL to.
extension FHIRExtensionCatalogue {
    /// The StructureDefinition of `definition`, its URL under `base`.
    public static func structureDefinition(_ definition: Definition, base: FHIRBase) -> JSONValue {
        let url = base.extensionURL(definition.name)
        var elements: [JSONValue] = [
            element(
                "Extension", path: "Extension",
                [
                    "short": .string(definition.description), "definition": .string(definition.description),
                    "min": .integer(0), "max": .string(definition.max),
                ])
        ]
        elements += contentElements(definition.content, id: "Extension", path: "Extension", url: url)
        return .object([
            "resourceType": .string("StructureDefinition"),
            "id": .string(definition.name),
            "url": .string(url),
            "version": .string(CarePlanVersion.current),
            "name": .string(pascalCase(definition.name)),
            "title": .string("careplan \(definition.name)"),
            "status": .string("active"),
            "publisher": .string("careplan"),
            "description": .string(definition.description),
            "fhirVersion": .string("4.0.1"),
            "kind": .string("complex-type"),
            "abstract": .bool(false),
            "context": .array(definition.contexts.map { .object(["type": .string("element"), "expression": .string($0)]) }),
            "type": .string("Extension"),
            "baseDefinition": .string("http://hl7.org/fhir/StructureDefinition/Extension"),
            "derivation": .string("constraint"),
            "differential": .object(["element": .array(elements)]),
        ])
    }

    /// The elements saying what an extension (or a part) at `id` holds: a value of one type
    /// and no sub-extensions, or the named sub-extensions (a closed slicing on url) and no value.
    private static func contentElements(_ content: Content, id: String, path: String, url: String) -> [JSONValue] {
        switch content {
        case .value(let type):
            return [
                element("\(id).extension", path: "\(path).extension", ["max": .string("0")]),
                element("\(id).url", path: "\(path).url", ["fixedUri": .string(url)]),
                element(
                    "\(id).value[x]", path: "\(path).value[x]",
                    ["min": .integer(1), "type": .array([.object(["code": .string(type)])])]),
            ]
        case .parts(let parts):
            var elements = [
                element(
                    "\(id).extension", path: "\(path).extension",
                    [
                        "slicing": .object([
                            "discriminator": .array([.object(["type": .string("value"), "path": .string("url")])]),
                            "rules": .string("closed"),
                        ]),
                        "min": .integer(parts.contains(where: \.required) ? 1 : 0),
                    ])
            ]
            for part in parts {
                let partID = "\(id).extension:\(part.name)"
                let partPath = "\(path).extension"
                elements.append(
                    element(
                        partID, path: partPath,
                        [
                            "sliceName": .string(part.name), "short": .string(part.description), "definition": .string(part.description),
                            "min": .integer(part.required ? 1 : 0), "max": .string(part.max),
                        ]))
                elements += contentElements(part.content, id: partID, path: partPath, url: part.name)
            }
            elements.append(element("\(id).url", path: "\(path).url", ["fixedUri": .string(url)]))
            elements.append(element("\(id).value[x]", path: "\(path).value[x]", ["max": .string("0")]))
            return elements
        }
    }

    private static func element(_ id: String, path: String, _ members: [String: JSONValue]) -> JSONValue {
        .object(members.merging(["id": .string(id), "path": .string(path)]) { $1 })
    }

    /// `need-domain` as `NeedDomain`: a StructureDefinition's computable name.
    private static func pascalCase(_ name: String) -> String {
        name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
