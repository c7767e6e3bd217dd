#!/usr/bin/env bash
# Makes the careplan schema in six databases at the same moment on a new PostgreSQL server of
# its own (where the shared group role careplan_user does not exist yet), and prints how many
# succeeded and any reason one did not.
#
# Usage: bash Tests/Support/simultaneous_inits.sh PATH/TO/careplan
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
for i in 1 2 3 4 5 6; do psql -X -q "$server/postgres" -c "CREATE DATABASE store$i"; done
for i in 1 2 3 4 5 6; do
  HOME="$work" "$careplan" store init --store "$server/store$i" --organisation P --organisation-name P --name A >"$work/$i" 2>&1 &
done
wait || true
echo "made $(cat "$work"/? | grep -c 'made the careplan schema') of 6"
grep -h "careplan:" "$work"/? || true
