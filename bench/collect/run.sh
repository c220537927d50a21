#!/usr/bin/env bash
# Benchmark of `cchc collect` (docs/performance.md, "Tổng hợp (cchc collect)"):
# 250 agency workbooks of 60 tasks each, exported by the real exporter, then
# collected into a fresh collector database under /usr/bin/time -v, three runs
# of the first import and one of collecting the same files again.
# Needs: a release build (cargo build --release --locked), python3 with openpyxl.
# Usage: bash bench/collect/run.sh [WORK_DIR]   (default: a new temporary folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cchc-target}/release/cchc"
python="${CCHC_PYTHON:-python3}"
work="${1:-$(mktemp -d)}"
mkdir -p "$work/books" "$work/out"
[ -x "$bin" ] || { echo "build first: cargo build --release --locked (looked for $bin)" >&2; exit 1; }

echo "== Generating the plan and 250 agency workbooks in $work"
"$bin" --db "$work/agency.sqlite3" plan export "$work/builtin.xlsx" >/dev/null
"$python" "$here/fixture.py" plan "$work/builtin.xlsx" "$work/plan.xlsx"
"$bin" --db "$work/agency.sqlite3" plan import "$work/plan.xlsx" >/dev/null
"$bin" --db "$work/agency.sqlite3" plan use 2 >/dev/null
"$python" "$here/fixture.py" progress "$work/agency.sqlite3"
codes=$("$bin" --db "$work/agency.sqlite3" agencies --json | "$python" -c \
    'import json,sys; print(" ".join(a["code"] for a in json.load(sys.stdin) if a["kind"] != "group"))')
for code in $codes; do
    "$bin" --db "$work/agency.sqlite3" export --agency "$code" --period 2024-09 --out "$work/books" >/dev/null
done
echo "$(ls "$work/books" | wc -l) workbooks, $(du -sh "$work/books" | cut -f1)"

collector() {
    rm -f "$work"/collector.sqlite3*
    "$bin" --db "$work/collector.sqlite3" plan import "$work/plan.xlsx" >/dev/null
    "$bin" --db "$work/collector.sqlite3" plan use 2 >/dev/null
}
measure() {
    /usr/bin/time -v "$bin" --db "$work/collector.sqlite3" collect --period 2024-09 \
        --out "$work/out" "$work/books" >"$work/collect.log" 2>"$work/time.log" || true
    grep -E 'Elapsed|User time|System time|Maximum resident' "$work/time.log"
    echo "   $(grep -c '^Đã nhận' "$work/collect.log") accepted, $(grep -c '^Không đổi' "$work/collect.log") unchanged, $(grep -c '^Từ chối' "$work/collect.log") refused; $(tail -1 "$work/collect.log")"
}
for run in 1 2 3; do
    collector
    echo "== First import, run $run"
    measure
done
echo "== The same 250 files again (all unchanged)"
measure
