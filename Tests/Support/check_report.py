"""Recomputes careplan's referral report independently of careplan (issue 10).

  check_report.py generate FOLDER COUNT SEED LOOKUP.csv
                        writes COUNT fictional plans with referral episodes, demographics,
                        workers, goals and measures of known shape into FOLDER, and a
                        postcode-to-IMD lookup (in the IoD postcode lookup's shape) to LOOKUP.csv
                        that holds most, not all, of their postcodes
  check_report.py verify EXPORT.jsonl REPORT.json FROM TO [--practice ODS] [--role R]
                         [--by age|sex|gender|ethnicity|imd --lookup LOOKUP.csv]
                        recomputes every figure (and, with --by, every group's figure) from
                        `careplan export --all` and compares it with `careplan report --format
                        json`; prints "ok: N figures" or each difference, and exits 1 on any

The definitions are the report's documented ones: periods include both days; waits are
counted in the period of the first contact; percentiles are nearest-rank.
"""
import argparse
import csv
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
    if rng.random() < 0.6:
        result["referrerOrganisation"] = rng.choice(["Riverside Surgery", "riverside surgery", "Citizens Advice Calder", "Calder Hospital"])
    if rng.random() < 0.7:
        result["reasonDomain"] = rng.choice(["physical", "emotional", "practical", "financial", "family-and-relationships",
                                             "spiritual", "lifestyle-and-information", "housing-and-social"])
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
            # Other measures by name, in any case; now and then a score that is not a whole number.
            name = rng.choice(["SWEMWBS", "swemwbs", "PHQ-9", "WEMWBS"])
            measure["name"] = name
            measure["rawScore"] = rng.choice([str(rng.randrange(7, 36))] * 5 + ["21.5", "about 20"])
        result.append(measure)
    return result


def coaching(rng):
    """A coaching section: sessions, and PAM levels (sometimes two on one day)."""
    sessions, activation = [], []
    for number in range(1, rng.randrange(0, 5)):
        held = START + datetime.timedelta(days=rng.randrange((LAST - START).days))
        session = {"id": f"CS{number}", "heldOn": day(held), "mode": rng.choice(["in-person", "phone", "video", "group"]), "reviews": []}
        if rng.random() < 0.6:
            session["durationMinutes"] = rng.randrange(15, 60)
        sessions.append(session)
    taken = START + datetime.timedelta(days=rng.randrange(200))
    for number in range(1, rng.randrange(0, 5)):
        activation.append({"id": f"PA{number}", "takenOn": day(taken), "level": rng.randrange(1, 5)})
        taken += datetime.timedelta(days=rng.choice([0, 20, 45, 90]))
    issued = {}
    if sessions:
        issued["CS"] = len(sessions)
    if activation:
        issued["PA"] = len(activation)
    return {"goals": [], "sessions": sessions, "activation": activation, "lastIssuedIds": issued}


ETHNIC_CODES = list("ABCDEFGHJKLMNPRS") + ["Z", "99"]
WORKERS = ["Aisha Rahman", "Tom Price", "Priya Shah", "Zoë Lévy"]
ACHIEVEMENT = ["in-progress", "improving", "achieved", "sustaining", "not-achieved", None]


def postcode(number):
    return f"NM{number % 9 + 1} {number % 10}{'ABDEFGHJ'[number % 8]}{'LNPQRSTU'[number // 8 % 8]}"


def demographics(rng, person):
    if rng.random() < 0.9:
        born = datetime.date(1930, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 90))
        person["dateOfBirth"] = day(born)
    for key, values in [("sexAtBirth", ["male", "female", "indeterminate", "not-known"]),
                        ("gender", ["female", "male", "other", "unknown"]), ("ethnicCategory", ETHNIC_CODES)]:
        if rng.random() < 0.8:
            person[key] = rng.choice(values)
    if rng.random() < 0.85:
        # Any case and spacing: careplan and this check both normalise it.
        code = postcode(rng.randrange(400))
        person["address"] = {"lines": ["1 Fictional Street"], "postcode": code.lower().replace(" ", "") if rng.random() < 0.2 else code}


def workers(rng, plan):
    roll = rng.random()
    if roll < 0.4:
        plan["professionalContacts"] = [
            {"id": "C1", "name": "Dr Someone", "role": "GP", "keyWorker": False},
            {"id": "C2", "name": rng.choice(WORKERS), "role": "Link worker", "keyWorker": True}]
        plan["lastIssuedIds"]["C"] = 2
    elif roll < 0.7:
        plan["review"]["responsible"] = rng.choice(WORKERS)
    elif roll < 0.9:
        plan["recordedBy"] = rng.choice(WORKERS)


def goals(rng, plan):
    count = rng.randrange(0, 4)
    plan["goals"] = []
    for number in range(1, count + 1):
        goal = {"id": f"G{number}", "description": "A fictional goal", "needIds": [],
                "lifecycleStatus": rng.choice(["active", "completed", "entered-in-error", "proposed"])}
        status = rng.choice(ACHIEVEMENT)
        if status:
            goal["achievementStatus"] = status
        plan["goals"].append(goal)
    if count:
        plan["lastIssuedIds"]["G"] = count


ROUTES = ["urgent-suspected-cancer", "screening", "breast-symptomatic", "non-specific-symptoms", None]


def cancer(rng):
    """A suspected cancer referral: told the outcome (or not yet), and when diagnosed, a
    decision to treat and a first treatment, each after the last; some in time, some late."""
    referred = START + datetime.timedelta(days=rng.randrange((LAST - START).days - 20))
    referral = {"id": "U1", "referredOn": day(referred)}
    route = rng.choice(ROUTES)
    if route:
        referral["route"] = route
    if rng.random() < 0.75:
        told = referred + datetime.timedelta(days=rng.randrange(10, 40))
        result = rng.choice(["diagnosed", "diagnosed", "ruled-out", "not-recorded"])
        referral["outcome"] = {"result": result, "communicatedOn": day(told)}
        if result != "ruled-out" and rng.random() < 0.7:
            decided = told + datetime.timedelta(days=rng.randrange(0, 15))
            referral["decisionToTreatOn"] = day(decided)
            if rng.random() < 0.8:
                referral["firstTreatmentOn"] = day(decided + datetime.timedelta(days=rng.randrange(5, 40)))
    return {"referrals": [referral], "appointments": [], "assessments": [], "lastIssuedIds": {"U": 1}}


def write_lookup(path, seed):
    rng = random.Random(seed + 1)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Postcode", "Postcode Status", "LSOA code", "Index of Multiple Deprivation Rank", "Index of Multiple Deprivation Decile"])
        for number in range(400):
            if number % 7 == 3:
                continue  # not in the lookup: counted as unknown
            decile = rng.randrange(1, 11)
            out.writerow([postcode(number), "Live", f"E0{number:07d}", str(decile * 3000 - 1500), str(decile)])
        out.writerow(["CF99 1AA", "Live", "W01000001", "", ""])


def generate(folder, count, seed, lookup):
    rng = random.Random(seed)
    write_lookup(lookup, seed)
    for index in range(1, count + 1):
        episodes = [episode(rng, number) for number in range(1, rng.randrange(1, 4))]
        plan = {"format": "careplan-plan", "formatVersion": 1, "id": f"CP-R{index:05d}", "status": "active",
                "person": {"name": f"Report Person {index:05d}"}, "aboutMe": {"entries": []}, "strengths": [], "needs": [],
                "goals": [], "actions": [], "referrals": [], "professionalContacts": [], "personalContacts": [],
                "contingency": {"contactIds": [], "triggers": []}, "review": {"held": [], "nextReviewOn": "2027-01-10"},
                "notes": [], "lastIssuedIds": {"E": len(episodes)} if episodes else {}, "extensions": {}}
        if episodes:
            plan["episodes"] = episodes
        demographics(rng, plan["person"])
        workers(rng, plan)
        goals(rng, plan)
        practice = rng.choice(PRACTICES + [None])
        if practice:
            plan["person"]["gpPractice"] = {"name": f"Practice {practice}", "odsCode": practice}
        taken = measures(rng) if rng.random() < 0.5 else []
        if taken:
            plan["extensions"]["social-prescribing"] = {"links": [], "measures": taken, "lastIssuedIds": {"W": len(taken)}}
        if rng.random() < 0.3:
            plan["extensions"]["health-coaching"] = coaching(rng)
        if rng.random() < 0.15:
            plan["extensions"]["cancer-care"] = cancer(rng)
        with open(f"{folder}/plan-{index:05d}.json", "w", encoding="utf-8") as handle:
            handle.write(json.dumps(plan, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p * len(ordered) / 100)) - 1] if ordered else None


def responsible_worker(plan):
    for contact in plan.get("professionalContacts", []):
        if contact["keyWorker"]:
            return contact["name"]
    return plan.get("review", {}).get("responsible") or plan.get("recordedBy") or "no worker recorded"


def same(recorded, wanted):
    """A recorded name is the one asked for, ignoring case and accents (as careplan compares)."""
    import unicodedata

    def fold(text):
        return "".join(c for c in unicodedata.normalize("NFD", text.strip()) if not unicodedata.combining(c)).casefold()
    return recorded is not None and fold(recorded) == fold(wanted)


def recompute(plans, start, end, practice=None, role=None, worker=None, organisation=None):
    """Every figure for the period over `plans`; for one practice's plans and one service's
    referrals if given (then the modules' figures are left out, as the report documents)."""
    start, end = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)

    def within(text):
        return text is not None and start <= datetime.date.fromisoformat(text) <= end

    figures, waits, counts = {}, [], {}

    def bump(section, item):
        counts[(section, item)] = counts.get((section, item), 0) + 1

    received = accepted = declined = contacts = dna = 0
    discharged_people = goal_count = achieved = 0
    tallies = {name: [0, 0, 0] for name, _, _ in ONS4_KEYS}  # pairs, total change, improved
    other = {}  # measure name in capitals: [pairs, total change, improved]
    pam = [0, 0, 0]
    for plan in plans:
        if practice and plan["person"].get("gpPractice", {}).get("odsCode", "").upper() != practice.upper():
            continue
        if worker and not same(responsible_worker(plan) if responsible_worker(plan) != "no worker recorded" else None, worker):
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
        received_here, was_discharged = 0, False
        # Other measures: the same pairing, per name in capitals, among whole-number scores.
        scored = sorted([(m["takenOn"], i, m) for i, m in enumerate(plan.get("extensions", {}).get("social-prescribing", {}).get("measures", []))
                         if "ons4" not in m and m.get("name", "").strip() and m.get("rawScore", "").strip().isdigit()])
        for name in sorted({m["name"].strip().upper() for _, _, m in scored}):
            named = [m for _, _, m in scored if m["name"].strip().upper() == name]
            bases = [m for m in named if m["timepoint"] == "baseline"]
            if not bases:
                continue
            later = [m for m in named if m["timepoint"] == "follow-up" and m["takenOn"] > bases[0]["takenOn"]]
            if later and within(later[-1]["takenOn"]):
                change = int(later[-1]["rawScore"].strip()) - int(bases[0]["rawScore"].strip())
                tally = other.setdefault(name, [0, 0, 0])
                tally[0] += 1
                tally[1] += change
                tally[2] += 1 if (change < 0 if name in ("PHQ-9", "GAD-7", "MYCAW") else change > 0) else 0
        coached = plan.get("extensions", {}).get("health-coaching")
        if coached:
            for session in coached["sessions"]:
                if within(session["heldOn"]):
                    bump("coaching sessions by mode", session["mode"])
            levels = sorted([(r["takenOn"], i, r) for i, r in enumerate(coached["activation"])])
            if levels and levels[-1][0] > levels[0][0] and within(levels[-1][0]):
                change = levels[-1][2]["level"] - levels[0][2]["level"]
                pam[0] += 1
                pam[1] += change
                pam[2] += 1 if change > 0 else 0
        # Cancer waiting times, each judged on the day its clock stopped.
        for referral in plan.get("extensions", {}).get("cancer-care", {}).get("referrals", []):
            referred = datetime.date.fromisoformat(referral["referredOn"])
            if within(referral["referredOn"]):
                bump("cancer referrals made", referral.get("route", "route not recorded"))
            outcome = referral.get("outcome")
            if outcome and within(outcome["communicatedOn"]):
                days = (datetime.date.fromisoformat(outcome["communicatedOn"]) - referred).days
                bump("cancer 28-day Faster Diagnosis", "met" if days <= 28 else "breached")
            treated = referral.get("firstTreatmentOn")
            if treated and within(treated) and outcome and outcome["result"] != "ruled-out":
                treated_on = datetime.date.fromisoformat(treated)
                if "decisionToTreatOn" in referral:
                    days = (treated_on - datetime.date.fromisoformat(referral["decisionToTreatOn"])).days
                    bump("cancer 31-day decision to treatment", "met" if days <= 31 else "breached")
                bump("cancer 62-day referral to treatment", "met" if (treated_on - referred).days <= 62 else "breached")
        for ep in plan.get("episodes", []):
            if role and ep["service"] != ROLES[role]:
                continue
            if organisation and not same(ep.get("referrerOrganisation"), organisation):
                continue
            service = SERVICES[ep["service"]]
            if within(ep["receivedOn"]):
                received += 1
                received_here += 1
                bump("received by service", service)
                bump("received by source", ep["source"])
                bump("received by reason", ep.get("reasonDomain", "not coded"))
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
                was_discharged = True
            for code in ep["codes"]:
                if within(code["on"]):
                    bump("codes recorded", f'{code["code"]} {code["display"]}')
            closed = (answer and answer["decision"] == "declined" and datetime.date.fromisoformat(answer["on"]) <= end) or (
                discharge and datetime.date.fromisoformat(discharge["on"]) <= end)
            if datetime.date.fromisoformat(ep["receivedOn"]) <= end and not closed:
                bump("open at the end, by service", service)
                bump("caseload at the end, by worker", responsible_worker(plan))
        if received_here:
            bump("people referred, by referrals received", "3 or more" if received_here >= 3 else str(received_here))
        if was_discharged:
            discharged_people += 1
            kept = [g for g in plan.get("goals", []) if g["lifecycleStatus"] != "entered-in-error"]
            goal_count += len(kept)
            achieved += sum(1 for g in kept if g.get("achievementStatus") in ("achieved", "sustaining"))
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
    figures[("goals of people discharged", "people discharged")] = str(discharged_people)
    figures[("goals of people discharged", "goals")] = str(goal_count)
    figures[("goals of people discharged", "achieved")] = str(achieved)
    for key, value in counts.items():
        figures[key] = str(value)
    outcomes = [(ONS4_SECTION, name, tally) for name, tally in tallies.items()]
    outcomes += [("Patient activation, first to latest", "PAM level", pam)]
    outcomes += [("other measures, baseline to latest follow-up", name, tally) for name, tally in other.items()]
    for section, name, (pairs, total, improved) in (outcomes if not role and not organisation else []):
        figures[(section, f"{name}: pairs")] = str(pairs)
        figures[(section, f"{name}: mean change")] = "-" if not pairs else str(half_away(total * 100 / pairs) / 100 + 0.0)
        figures[(section, f"{name}: improved")] = str(improved)
    if role or organisation:
        for key in [key for key in figures if key[0] == "coaching sessions by mode" or key[0].startswith("cancer ")]:
            del figures[key]
    return figures


def half_away(value):
    """Rounds to the nearest whole number, halves away from zero (not Python's to even)."""
    return math.copysign(math.floor(abs(value) + 0.5), value)


AGE_BANDS = [("0-17", 17), ("18-24", 24), ("25-34", 34), ("35-44", 44), ("45-54", 54), ("55-64", 64),
             ("65-74", 74), ("75-84", 84), ("85+", 10**9)]
ETHNIC_GROUPS = {**{c: "White" for c in "ABC"}, **{c: "Mixed" for c in "DEFG"}, **{c: "Asian or Asian British" for c in "HJKL"},
                 **{c: "Black or Black British" for c in "MNP"}, **{c: "Other ethnic group" for c in "RS"},
                 "Z": "not stated", "99": "not known"}
IMD_GROUPS = ["1 (most deprived)", "2", "3", "4", "5 (least deprived)"]


def normal_postcode(text):
    compact = text.upper().replace(" ", "")
    return compact[:-3] + " " + compact[-3:]


def read_lookup(path):
    deciles = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Index of Multiple Deprivation Decile"]:
                deciles[normal_postcode(row["Postcode"])] = int(row["Index of Multiple Deprivation Decile"])
    return deciles


def group_of(plan, by, end, deciles):
    person = plan["person"]
    if by == "age":
        if "dateOfBirth" not in person or datetime.date.fromisoformat(person["dateOfBirth"]) > end:
            return "not known"
        born = datetime.date.fromisoformat(person["dateOfBirth"])
        age = end.year - born.year - ((end.month, end.day) < (born.month, born.day))
        return next(name for name, top in AGE_BANDS if age <= top)
    if by == "sex":
        return person.get("sexAtBirth", "not-known").replace("-", " ")
    if by == "gender":
        return person.get("gender", "unknown")
    if by == "ethnicity":
        return ETHNIC_GROUPS[person.get("ethnicCategory", "99")]
    decile = deciles.get(normal_postcode(person.get("address", {}).get("postcode", "") or "XXXXX"))
    return IMD_GROUPS[(decile - 1) // 2] if decile else "unknown"


def verify(arguments):
    parser = argparse.ArgumentParser()
    for name in ["export", "report", "start", "end"]:
        parser.add_argument(name)
    for name in ["--practice", "--role", "--worker", "--organisation", "--by", "--lookup"]:
        parser.add_argument(name)
    options = parser.parse_args(arguments)
    plans = [json.loads(line) for line in open(options.export, encoding="utf-8")]
    expected = recompute(plans, options.start, options.end, options.practice, options.role, options.worker, options.organisation)
    report = json.load(open(options.report, encoding="utf-8"))
    got = {(row["section"], row["item"]): row["value"] for row in report["figures"]}
    problems = [f"{key}: careplan says {got.get(key)}, recomputed {value}" for key, value in expected.items() if got.get(key) != value]
    problems += [f"{key}: careplan says {value}, not recomputed" for key, value in got.items() if key not in expected]
    checked = len(expected)
    if options.by:
        end = datetime.date.fromisoformat(options.end)
        deciles = read_lookup(options.lookup) if options.by == "imd" else {}
        members = {}
        for plan in plans:
            members.setdefault(group_of(plan, options.by, end, deciles), []).append(plan)
        if report.get("breakdown") != options.by:
            problems.append(f"the report is broken down by {report.get('breakdown')}, not {options.by}")
        for group in report.get("groups", []):
            figures = recompute(members.get(group, []), options.start, options.end, options.practice, options.role, options.worker,
                                options.organisation)
            unknown = set(members) - set(report["groups"])
            if unknown:
                problems.append(f"groups careplan does not show: {sorted(unknown)}")
            for row in report["figures"]:
                value = row.get("groups", {}).get(group)
                want = figures.get((row["section"], row["item"]), "0")
                checked += 1
                if value != want:
                    problems.append(f"{group}: {(row['section'], row['item'])}: careplan says {value}, recomputed {want}")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"ok: {checked} figures")
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    else:
        sys.exit(verify(sys.argv[2:]))
