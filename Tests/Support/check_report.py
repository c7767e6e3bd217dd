"""Recomputes careplan's referral report independently of careplan (issue 10).

  check_report.py generate FOLDER COUNT SEED   writes COUNT fictional plans with referral
                                               episodes of known shape into FOLDER
  check_report.py verify EXPORT.jsonl REPORT.json FROM TO [PRACTICE [ROLE]]
                                               recomputes every figure from `careplan export
                                               --all` and compares it with `careplan report
                                               --format json`; prints "ok: N figures" or each
                                               difference, and exits 1 on any

The definitions are the report's documented ones: periods include both days; waits are
counted in the period of the first contact; percentiles are nearest-rank.
"""
import datetime
import json
import math
import random
import sys

SERVICES = {"social-prescribing-link-worker": "SPLW", "health-and-wellbeing-coach": "HWBC", "care-coordinator": "CC"}
SOURCES = ["gp", "self", "hospital", "voluntary-sector", "local-authority", "team", "other"]
MODES = ["face-to-face", "phone", "video", "home-visit", "group"]
DECLINES = ["person-declined", "not-eligible", "needs-another-service", "already-supported", "other"]
DISCHARGES = ["goals-met", "declined-further-support", "lost-contact", "moved-away", "referred-on", "died", "other"]
START = datetime.date(2026, 1, 1)
LAST = datetime.date(2026, 11, 30)


def day(value):
    return value.isoformat()


def episode(rng, number):
    received = START + datetime.timedelta(days=rng.randrange((LAST - START).days - 60))
    service = rng.choice(list(SERVICES))
    result = {"id": f"E{number}", "service": service, "receivedOn": day(received), "source": rng.choice(SOURCES),
              "reason": "Fictional reason for the report check", "urgency": rng.choice(["routine", "urgent"]),
              "responseDueOn": day(received + datetime.timedelta(days=14)), "contacts": [], "attempts": [],
              "reopenings": [], "codes": []}
    roll = rng.random()
    if roll < 0.1:
        return result
    answered = received + datetime.timedelta(days=rng.randrange(11))
    if roll < 0.3:
        result["answer"] = {"decision": "declined", "on": day(answered), "reason": rng.choice(DECLINES)}
        if service == "social-prescribing-link-worker":
            result["codes"].append({"code": "871711000000103", "display": "Social prescribing declined", "on": day(answered)})
        return result
    result["answer"] = {"decision": "accepted", "on": day(answered)}
    if rng.random() < 0.2:
        return result
    first = answered + datetime.timedelta(days=rng.randrange(21))
    result["firstContactOn"] = day(first)
    contact_day = first
    for index in range(rng.randrange(1, 6)):
        attended = index == 0 or rng.random() < 0.85
        contact = {"on": day(contact_day), "mode": rng.choice(MODES), "attended": attended}
        if rng.random() < 0.7:
            contact["durationMinutes"] = rng.randrange(10, 90)
        result["contacts"].append(contact)
        contact_day += datetime.timedelta(days=rng.randrange(1, 15))
    if service == "social-prescribing-link-worker":
        result["codes"].append({"code": "871731000000106", "display": "Referral to social prescribing service", "on": day(first)})
    if rng.random() < 0.4:
        result["discharge"] = {"on": day(contact_day), "reason": rng.choice(DISCHARGES)}
    return result


ONS4_KEYS = [("life satisfaction", "lifeSatisfaction", True), ("worthwhile", "worthwhile", True),
             ("happiness", "happiness", True), ("anxiety", "anxiety", False)]
ONS4_SECTION = "ONS4, baseline to latest follow-up"
PRACTICES = ["B86001", "B86002", "B86003"]
ROLES = {"splw": "social-prescribing-link-worker", "hwbc": "health-and-wellbeing-coach", "cc": "care-coordinator"}


def measures(rng):
    """A person's wellbeing measures: ONS4 at baseline and follow-ups (some on one day, some
    out of order, a follow-up before the baseline now and then), and other measures."""
    result = []
    for number in range(1, rng.randrange(0, 6)):
        taken = START + datetime.timedelta(days=rng.randrange((datetime.date(2026, 11, 20) - START).days))
        measure = {"id": f"W{number}", "takenOn": day(taken), "timepoint": rng.choice(["baseline", "follow-up", "follow-up"])}
        if rng.random() < 0.85:
            measure["ons4"] = {key: rng.randrange(11) for _, key, _ in ONS4_KEYS}
        else:
            measure["name"], measure["rawScore"] = "SWEMWBS", str(rng.randrange(7, 36))
        result.append(measure)
    return result


def generate(folder, count, seed):
    rng = random.Random(seed)
    for index in range(1, count + 1):
        episodes = [episode(rng, number) for number in range(1, rng.randrange(1, 4))]
        plan = {"format": "careplan-plan", "formatVersion": 1, "id": f"CP-R{index:05d}", "status": "active",
                "person": {"name": f"Report Person {index:05d}"}, "aboutMe": {"entries": []}, "strengths": [], "needs": [],
                "goals": [], "actions": [], "referrals": [], "professionalContacts": [], "personalContacts": [],
                "contingency": {"contactIds": [], "triggers": []}, "review": {"held": [], "nextReviewOn": "2027-01-10"},
                "notes": [], "lastIssuedIds": {"E": len(episodes)} if episodes else {}, "extensions": {}}
        if episodes:
            plan["episodes"] = episodes
        practice = rng.choice(PRACTICES + [None])
        if practice:
            plan["person"]["gpPractice"] = {"name": f"Practice {practice}", "odsCode": practice}
        taken = measures(rng) if rng.random() < 0.5 else []
        if taken:
            plan["extensions"]["social-prescribing"] = {"links": [], "measures": taken, "lastIssuedIds": {"W": len(taken)}}
        with open(f"{folder}/plan-{index:05d}.json", "w", encoding="utf-8") as handle:
            handle.write(json.dumps(plan, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p * len(ordered) / 100)) - 1] if ordered else None


def recompute(export, start, end, practice=None, role=None):
    """Every figure for the period; for one practice's plans and one service's referrals if
    given (then the modules' figures are left out, as the report documents)."""
    start, end = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)

    def within(text):
        return text is not None and start <= datetime.date.fromisoformat(text) <= end

    figures, waits, counts = {}, [], {}

    def bump(section, item):
        counts[(section, item)] = counts.get((section, item), 0) + 1

    received = accepted = declined = contacts = dna = 0
    tallies = {name: [0, 0, 0] for name, _, _ in ONS4_KEYS}  # pairs, total change, improved
    for line in open(export, encoding="utf-8"):
        plan = json.loads(line)
        if practice and plan["person"].get("gpPractice", {}).get("odsCode", "").upper() != practice.upper():
            continue
        # ONS4: the first baseline (by day, then as recorded) and the last follow-up after it,
        # counted when that follow-up falls in the period.
        ons4 = sorted([(m["takenOn"], i, m) for i, m in enumerate(plan.get("extensions", {}).get("social-prescribing", {}).get("measures", []))
                       if "ons4" in m])
        baselines = [m for _, _, m in ons4 if m["timepoint"] == "baseline"]
        if baselines:
            first = baselines[0]
            later = [m for _, _, m in ons4 if m["timepoint"] == "follow-up" and m["takenOn"] > first["takenOn"]]
            if later and within(later[-1]["takenOn"]):
                for name, key, higher in ONS4_KEYS:
                    change = later[-1]["ons4"][key] - first["ons4"][key]
                    tally = tallies[name]
                    tally[0] += 1
                    tally[1] += change
                    tally[2] += 1 if (change > 0 if higher else change < 0) else 0
        for ep in plan.get("episodes", []):
            if role and ep["service"] != ROLES[role]:
                continue
            service = SERVICES[ep["service"]]
            if within(ep["receivedOn"]):
                received += 1
                bump("received by service", service)
                bump("received by source", ep["source"])
            answer = ep.get("answer")
            if answer and within(answer["on"]):
                if answer["decision"] == "accepted":
                    accepted += 1
                else:
                    declined += 1
                    bump("declined by reason", answer.get("reason", "other"))
            if within(ep.get("firstContactOn")):
                waits.append((datetime.date.fromisoformat(ep["firstContactOn"]) - datetime.date.fromisoformat(ep["receivedOn"])).days)
            for contact in ep["contacts"]:
                if within(contact["on"]):
                    contacts += 1
                    bump("contacts by mode", contact["mode"])
                    dna += 0 if contact["attended"] else 1
            discharge = ep.get("discharge")
            if discharge and within(discharge["on"]):
                bump("discharged by reason", discharge["reason"])
            for code in ep["codes"]:
                if within(code["on"]):
                    bump("codes recorded", f'{code["code"]} {code["display"]}')
            closed = (answer and answer["decision"] == "declined" and datetime.date.fromisoformat(answer["on"]) <= end) or (
                discharge and datetime.date.fromisoformat(discharge["on"]) <= end)
            if datetime.date.fromisoformat(ep["receivedOn"]) <= end and not closed:
                bump("open at the end, by service", service)
    figures[("received", "total")] = str(received)
    figures[("answered", "accepted")] = str(accepted)
    figures[("answered", "declined")] = str(declined)
    figures[("days to first contact", "first contacts")] = str(len(waits))
    for name, p in [("median", 50), ("90th percentile", 90)]:
        value = percentile(waits, p)
        figures[("days to first contact", name)] = "-" if value is None else str(value)
    figures[("contacts", "total")] = str(contacts)
    figures[("contacts", "did not attend")] = str(dna)
    figures[("contacts", "did-not-attend rate %")] = "-" if not contacts else str(round(dna * 1000 / contacts) / 10)
    for key, value in counts.items():
        figures[key] = str(value)
    for name, (pairs, total, improved) in (tallies.items() if not role else []):
        figures[(ONS4_SECTION, f"{name}: pairs")] = str(pairs)
        figures[(ONS4_SECTION, f"{name}: mean change")] = "-" if not pairs else str(half_away(total * 100 / pairs) / 100 + 0.0)
        figures[(ONS4_SECTION, f"{name}: improved")] = str(improved)
    return figures


def half_away(value):
    """Rounds to the nearest whole number, halves away from zero (not Python's to even)."""
    return math.copysign(math.floor(abs(value) + 0.5), value)


def verify(export, report_file, start, end, practice=None, role=None):
    expected = recompute(export, start, end, practice or None, role or None)
    report = json.load(open(report_file, encoding="utf-8"))
    got = {(row["section"], row["item"]): row["value"] for row in report["figures"]}
    problems = [f"{key}: careplan says {got.get(key)}, recomputed {value}" for key, value in expected.items() if got.get(key) != value]
    problems += [f"{key}: careplan says {value}, not recomputed" for key, value in got.items() if key not in expected]
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"ok: {len(expected)} figures")
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(verify(*sys.argv[2:8]))
