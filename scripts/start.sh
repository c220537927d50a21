#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine, builds cchc and shows the built-in plan:
# the criteria that lost points in 2023 and the tasks of one agency this month.
source "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
setup_build
cargo build --release --locked
bin="$CARGO_TARGET_DIR/release/cchc"
agency="${1:-SNV}"
# A month inside the built-in plan's year; pass another as the second argument.
period="${2:-2024-09}"
echo "== Tiêu chí bị trừ điểm năm 2023"
"$bin" criteria
echo
echo "== Nhiệm vụ của $agency, kỳ báo cáo $period"
"$bin" status --agency "$agency" --period "$period"
echo
echo "Cơ sở dữ liệu ở thư mục dữ liệu ứng dụng; xem \"$bin --help\" để biết các lệnh."
