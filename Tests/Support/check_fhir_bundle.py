"""Validates FHIR R4 bundles with the independent Python `fhir.resources` models (6.5.x is
FHIR R4 4.0.1), and checks what the models cannot: every reference resolves inside the
bundle, fullUrls are urn:uuid, and resources with a UK Core profile name it.

Usage: python3 Tests/Support/check_fhir_bundle.py BUNDLE.json...
Prints `FILE: ok (N resources)` or `FILE: problem` lines; exits 1 if any bundle is invalid.
"""
import json
import re
import sys

from fhir.resources import get_fhir_model_class
from pydantic import ValidationError

UK_CORE = {"Patient", "CarePlan", "ServiceRequest", "Task", "CareTeam", "Practitioner",
           "Organization", "Condition", "Observation"}
# Required bindings that the models do not enforce (FHIR R4 value sets).
CODES = {
    ("CarePlan", "status"): {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"},
    ("CarePlan", "intent"): {"proposal", "plan", "order", "option"},
    ("Goal", "lifecycleStatus"): {"proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled",
                                  "entered-in-error", "rejected"},
    ("ServiceRequest", "status"): {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"},
    ("ServiceRequest", "intent"): {"proposal", "plan", "directive", "order", "original-order", "reflex-order",
                                   "filler-order", "instance-order", "option"},
    ("Task", "status"): {"draft", "requested", "received", "accepted", "rejected", "ready", "cancelled", "in-progress",
                         "on-hold", "failed", "completed", "entered-in-error"},
    ("Task", "intent"): {"unknown", "proposal", "plan", "order", "original-order", "reflex-order", "filler-order",
                         "instance-order", "option"},
    ("Observation", "status"): {"registered", "preliminary", "final", "amended", "corrected", "cancelled",
                                "entered-in-error", "unknown"},
    ("CareTeam", "status"): {"proposed", "active", "suspended", "inactive", "entered-in-error"},
    ("Patient", "gender"): {"male", "female", "other", "unknown"},
}
ACTIVITY_STATUS = {"not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled", "stopped",
                   "unknown", "entered-in-error"}
UUID = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


# The code systems UKCore-PersonRelationshipType draws on.
RELATIONSHIP_SYSTEMS = {
    "http://terminology.hl7.org/CodeSystem/v2-0131",
    "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
    "https://fhir.hl7.org.uk/CodeSystem/UKCore-AdditionalPersonRelationshipRole",
}


def references(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)


def check(path):
    problems = []
    with open(path, encoding="utf-8") as handle:
        bundle = json.load(handle)
    try:
        get_fhir_model_class("Bundle").parse_obj(bundle)
    except ValidationError as error:
        problems.append("Bundle: " + str(error).replace("\n", " "))
    if bundle.get("type") != "collection":
        problems.append("Bundle.type: expected collection")
    urls = set()
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        kind = resource.get("resourceType")
        url = entry.get("fullUrl", "")
        if not UUID.match(url):
            problems.append(f"entry[{index}].fullUrl: not a urn:uuid: {url}")
        urls.add(url)
        try:
            get_fhir_model_class(kind).parse_obj(resource)
        except (ValidationError, KeyError, ValueError) as error:
            problems.append(f"entry[{index}] {kind}: " + str(error).replace("\n", " "))
        for (resource_type, field), allowed in CODES.items():
            if kind == resource_type and field in resource and resource[field] not in allowed:
                problems.append(f"entry[{index}] {kind}.{field}: {resource[field]!r} is not in the FHIR R4 value set")
        if kind == "CarePlan":
            for position, activity in enumerate(resource.get("activity", [])):
                status = activity.get("detail", {}).get("status")
                if status is not None and status not in ACTIVITY_STATUS:
                    problems.append(f"entry[{index}] CarePlan.activity[{position}].detail.status: {status!r} is not in the value set")
        if kind in UK_CORE:
            profiles = resource.get("meta", {}).get("profile", [])
            if f"https://fhir.hl7.org.uk/StructureDefinition/UKCore-{kind}" not in profiles:
                problems.append(f"entry[{index}] {kind}: meta.profile does not name UKCore-{kind}")
    # Best practice dom-6: every resource carries a narrative, as XHTML in a div.
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        text = resource.get("text", {})
        if not str(text.get("div", "")).startswith('<div xmlns="http://www.w3.org/1999/xhtml">') or "status" not in text:
            problems.append(f"entry[{index}] {resource.get('resourceType')}: dom-6: no generated narrative (text.status and an XHTML div)")
    # Invariant gol-1 (FHIR R4 Goal): target.measure is required if target.detail[x] is present.
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        if resource.get("resourceType") != "Goal":
            continue
        for target in resource.get("target", []):
            has_detail = any(key.startswith("detail") for key in target)
            if has_detail and "measure" not in target:
                problems.append(f"entry[{index}] Goal: gol-1: target.measure is required if target.detail is present")
    # Scores and measures are numbers a receiver can count: no Observation value, and no
    # component value, is a string.
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        if resource.get("resourceType") != "Observation":
            continue
        for part, where in [(resource, "")] + [(c, f".component[{i}]") for i, c in enumerate(resource.get("component", []))]:
            if "valueString" in part:
                problems.append(f"entry[{index}] Observation{where}: valueString: a score is sent as a number")
    # Patient.contact.relationship codes come from UK Core's UKCore-PersonRelationshipType.
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        if resource.get("resourceType") != "Patient":
            continue
        for position, contact in enumerate(resource.get("contact", [])):
            for concept in contact.get("relationship", []):
                for coding in concept.get("coding", []):
                    if coding.get("system") not in RELATIONSHIP_SYSTEMS:
                        problems.append(
                            f"entry[{index}] Patient.contact[{position}].relationship: {coding.get('system')} is not in UKCore-PersonRelationshipType")
    for reference in references(bundle.get("entry", [])):
        if reference not in urls:
            problems.append(f"reference {reference} does not resolve inside the bundle")
    return problems, len(bundle.get("entry", []))


def main(files):
    failed = 0
    for path in files:
        problems, count = check(path)
        if problems:
            failed += 1
            for problem in problems:
                print(f"{path}: {problem}")
        else:
            print(f"{path}: ok ({count} resources)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
