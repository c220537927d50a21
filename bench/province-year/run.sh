#!/usr/bin/env bash
# The province-year benchmark (docs/performance.md, "A province's year"): a
# fictitious merged province (15 sở-level agencies, 104 UBND xã, phường: test
# data) on a 60-task plan, 12 months of progress, 119 × 12 = 1,428 real
# exports; then, taking turns, `cchc collect` of the year month by month into a
# fresh collector database, and a calamine-only program reading every cell of
# every sheet of the same files (examples/read_all_cells.rs).
# Needs python3 with openpyxl (CCHC_PYTHON).
# Usage: bash bench/province-year/run.sh [WORK_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-$(mktemp -d)}"
runs="${2:-3}"
target="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cchc-target}"
python="${CCHC_PYTHON:-python3}"
cargo build --release --locked --bin cchc --example read_all_cells
cchc="$target/release/cchc"
reader="$target/release/examples/read_all_cells"
months=(2025-01 2025-02 2025-03 2025-04 2025-05 2025-06 2025-07 2025-08 2025-09 2025-10 2025-11 2025-12)

if [ ! -f "$work/books/done" ]; then
    echo "== data in $work"
    rm -rf "$work"/books "$work"/agency.sqlite3*
    mkdir -p "$work/books"
    "$cchc" --db "$work/agency.sqlite3" plan export "$work/builtin.xlsx" >/dev/null
    "$python" bench/collect/fixture.py plan "$work/builtin.xlsx" "$work/plan.xlsx" province
    "$cchc" --db "$work/agency.sqlite3" plan import "$work/plan.xlsx" >/dev/null
    "$cchc" --db "$work/agency.sqlite3" plan use 2 >/dev/null
    "$python" bench/collect/fixture.py progress "$work/agency.sqlite3" "${months[@]}"
    codes=$("$cchc" --db "$work/agency.sqlite3" agencies --json | "$python" -c \
        'import json,sys; print(" ".join(a["code"] for a in json.load(sys.stdin) if a["kind"] != "group"))')
    for month in "${months[@]}"; do
        mkdir -p "$work/books/$month"
        for code in $codes; do
            "$cchc" --db "$work/agency.sqlite3" export --agency "$code" --period "$month" \
                --out "$work/books/$month" >/dev/null
        done
    done
    touch "$work/books/done"
fi
echo "$(find "$work/books" -name '*.xlsx' | wc -l) workbooks, $(du -sh "$work/books" | cut -f1)"

# One collection of the year: a fresh collector database on the same plan, then
# `cchc collect` for each month's folder. Prints wall seconds and peak KB.
collect_year() {
    rm -f "$work"/collector.sqlite3*
    rm -rf "$work/out"
    mkdir -p "$work/out"
    "$cchc" --db "$work/collector.sqlite3" plan import "$work/plan.xlsx" >/dev/null
    "$cchc" --db "$work/collector.sqlite3" plan use 2 >/dev/null
    local start end peak=0
    start=$(date +%s%N)
    for month in "${months[@]}"; do
        /usr/bin/time -f "%M" -o "$work/time.txt" "$cchc" --db "$work/collector.sqlite3" collect \
            --period "$month" --out "$work/out" "$work/books/$month" >"$work/collect-$month.log"
        local m
        m=$(tail -1 "$work/time.txt")
        [ "$m" -gt "$peak" ] && peak=$m
    done
    end=$(date +%s%N)
    local accepted
    accepted=$(cat "$work"/collect-*.log | grep -c '^Đã nhận' || true)
    echo "collect  $(( (end - start) / 1000000 )) ms  peak ${peak} KB  accepted $accepted"
}
read_year() {
    /usr/bin/time -f "read     %e s (wall)  peak %M KB" "$reader" "$work/books" 2>&1 >/dev/null
}
for run in $(seq "$runs"); do
    echo "== run $run"
    collect_year
    read_year
done
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
