#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine, builds cchc and shows the built-in plan:
# the criteria that lost points in 2023 and the tasks of one agency this month.
source "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
setup_build
cargo build --release --locked
bin="$CARGO_TARGET_DIR/release/cchc"
agency="${1:-SNV}"
echo "== Tiêu chí bị trừ điểm năm 2023"
"$bin" criteria
echo
echo "== Nhiệm vụ của $agency, kỳ báo cáo $(date +%Y-%m)"
"$bin" status --agency "$agency" --period "$(date +%Y-%m)"
echo
echo "Cơ sở dữ liệu ở thư mục dữ liệu ứng dụng; xem \"$bin --help\" để biết các lệnh."
