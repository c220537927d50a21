#!/usr/bin/env bash
# A/B of two cchc binaries on the province-year data made by run.sh: taking
# turns, each collects MONTHS (default: the whole year) month by month into a
# fresh collector database; prints wall ms, user + system CPU s and peak MB of
# each run, the files accepted, then the medians. With READER set to
# examples/read_all_cells, it also reads every cell of the same files after each.
# Usage: bash bench/province-year/ab.sh WORK_DIR BIN_A BIN_B [ROUNDS] [MONTH...]
set -euo pipefail
work="$1"; a="$2"; b="$3"; rounds="${4:-3}"; shift 3; shift || true
months=("$@")
[ ${#months[@]} -gt 0 ] || months=(2025-01 2025-02 2025-03 2025-04 2025-05 2025-06 2025-07 2025-08 2025-09 2025-10 2025-11 2025-12)
out=$(mktemp)
for round in $(seq "$rounds"); do
    for bin in "$a" "$b"; do
        rm -f "$work"/ab.sqlite3*; rm -rf "$work/ab-out"; mkdir -p "$work/ab-out"
        "$bin" --db "$work/ab.sqlite3" plan import "$work/plan.xlsx" >/dev/null
        "$bin" --db "$work/ab.sqlite3" plan use 2 >/dev/null
        cpu=0; peak=0; start=$(date +%s%N)
        for month in "${months[@]}"; do
            /usr/bin/time -f "%U %S %M" -o "$work/ab.time" "$bin" --db "$work/ab.sqlite3" collect \
                --period "$month" --out "$work/ab-out" "$work/books/$month" >"$work/ab-out/$month.log"
            read -r user sys kb <"$work/ab.time"
            cpu=$(echo "$cpu + $user + $sys" | bc); [ "$kb" -gt "$peak" ] && peak=$kb
        done
        end=$(date +%s%N)
        accepted=$(cat "$work"/ab-out/*.log | grep -c '^Đã nhận' || true)
        echo "$bin $(( (end - start) / 1000000 )) $cpu $(( peak / 1024 )) $accepted" | tee -a "$out"
        if [ -n "${READER:-}" ]; then
            /usr/bin/time -f "  read_all_cells %e s wall, %U + %S s CPU" "$READER" "$work/books" 2>&1 >/dev/null
        fi
    done
done
python3 - "$out" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, cpu, peak, accepted = line.split()
    runs.setdefault(name, []).append((int(wall), float(cpu), int(peak), accepted))
for name, r in runs.items():
    cpu = sorted(x[1] for x in r)
    print(f"{name}: wall median {statistics.median(x[0] for x in r)} ms, CPU median "
          f"{statistics.median(cpu):.2f} s (min {cpu[0]:.2f}), peak {max(x[2] for x in r)} MB, "
          f"accepted {sorted(set(x[3] for x in r))}")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$out"
