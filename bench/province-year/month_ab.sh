#!/usr/bin/env bash
# One month of the province-year data (run.sh's WORK_DIR) collected by several
# cchc binaries taking turns, timed by phase from the `--verbose` events. Each
# binary first collects the months before MONTH into a database of its own
# (made once per binary, kept in WORK_DIR/month-ab/); each round then copies
# it and collects MONTH into the copy. Prints each variant's medians (files
# read and saved, consolidation, workbook, exit, total) and, against the first
# variant, the median of the rounds' paired differences of the total with the
# range in which 90% of 4,000 redraws of the rounds fall (a month moves by
# ±5% from one round to the next here: only many rounds tell 3% apart). The
# variants take turns, each round starting with the next one.
# Usage: bash bench/province-year/month_ab.sh WORK_DIR MONTH ROUNDS LABEL=BIN...
# e.g.   bash bench/province-year/month_ab.sh /tmp/py 2025-06 40 \
#          old=/tmp/cchc-old new=$CARGO_TARGET_DIR/release/cchc
set -euo pipefail
shopt -s inherit_errexit
work="$(realpath "$1")"; month="$2"; rounds="$3"; shift 3
[ $# -ge 2 ] || { echo "month_ab.sh: two variants or more" >&2; exit 2; }
[ -d "$work/books/$month" ] || { echo "month_ab.sh: no $work/books/$month (run.sh makes it)" >&2; exit 2; }
runs="$work/month-ab/runs.jsonl"
mkdir -p "$work/month-ab"
: >"$runs"

# The database of the months before MONTH, made by BIN: its path.
template() {
    local bin="$1" dir
    dir="$work/month-ab/$(sha256sum "$bin" | cut -c1-12)-$month"
    if [ ! -f "$dir/done" ]; then
        rm -rf "$dir"; mkdir -p "$dir/out"
        "$bin" --db "$dir/db.sqlite3" plan import "$work/plan.xlsx" >/dev/null
        "$bin" --db "$dir/db.sqlite3" plan use 2 >/dev/null
        for before in $(ls "$work/books" | grep -E '^[0-9]{4}-[0-9]{2}$' | sort); do
            [[ "$before" < "$month" ]] || break
            "$bin" --db "$dir/db.sqlite3" collect --period "$before" --out "$dir/out" \
                "$work/books/$before" >/dev/null
        done
        rm -f "$dir"/out/*
        touch "$dir/done"
    fi
    # Today's daily backup is in the copy, so that no round makes one.
    "$bin" --db "$dir/db.sqlite3" plan list >/dev/null
    echo "$dir"
}

declare -A templates
for variant in "$@"; do
    templates[${variant%%=*}]=$(template "${variant#*=}")
done
copy="$work/month-ab/run"
variants=("$@")
for round in $(seq "$rounds"); do
    # Each round starts with the next variant: whoever runs second runs on a
    # warmer machine (about 1% in an A/A test), so every variant takes each place.
    first=$(( (round - 1) % $# ))
    for variant in "${variants[@]:first}" "${variants[@]:0:first}"; do
        label="${variant%%=*}"; bin="${variant#*=}"
        rm -rf "$copy"; cp -r "${templates[$label]}" "$copy"; sync
        start=$(date +%s%N)
        "$bin" --db "$copy/db.sqlite3" --verbose collect --period "$month" \
            --out "$copy/out" "$work/books/$month" 2>"$copy.err" >/dev/null
        end=$(date +%s%N)
        python3 - "$label" "$round" "$start" "$end" "$copy.err" >>"$runs" <<'PY'
import datetime, json, re, sys
label, round_, start, end, log = sys.argv[1:]
marks = {}
for line in open(log):
    m = re.match(r"(\S+)Z\s+\w+\s+(files collected|month consolidated|consolidated workbook written)", line)
    if m:
        at = datetime.datetime.fromisoformat(m.group(1) + "+00:00").timestamp()
        marks[m.group(2)] = at * 1000
start, end = int(start) / 1e6, int(end) / 1e6
files, month, book = (marks[k] for k in ("files collected", "month consolidated",
                                          "consolidated workbook written"))
print(json.dumps({"label": label, "round": int(round_), "files": files - start,
                  "consolidation": month - files, "workbook": book - month,
                  "exit": end - book, "total": end - start}))
PY
    done
done
rm -rf "$copy" "$copy.err"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$runs" "${1%%=*}" <<'PY'
import json, random, statistics as st, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
base = sys.argv[2]
phases = ["files", "consolidation", "workbook", "exit", "total"]
by_label = {}
for run in runs:
    by_label.setdefault(run["label"], {})[run["round"]] = run
print("medians, ms: " + ", ".join(phases))
random.seed(1)
for label, rounds in by_label.items():
    print(f"{label} ({len(rounds)} rounds): "
          + ", ".join(f"{st.median(r[p] for r in rounds.values()):.1f}" for p in phases))
    if label == base:
        continue
    diffs = [(rounds[n]["total"] / b["total"] - 1) * 100
             for n, b in by_label[base].items() if n in rounds]
    draws = sorted(st.median(random.choice(diffs) for _ in diffs) for _ in range(4000))
    print(f"  total against {base}: {st.median(diffs):+.1f}% "
          f"(90% of redraws: {draws[len(draws) // 20]:+.1f}% to {draws[len(draws) * 19 // 20]:+.1f}%)")
PY
