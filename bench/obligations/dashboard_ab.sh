#!/usr/bin/env bash
# The dashboard in the real app, as the officer waits for it, for several
# (app, database) variants taking turns: each round starts every variant's
# app once (a fresh profile from a copy of the database, through
# scripts/e2e.sh) and times CLICKS clicks on "Tổng quan" with
# e2e/measure_dashboard.mjs; every click's time is added to DUMP (JSON lines:
# an earlier call's runs there with the same labels are pooled with these,
# which is how two calls' rounds are put together; ROUNDS 0 only pools).
# Then the clicks of all rounds are pooled per variant and each is compared
# with the first variant: the pooled medians' ratio, and its 90% interval
# when whole rounds are drawn again at random (the machine's noise moves a
# round's median by ±10%, so only many rounds tell a few milliseconds apart).
#
# A variant is LABEL=APP,DB or LABEL=APP,DB,none for a build without
# obligations (its command line cannot list them). APP's command line is
# the `cchc` beside it.
# Usage: bash bench/obligations/dashboard_ab.sh DUMP ROUNDS CLICKS VARIANT...
# e.g.   bash bench/obligations/dashboard_ab.sh /tmp/d.jsonl 7 61 \
#          before=/old/release/cchc-app,/old/plain.sqlite3,none \
#          busy=$CARGO_TARGET_DIR/release/cchc-app,WORK/busy.sqlite3
set -euo pipefail
cd "$(dirname "$0")/../.."
dump="$(realpath -m "$1")"; rounds="$2"; clicks="$3"; shift 3
[ $# -ge 2 ] || { echo "dashboard_ab.sh: two variants or more" >&2; exit 2; }
for round in $(seq "$rounds"); do
    for variant in "$@"; do
        label="${variant%%=*}"
        IFS=, read -r app db none <<<"${variant#*=}"
        line=$(CCHC_CLI="$(dirname "$app")/cchc" NO_OBLIGATIONS="${none:+1}" LABEL="$label" \
            DUMP="$dump" PROFILE_DB="$(realpath "$db")" ROUNDS="$clicks" \
            E2E_TEST=e2e/measure_dashboard.mjs bash scripts/e2e.sh "$app" |
            grep 'open obligations on screen' | sed 's/.*): //')
        echo "round $round, $label: $line"
    done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$dump" "${1%%=*}" <<'PY'
import json, random, statistics as st, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
base = sys.argv[2]
by_label = {}
for run in runs:
    by_label.setdefault(run["label"], []).append(run["times"])
def pooled(rounds):
    return st.median([t for times in rounds for t in times])
random.seed(1)
for label, rounds in by_label.items():
    clicks = [t for times in rounds for t in times]
    print(f"{label}: {len(rounds)} runs, {len(clicks)} clicks, pooled median {pooled(rounds):.1f} ms, "
          f"mean {st.mean(clicks):.1f} ms")
    if label == base:
        continue
    pairs = list(zip(by_label[base], rounds))
    draws = []
    for _ in range(4000):
        drawn = [random.choice(pairs) for _ in pairs]
        draws.append(pooled([x for _, x in drawn]) / pooled([b for b, _ in drawn]))
    draws.sort()
    print(f"  against {base}: ×{pooled(rounds) / pooled(by_label[base]):.3f} "
          f"(90% of redrawn rounds: ×{draws[len(draws) // 20]:.3f} to ×{draws[len(draws) * 19 // 20]:.3f})")
PY
