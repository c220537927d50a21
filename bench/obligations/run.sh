#!/usr/bin/env bash
# The obligations benchmark (docs/performance.md): Sở Nội vụ's month on the
# built-in plan (bench_fill's entries and 40 evidence records), then the same
# database with 2,000 obligations over 2024 on II.1.1 (nine in ten settled,
# each settlement's answering document recorded as evidence), and a third
# with only those 1,800 documents as plain evidence (no obligations), which
# tells the obligations' own cost from that of the longer evidence list.
# Times `cchc export` of 09/2024 as a process, the same export in process
# (gather and write, a finer clock), its parts (`phases`, with CPU time) and
# the dashboard's reads (the month's dashboard and the open obligations).
#
# Usage: bash bench/obligations/run.sh [WORK_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
target="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cchc-target}"
cargo build --release --locked --bin cchc --example bench_fill --example bench_obligations
cchc="$target/release/cchc"
fill="$target/release/examples/bench_fill"
bench="$target/release/examples/bench_obligations"

echo "== data"
rm -f "$work"/plain.sqlite3* "$work"/busy.sqlite3* "$work"/documents.sqlite3*
"$fill" "$work/plain.sqlite3" SNV 2024-09 40
cp "$work/plain.sqlite3" "$work/busy.sqlite3"
cp "$work/plain.sqlite3" "$work/documents.sqlite3"
"$bench" documents "$work/documents.sqlite3" SNV II.1.1 2024 2000
start=$(date +%s)
"$bench" fill "$work/busy.sqlite3" SNV II.1.1 2024 2000
echo "2,000 obligations recorded (with 1,800 settlements) in $(($(date +%s) - start)) s"

runs() {
    local n=$1
    shift
    for _ in $(seq "$n"); do
        /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null
    done | awk 'NF == 4 && $1 ~ /^[0-9.]+$/ { print $1 }' | sort -n |
        awk '{ t[NR] = $1 } END { print "median wall:", t[int((NR + 1) / 2)], "s (" NR " runs)" }'
}

for db in plain documents busy; do
    echo "== $db: cchc export SNV 09/2024"
    runs 11 "$cchc" --db "$work/$db.sqlite3" export --agency SNV --period 2024-09 --out "$work/$db.xlsx"
    echo "== $db: export in process, and the dashboard"
    "$bench" export "$work/$db.sqlite3" SNV 2024-09 21
    "$bench" phases "$work/$db.sqlite3" SNV 2024-09 41
    "$bench" dashboard "$work/$db.sqlite3" SNV 2024-09 21
done
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
