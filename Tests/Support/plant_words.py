"""Plants a distinctive word in every free-text field of plan JSON files (issue 10, item 4).

  plant_words.py SCHEMA OUT_FOLDER PLAN.json...   writes each plan to OUT_FOLDER with every
                                                  free-text string replaced by a word of its
                                                  own (PLANTED0001...), and prints the words

A free-text field is what the schema declares a plain string: no enum, no pattern, no format,
and not one of the fields that hold a code (code, odsCode, system): those are identifiers of a
code system, never a person's words. Independent of careplan: it reads only the schema.
"""
import json
import os
import sys

CODED = {"code", "odsCode", "system"}


def resolve(schema, node):
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    return node


def plant(schema, node, value, key, planted):
    node = resolve(schema, node)
    if isinstance(value, str):
        if node.get("type") == "string" and not {"enum", "pattern", "format", "const"} & set(node) and key not in CODED:
            word = f"PLANTED{len(planted) + 1:04d}"
            planted.append(word)
            return word
        return value
    if isinstance(value, list):
        items = node.get("items", {})
        return [plant(schema, items, item, key, planted) for item in value]
    if isinstance(value, dict):
        properties = node.get("properties", {})
        extra = node.get("additionalProperties")
        result = {}
        for name, item in value.items():
            inner = properties.get(name, extra if isinstance(extra, dict) else {})
            result[name] = plant(schema, inner, item, name, planted)
        return result
    return value


def main(schema_path, folder, files):
    schema = json.load(open(schema_path, encoding="utf-8"))
    planted = []
    for path in files:
        plan = json.load(open(path, encoding="utf-8"))
        result = plant(schema, schema, plan, None, planted)
        with open(os.path.join(folder, os.path.basename(path)), "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2, sort_keys=True, ensure_ascii=False)
            handle.write("\n")
    print("\n".join(planted))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
