#!/usr/bin/env bash
# A/B of two builds of examples/bench_obligations on the databases made by
# run.sh: taking turns, each exports 09/2024 of *documents* (the answering
# documents as plain evidence, no obligations) and *busy* (2,000 obligations)
# 21 times in process; then, per build, the medians of the rounds' medians,
# busy against documents, and each build's times against the first's, round
# by round on the same database (and its busy export against the first
# build's documents one: the obligations' cost against the time before).
# Usage: bash bench/obligations/ab.sh WORK_FOLDER BENCH_A BENCH_B [ROUNDS]
set -euo pipefail
work="$1"; a="$2"; b="$3"; rounds="${4:-40}"
out=$(mktemp)
for round in $(seq "$rounds"); do
    for bin in "$a" "$b"; do
        for db in documents busy; do
            median=$("$bin" export "$work/$db.sqlite3" SNV 2024-09 21 | grep -o 'median [0-9.]*' | cut -d' ' -f2)
            echo "$round $bin $db $median" >>"$out"
        done
    done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" "$a" <<'PY'
import statistics as st, sys
rows = [line.split() for line in open(sys.argv[1])]
first = sys.argv[2]
def times(build, db):
    return [float(r[3]) for r in rows if r[1] == build and r[2] == db]
for build in dict.fromkeys(r[1] for r in rows):
    docs, busy = times(build, "documents"), times(build, "busy")
    ratios = [b / d for d, b in zip(docs, busy)]
    print(f"{build}: documents {st.median(docs):.2f} ms, busy {st.median(busy):.2f} ms, "
          f"busy/documents {st.median(busy) / st.median(docs):.3f} "
          f"(median of the rounds' ratios {st.median(ratios):.3f}, {len(docs)} rounds)")
    if build != first:
        for db in ("documents", "busy"):
            paired = [x / y for y, x in zip(times(first, db), times(build, db))]
            print(f"  {db} against {first}: median of the rounds' ratios {st.median(paired):.3f}")
        paired = [b / d for d, b in zip(times(first, "documents"), busy)]
        print(f"  busy against {first}'s documents: median of the rounds' ratios {st.median(paired):.3f}")
PY
rm -f "$out"
