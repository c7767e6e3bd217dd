"""Checks careplan's extension StructureDefinitions, and every extension in FHIR bundles
against them, reading only the definitions' own JSON (not careplan's code):

- each definition parses with the independent `fhir.resources` R4 model, is an Extension
  constraint on the base Extension, and has its URL fixed under the canonical base;
- every extension in every bundle whose URL starts with the base has a definition; it is
  used where the definition's context allows; a simple one has one value of the declared
  type and no sub-extensions; a complex one has no value, and only the sub-extensions its
  slices name, each within its cardinality, recursively;
- no URL anywhere in a bundle names a domain kept for examples.

Usage: python3 Tests/Support/check_fhir_definitions.py [--all-used] BASE DEFINITIONS_DIR BUNDLE.json...
Prints `FILE: ok (N extensions)` or `FILE: problem` lines; exits 1 on any problem.
"""
import copy
import glob
import json
import os
import re
import sys

from fhir.resources import get_fhir_model_class
from pydantic import ValidationError

EXAMPLE_HOSTS = re.compile(r"https?://(?:[^/\s\":]*\.)?(?:example\.(?:com|org|net)|[^/\s\":]*\.(?:example|invalid|test|localhost))(?=[/:\"\s]|$)")
# Where an element sits, as the definitions' contexts name it.
ELEMENT_TYPES = {"CarePlan.note": "Annotation", "Patient.contact": "Patient.contact",
                 "CarePlan.activity": "CarePlan.activity", "CareTeam.participant": "CareTeam.participant"}


def load_definitions(base, folder):
    """url -> (definition JSON, shape), and the problems found in the definitions."""
    problems, definitions = [], {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as handle:
            definition = json.load(handle)
        # fhir.resources checks Element.id against the `id` datatype's pattern, which FHIR
        # does not ("Extension.value[x]" is the standard form), so ids are left out there.
        parsed = copy.deepcopy(definition)
        for element in parsed.get("differential", {}).get("element", []):
            element.pop("id", None)
        try:
            get_fhir_model_class("StructureDefinition").parse_obj(parsed)
        except ValidationError as error:
            problems.append(f"{name}: " + str(error).replace("\n", " "))
        url = definition.get("url", "")
        if not url.startswith(base + "/StructureDefinition/"):
            problems.append(f"{name}: url {url} is not under {base}/StructureDefinition/")
        if definition.get("type") != "Extension" or definition.get("derivation") != "constraint" \
                or definition.get("baseDefinition") != "http://hl7.org/fhir/StructureDefinition/Extension":
            problems.append(f"{name}: not a constraint on the base Extension")
        if definition.get("fhirVersion") != "4.0.1":
            problems.append(f"{name}: fhirVersion is not 4.0.1")
        elements = {e["id"]: e for e in definition.get("differential", {}).get("element", []) if "id" in e}
        if elements.get("Extension.url", {}).get("fixedUri") != url:
            problems.append(f"{name}: Extension.url is not fixed to the definition's url")
        definitions[url] = (definition, shape(elements, "Extension"))
    return definitions, problems


def shape(elements, prefix):
    """What the element at `prefix` may hold: ("value", type) or ("parts", {name: (min, max, shape)})."""
    value = elements.get(f"{prefix}.value[x]", {})
    if value.get("max") != "0":
        return ("value", [t["code"] for t in value.get("type", [])])
    parts = {}
    for key, element in elements.items():
        if key.startswith(f"{prefix}.extension:") and "." not in key[len(prefix) + len(".extension:"):]:
            slice_name = element["sliceName"]
            limit = element.get("max", "*")
            parts[slice_name] = (element.get("min", 0), None if limit == "*" else int(limit), shape(elements, key))
    return ("parts", parts)


def conform(extension, form, where, problems):
    """Checks one extension (or part) against its shape."""
    values = [key for key in extension if key.startswith("value")]
    subs = extension.get("extension", [])
    kind, detail = form
    if kind == "value":
        if subs:
            problems.append(f"{where}: has sub-extensions, and its definition gives it a value")
        if len(values) != 1 or values[0][len("value"):].lower() not in [t.lower() for t in detail]:
            problems.append(f"{where}: expected a value of type {'/'.join(detail)}, got {values or 'none'}")
        return
    if values:
        problems.append(f"{where}: has a value, and its definition gives it sub-extensions")
    counts = {}
    for sub in subs:
        name = sub.get("url", "")
        if name not in detail:
            problems.append(f"{where}: sub-extension {name!r} is not in its definition")
            continue
        counts[name] = counts.get(name, 0) + 1
        conform(sub, detail[name][2], f"{where}.{name}", problems)
    for name, (low, high, _) in detail.items():
        count = counts.get(name, 0)
        if count < low or (high is not None and count > high):
            problems.append(f"{where}: {count} of {name!r}, its definition allows {low}..{high if high is not None else '*'}")


def walk(value, path, found):
    """Collects (element path, extension) for each extension on an element or resource."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key in ("extension", "modifierExtension") and isinstance(child, list):
                for item in child:
                    found.append((path, item))
            else:
                walk(child, f"{path}.{key}" if path else key, found)
    elif isinstance(value, list):
        for item in value:
            walk(item, path, found)


USED = set()


def check_bundle(path, base, definitions):
    problems = []
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    bundle = json.loads(text)
    for match in EXAMPLE_HOSTS.finditer(text):
        problems.append(f"names a domain kept for examples: {match.group(0)}")
    count = 0
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        kind = resource.get("resourceType", "?")
        found = []
        walk({key: value for key, value in resource.items() if key != "resourceType"}, "", found)
        for element_path, extension in found:
            url = extension.get("url", "")
            if not url.startswith(base + "/"):
                continue
            count += 1
            where = f"entry[{index}] {kind}" + (f".{element_path}" if element_path else "") + f" extension {url}"
            if url not in definitions:
                problems.append(f"{where}: no StructureDefinition declares it")
                continue
            USED.add(url)
            definition, form = definitions[url]
            full = f"{kind}.{element_path}" if element_path else kind
            context = ELEMENT_TYPES.get(full, full)
            allowed = [c.get("expression") for c in definition.get("context", [])]
            if context not in allowed:
                problems.append(f"{where}: used on {context}, its definition allows {allowed}")
            conform(extension, form, where, problems)
    return problems, count


def main(arguments):
    # --all-used: every definition must be exercised by some bundle, so none is stale.
    all_used = "--all-used" in arguments
    arguments = [a for a in arguments if a != "--all-used"]
    base, folder, bundles = arguments[0], arguments[1], arguments[2:]
    definitions, problems = load_definitions(base, folder)
    failed = bool(problems)
    for problem in problems:
        print(f"{folder}: {problem}")
    for path in bundles:
        found, count = check_bundle(path, base, definitions)
        if found:
            failed = True
            for problem in found:
                print(f"{path}: {problem}")
        else:
            print(f"{path}: ok ({count} extensions)")
    if all_used:
        for url in sorted(set(definitions) - USED):
            failed = True
            print(f"{folder}: {url} is used by none of the bundles")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
