#!/usr/bin/env bash
# The export benchmark (docs/performance.md): `cchc export` of Sở Nội vụ's
# month on the built-in plan, and on the built-in plan plus 10,000 tasks
# (loaded through the task-list import) with an entry for every task and
# 20,000 evidence records; then the latter in turns with openpyxl writing the
# same cells, for scale.
#
# Usage: bash bench/export/run.sh [WORK_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
target="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cchc-target}"
python="${CCHC_PYTHON:-python3}"
cargo build --release --locked --bin cchc --example bench_fill
cchc="$target/release/cchc"
fill="$target/release/examples/bench_fill"

echo "== data"
rm -f "$work"/small.sqlite3* "$work"/big.sqlite3*
"$fill" "$work/small.sqlite3" SNV 2024-09 40
"$python" bench/export/make_tasks.py 10000 "$work/tasks.xlsx"
"$cchc" --db "$work/big.sqlite3" plan import "$work/tasks.xlsx"
"$fill" "$work/big.sqlite3" SNV 2024-09 20000

# Runs a command N times; prints what each run says on stderr and its time
# line, then the median wall time of the runs.
runs() {
    local n=$1
    shift
    for _ in $(seq "$n"); do
        /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null
    done | tee /dev/stderr | awk 'NF == 4 && $1 ~ /^[0-9.]+$/ { print $1 }' | sort -n |
        awk '{ t[NR] = $1 } END { print "median wall:", t[int((NR + 1) / 2)], "s" }'
}

echo "== cchc export, built-in plan (wall s, user s, system s, peak KB)"
runs 11 "$cchc" --db "$work/small.sqlite3" export \
    --agency SNV --period 2024-09 --out "$work/small.xlsx"

echo "== cchc export, 10,000 tasks, taking turns with openpyxl writing the same cells"
"$cchc" --db "$work/big.sqlite3" export --agency SNV --period 2024-09 \
    --out "$work/big.xlsx" >/dev/null
"$python" bench/export/openpyxl_write.py dump "$work/big.xlsx" "$work/cells.pickle"
"$python" bench/export/versus.py 9 "$cchc" "$work/big.sqlite3" "$work/cells.pickle" "$work"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
