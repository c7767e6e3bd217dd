"""Validates FHIR R4 bundles with the independent Python `fhir.resources` models (6.5.x is
FHIR R4 4.0.1), evaluates FHIR R4's invariants with an independent FHIRPath engine
(fhirpathpy, with its R4 model, so choice types such as detail[x] resolve), and checks what
neither does: every reference resolves inside the bundle, fullUrls are urn:uuid, resources
with a UK Core profile name it, scores are numbers, relationships use UK Core's codes.

Usage: python3 Tests/Support/check_fhir_bundle.py [--document] BUNDLE.json...
Each bundle must be a collection, or with --document a document (a Composition first, an
identifier and a timestamp). Prints `FILE: ok (N resources)` or `FILE: problem` lines; exits 1 if any bundle is invalid.
"""
import json
import re
import sys

from fhir.resources import get_fhir_model_class
from fhirpathpy import evaluate
from fhirpathpy.models import models
from pydantic import ValidationError

R4 = models["r4"]
# FHIR R4 (4.0.1) invariants, as the specification writes them, for every resource type
# careplan sends, and the ones every resource and element carries. Each must be true.
INVARIANTS = {
    # Every DomainResource (all but Bundle).
    "*": [
        ("dom-2", "contained.contained.empty()"),
        ("dom-4", "contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()"),
        ("dom-5", "contained.meta.security.empty()"),
        ("dom-6", "text.`div`.exists()"),
        ("ext-1", "extension.all(extension.exists() != value.exists()) and modifierExtension.all(extension.exists() != value.exists())"),
    ],
    "Bundle": [
        ("bdl-1", "total.empty() or (type = 'searchset') or (type = 'history')"),
        ("bdl-2", "entry.search.empty() or (type = 'searchset')"),
        ("bdl-3", "entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or %resource.type = 'history'))"),
        ("bdl-4", "entry.all(response.exists() = (%resource.type = 'batch-response' or %resource.type = 'transaction-response' or %resource.type = 'history'))"),
        ("bdl-7", "(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()"),
        ("bdl-8", "entry.all(fullUrl.exists() implies fullUrl.contains('/_history/').not())"),
        ("bdl-9", "type = 'document' implies (identifier.system.exists() and identifier.value.exists())"),
        # The engine has no hasValue(); for a primitive without extensions, exists() is the same.
        ("bdl-10", "type = 'document' implies (timestamp.exists())"),
        ("bdl-11", "type = 'document' implies entry.first().resource.is(Composition)"),
    ],
    "Composition": [
        ("cmp-1", "section.all(text.exists() or entry.exists() or section.exists())"),
        ("cmp-2", "section.all(emptyReason.empty() or entry.empty())"),
    ],
    "CarePlan": [("cpl-3", "activity.all(detail.empty() or reference.empty())")],
    "Goal": [("gol-1", "target.all((detail.exists() and measure.exists()) or detail.exists().not())")],
    "Observation": [
        ("obs-6", "dataAbsentReason.empty() or value.empty()"),
        ("obs-7", "value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()"),
    ],
    "ServiceRequest": [("prr-1", "orderDetail.empty() or code.exists()")],
    "Task": [("inv-1", "lastModified.exists().not() or authoredOn.exists().not() or lastModified >= authoredOn")],
    "Patient": [("pat-1", "contact.all(name.exists() or telecom.exists() or address.exists() or organization.exists())")],
    "Condition": [
        ("con-3", "clinicalStatus.exists() or verificationStatus.coding.where(system='http://terminology.hl7.org/CodeSystem/condition-ver-status' and code = 'entered-in-error').exists() or category.select($this='problem-list-item').empty()"),
        ("con-4", "abatement.empty() or clinicalStatus.coding.where(system='http://terminology.hl7.org/CodeSystem/condition-clinical' and (code='resolved' or code='remission' or code='inactive')).exists()"),
        ("con-5", "verificationStatus.coding.where(system='http://terminology.hl7.org/CodeSystem/condition-ver-status' and code='entered-in-error').empty() or clinicalStatus.empty()"),
    ],
}


def broken_invariants(resource):
    """The keys of the invariants `resource` breaks (or that the engine could not evaluate)."""
    broken = []
    kind = resource.get("resourceType")
    for key, expression in (INVARIANTS["*"] if kind != "Bundle" else []) + INVARIANTS.get(kind, []):
        try:
            result = evaluate(resource, expression, {"resource": resource}, R4)
        except Exception as error:  # an expression the engine cannot run is a failure, not a pass
            broken.append(f"{key} (not evaluated: {error})")
            continue
        if result != [True]:
            broken.append(key)
    # ext-1 on extensions inside elements and inside other extensions, where the engine has no
    # type to resolve value[x] by: an extension has a value or sub-extensions, never both.
    if kind != "Bundle" and any(bool("extension" in e) == any(k.startswith("value") for k in e) for e in nested_extensions(resource)):
        broken.append("ext-1")
    return broken


def nested_extensions(value, top=True):
    """Every extension object below the resource's own extensions."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key in ("extension", "modifierExtension") and isinstance(child, list):
                for item in child:
                    if not top:
                        yield item
                    yield from nested_extensions(item, False)
            else:
                yield from nested_extensions(child, False)
    elif isinstance(value, list):
        for item in value:
            yield from nested_extensions(item, False)

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


def check(path, kind_wanted="collection"):
    problems = []
    with open(path, encoding="utf-8") as handle:
        bundle = json.load(handle)
    try:
        get_fhir_model_class("Bundle").parse_obj(bundle)
    except ValidationError as error:
        problems.append("Bundle: " + str(error).replace("\n", " "))
    if bundle.get("type") != kind_wanted:
        problems.append(f"Bundle.type: expected {kind_wanted}")
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
    # FHIR R4's invariants, evaluated by the FHIRPath engine, on the bundle and each resource.
    for key in broken_invariants(bundle):
        problems.append(f"Bundle: invariant {key} does not hold")
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        for key in broken_invariants(resource):
            problems.append(f"entry[{index}] {resource.get('resourceType')}: invariant {key} does not hold")
    # Best practice dom-6: every resource carries a narrative, as XHTML in a div.
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        text = resource.get("text", {})
        if not str(text.get("div", "")).startswith('<div xmlns="http://www.w3.org/1999/xhtml">') or "status" not in text:
            problems.append(f"entry[{index}] {resource.get('resourceType')}: dom-6: no generated narrative (text.status and an XHTML div)")
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


def main(arguments):
    kind = "document" if "--document" in arguments else "collection"
    files = [argument for argument in arguments if argument != "--document"]
    failed = 0
    for path in files:
        problems, count = check(path, kind)
        if problems:
            failed += 1
            for problem in problems:
                print(f"{path}: {problem}")
        else:
            print(f"{path}: ok ({count} resources)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
