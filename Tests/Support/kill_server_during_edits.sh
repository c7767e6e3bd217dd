#!/usr/bin/env bash
# Kills the PostgreSQL server (an immediate shutdown: a crash, recovered from the WAL on start)
# while a careplan script makes 1,000 edits, a note each, to ten plans in turn (100 each, so no
# plan grows past 100 notes and the run stays quick), starts it again, and checks that every
# edit careplan acknowledged is in the plan it was made to. Runs a server of its own, so the
# suite's is never disturbed.
#
# Usage: bash Tests/Support/kill_server_during_edits.sh PATH/TO/careplan
# Prints "acknowledged N, stored M, lost K" and exits 1 if any acknowledged edit was lost.
set -euo pipefail
careplan="$1"
cd "$(dirname "$0")/../.."
unset CAREPLAN_TEST_POSTGRES
# shellcheck source=scripts/test-postgres
source scripts/test-postgres
careplan_start_test_postgres 2>/dev/null
export PGPASSWORD="$CAREPLAN_TEST_PGPASSWORD"
work="$(mktemp -d)"
trap 'careplan_stop_test_postgres; rm -rf "$work"' EXIT
server="${CAREPLAN_TEST_POSTGRES%/postgres}"
psql -X -q "$server/postgres" -c "CREATE DATABASE killtest"
store="$server/killtest"
export HOME="$work"
"$careplan" store init --store "$store" --organisation PCN1 --organisation-name "Calder PCN" --name "Ada Admin" >/dev/null
# "created plan CP-… (draft) and opened it": the ids, to open each plan by.
mapfile -t plans < <(for p in $(seq 1 10); do echo "new \"Kill Test $p\""; done | "$careplan" --store "$store" | awk '{print $3}')
[ "${#plans[@]}" = 10 ] || { echo "could not make the ten plans" >&2; exit 1; }
# Edit i is made to plan ceil(i/100): each hundred starts by opening its plan.
edit() {
  if [ $(($1 % 100)) = 1 ]; then echo "open ${plans[$((($1 - 1) / 100))]}"; fi
  echo "note edit number $1"
}
# The edits go through a pipe, so the one careplan process lives through the crash: 400 edits,
# the server killed mid-stream, 100 while it is down, 500 after it is back.
mkfifo "$work/edits"
"$careplan" --store "$store" <"$work/edits" >"$work/out" 2>"$work/err" &
editor=$!
exec 3>"$work/edits"
for i in $(seq 1 400); do edit "$i" >&3; done
for _ in $(seq 1 200); do
  [ "$(grep -c 'revision' "$work/out" 2>/dev/null || true)" -ge 150 ] && break
  sleep 0.05
done
# shellcheck disable=SC2086
(cd / && $CAREPLAN_TEST_PGRUNAS "$CAREPLAN_TEST_PGBIN/pg_ctl" -D "$CAREPLAN_TEST_PGDATA" -m immediate stop >/dev/null 3>&-)
for i in $(seq 401 500); do edit "$i" >&3; done
sleep 1
# shellcheck disable=SC2086
(cd / && $CAREPLAN_TEST_PGRUNAS "$CAREPLAN_TEST_PGBIN/pg_ctl" -D "$CAREPLAN_TEST_PGDATA" -l "$CAREPLAN_TEST_PGDATA/../restart.log" -w start >/dev/null 3>&-)
for i in $(seq 501 1000); do edit "$i" >&3; done
exec 3>&-
wait "$editor" || true
"$careplan" export --all --store "$store" >"$work/plans.jsonl"
python3 - "$work/out" "$work/err" "$work/plans.jsonl" <<'PY'
import json, re, sys
out, err = open(sys.argv[1]).read(), open(sys.argv[2]).read()
plans = [json.loads(line) for line in open(sys.argv[3]) if line.strip()]
# An acknowledged edit names the note it added, "add note D7 (revision 8)", to the plan last
# opened ("opened CP-… Kill Test 3 (revision 1)"); an open that failed leaves the last one open.
acknowledged, current = [], None
for line in out.splitlines():
    if opened := re.match(r"^opened (\S+) Kill Test \d+ \(revision \d+\)$", line):
        current = opened.group(1)
    elif added := re.match(r"^add note (D\d+) \(revision \d+\)$", line):
        acknowledged.append((current, added.group(1)))
texts = {(plan["id"], note["id"]): note["text"] for plan in plans for note in plan.get("notes", [])}
lost = [note for note in acknowledged if note not in texts]
errors = [line for line in err.splitlines() if line.strip()]
after = [int(m) for m in re.findall(r"edit number (\d+)", " ".join(texts.values())) if int(m) > 500]
print(f"acknowledged {len(acknowledged)}, stored {len(texts)}, lost {len(lost)}, "
      f"not saved while the server was down {len(errors)}, saved after it came back {len(after)}")
reasons = sorted({re.sub(r"^stdin:\d+: ", "", line) for line in errors})
for reason in reasons[:4]:
    print("  not saved:", reason)
crashed = "Fatal error" in err or "Illegal instruction" in err or "_assertionFailure" in err
# A COMMIT whose connection dropped with the server, and that could not be checked, is reported
# as "may not have been saved"; only those may be stored without an acknowledgement. No edit may
# be stored twice.
uncertain = sum("may not have been saved" in line for line in errors)
unacknowledged = len(texts) - len(acknowledged)
numbers = re.findall(r"edit number (\d+)", " ".join(texts.values()))
twice = len(numbers) != len(set(numbers))
if unacknowledged:
    print(f"  stored without an acknowledgement {unacknowledged}, reported as uncertain {uncertain}")
bad = lost or crashed or twice or not errors or not after or not 0 <= unacknowledged <= uncertain
sys.exit(1 if bad else 0)
PY
