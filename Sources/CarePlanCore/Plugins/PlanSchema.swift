extension PluginHost {
    /// The plan schema for this build: `core` (the core's schema, with no module sections)
    /// with each module's definitions added to `$defs` and its section under
    /// `properties.extensions.properties.<module id>`. A definition the core already has is
    /// left as the core's.
    public func planSchema(core: JSONValue) -> JSONValue {
        guard case .object(var root) = core else { return core }
        var definitions: [String: JSONValue] = [:]
        if case .object(let existing)? = root["$defs"] { definitions = existing }
        var properties: [String: JSONValue] = [:]
        if case .object(let existing)? = root["properties"] { properties = existing }
        var extensions: [String: JSONValue] = [:]
        if case .object(let existing)? = properties["extensions"] { extensions = existing }
        var sections: [String: JSONValue] = [:]
        if case .object(let existing)? = extensions["properties"] { sections = existing }
        for (module, fragment) in registrar.schemaFragments {
            for (name, definition) in fragment.definitions where definitions[name] == nil { definitions[name] = definition }
            sections[module] = .object(["$ref": .string("#/$defs/\(fragment.section)")])
        }
        extensions["properties"] = .object(sections)
        properties["extensions"] = .object(extensions)
        root["properties"] = .object(properties)
        root["$defs"] = .object(definitions)
        return .object(root)
    }
}
