"""Regenerates Tests/Fixtures/bad-plans/ from a sample plan.

Each bad file breaks one rule. expected.json maps each file name to the text that the
error message must contain (the field path and reason); CarePlanCLITests checks it.
Run from the package root: python3 Tests/Fixtures/make_bad_plans.py
"""
import copy, json, os

ROOT = "Tests/Fixtures/bad-plans"
base = json.load(open("plans/social-prescribing-margaret-okafor.json", encoding="utf-8"))
expected = {}

def emit(name, expect, data=None, raw=None):
    path = os.path.join(ROOT, name + ".json")
    if raw is None:
        raw = (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    with open(path, "wb") as f:
        f.write(raw)
    expected[name + ".json"] = expect

def mutate(name, expect, change):
    plan = copy.deepcopy(base)
    change(plan)
    emit(name, expect, plan)

def setp(path, value):
    def change(plan):
        target = plan
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change

def delp(path):
    def change(plan):
        target = plan
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change

good = (json.dumps(base, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
emit("truncated", "(document): not valid JSON", raw=good[: len(good) // 2])
emit("empty-file", "(document): not valid JSON", raw=b"")
emit("not-an-object", "(document): expected a plan object, got a list", raw=b"[1, 2, 3]\n")
emit("invalid-utf8", "(document): not valid UTF-8 text", raw=good.replace("Okafor".encode(), b"Ok\xffafor", 1))
emit("nesting-1000-deep", "(document): not valid JSON", raw=good.replace(b'"extensions": {}', b'"extensions": {"deep": ' + b"[" * 1000 + b"]" * 1000 + b"}", 1))
mutate("wrong-format", 'format: expected "careplan-plan"', setp(["format"], "fhir-bundle"))
mutate("missing-format", "format: expected", delp(["format"]))
mutate("unknown-version", "formatVersion: this careplan reads version 1 plans, got version 2", setp(["formatVersion"], 2))
mutate("version-as-text", "formatVersion: expected the format version as a whole number", setp(["formatVersion"], "1"))
mutate("nhs-check-digit", "person.nhsNumber: not a valid NHS number: the check digit does not match", setp(["person", "nhsNumber"], "9990000019"))
mutate("nhs-too-short", "person.nhsNumber: expected an NHS number of 10 digits, got 5 digits", setp(["person", "nhsNumber"], "12345"))
mutate("nhs-letters", "person.nhsNumber: expected an NHS number of 10 digits (spaces allowed)", setp(["person", "nhsNumber"], "999OOOOO18"))
mutate("impossible-date", 'goals[0].targetDate: expected a date like 2026-12-31, got "2026-02-30"', setp(["goals", 0, "targetDate"], "2026-02-30"))
mutate("date-wrong-shape", 'goals[1].targetDate: expected a date like 2026-12-31, got "31/12/26"', setp(["goals", 1, "targetDate"], "31/12/26"))
mutate("birth-month-13", "person.dateOfBirth: expected a date like 2026-12-31", setp(["person", "dateOfBirth"], "1948-13-01"))
mutate("concern-score-11", "needs[0].concernScore: expected a score from 0 to 10, got 11", setp(["needs", 0, "concernScore"], 11))
mutate("importance-0", "goals[0].importance: expected a score from 1 to 10, got 0", setp(["goals", 0, "importance"], 0))
mutate("confidence-negative", "goals[1].confidence: expected a score from 1 to 10, got -1", setp(["goals", 1, "confidence"], -1))
mutate("score-as-text", "needs[1].concernScore: expected a whole number, got text", setp(["needs", 1, "concernScore"], "six"))
mutate("score-fraction", "needs[0].concernScore: expected a whole number, got a number", setp(["needs", 0, "concernScore"], 7.5))
mutate("dangling-need-link", "goals[0].needIds[0]: links to need N9, which is not in the plan", setp(["goals", 0, "needIds"], ["N9"]))
mutate("dangling-goal-link", "actions[1].goalId: links to goal G7, which is not in the plan", setp(["actions", 1, "goalId"], "G7"))
mutate("dangling-contact-link", "contingency.contactIds[0]: links to contact C8, which is not in the plan", setp(["contingency", "contactIds"], ["C8"]))
mutate("duplicate-id", "needs[1].id: id N1 is already used at needs[0].id", setp(["needs", 1, "id"], "N1"))
mutate("wrong-kind-of-id", "goals[0].id: expected a goal id", setp(["goals", 0, "id"], "N5"))
mutate("malformed-id", 'goals[0].id: expected an entry id such as G2', setp(["goals", 0, "id"], "goal-1"))
mutate("ids-would-be-reused", "lastIssuedIds.G: is 1 but G2 is in use", setp(["lastIssuedIds", "G"], 1))
mutate("unknown-plan-status", 'status: expected one of draft, active, on-hold, completed, revoked, got "finished"', setp(["status"], "finished"))
mutate("unknown-need-domain", 'needs[0].domain: expected one of physical', setp(["needs", 0, "domain"], "money"))
mutate("referral-status-mismatch", "referrals[0].status: is accepted but the last history entry is in-progress", setp(["referrals", 0, "status"], "accepted"))
mutate("referral-history-backwards", "referrals[0].history[1].on: 2026-08-01 is before the previous step (2026-08-20)", setp(["referrals", 0, "history", 1, "on"], "2026-08-01"))
mutate("other-service-without-name", "referrals[1].serviceName: is required when the referral is to another service", delp(["referrals", 1, "serviceName"]))
mutate("missing-person-name", "person.name: required field is missing", delp(["person", "name"]))
mutate("blank-person-name", "person.name: must not be empty", setp(["person", "name"], "   "))
mutate("person-as-text", "person: expected an object, got text", setp(["person"], "Maggie"))
mutate("goals-as-object", "goals: expected a list, got an object", setp(["goals"], {}))
mutate("status-null", "status: expected text, got null", setp(["status"], None))
mutate("limited-consent-without-scope", "consent.scope: is required when consent is limited", lambda p: p["consent"].update({"status": "limited", "scope": None}) or p["consent"].pop("scope"))
mutate("representative-without-name", "agreement.representativeName: is required when a representative agreed the plan", setp(["agreement", "agreedBy"], "representative"))
mutate("bad-extension-key", "extensions.Social Prescribing: module ids are lower-case words", setp(["extensions"], {"Social Prescribing": {}}))
mutate("review-interval-zero", "review.intervalWeeks: expected 1 to 520 weeks, got 0", setp(["review", "intervalWeeks"], 0))

with open(os.path.join(ROOT, "expected.json"), "w", encoding="utf-8") as f:
    f.write(json.dumps(expected, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
print(len(expected), "bad plans written")
