#!/usr/bin/env python3
"""Builds the data of the `cchc collect` benchmark (see run.sh).

  fixture.py plan BUILTIN.xlsx OUT.xlsx [province]
      From the built-in plan written by `cchc plan export`, a plan workbook of
      the same criteria with 250 agencies (20 departments, 10 districts, 220
      communes) and 60 tasks that every one of them reports on; with
      `province`, the agencies of a fictitious merged province instead
      (15 sở-level agencies, 104 UBND xã, phường: test data, not a real list).
  fixture.py progress DB [PERIOD...]
      Progress for every agency and task of the database's newest plan in each
      period (default 2024-09), written straight into SQLite: recording tens of
      thousands of entries one `cchc progress set` at a time would take minutes
      and is not what is measured.
"""

import random
import sqlite3
import sys

import openpyxl

GROUP = "Các cơ quan thực hiện kế hoạch"
DEADLINES = ["Quý III/2024", "tháng 8/2024", "Thường xuyên", "Trong năm 2024", "Quý IV/2024", "tháng 10/2024"]
RESULT = (
    "Đã ban hành Kế hoạch số {n}/KH-UBND triển khai nhiệm vụ; tổ chức hội nghị quán triệt, "
    "phân công cán bộ đầu mối theo dõi; rà soát, cập nhật quy trình nội bộ giải quyết thủ tục "
    "hành chính trên Hệ thống thông tin giải quyết TTHC của tỉnh."
)


def agencies(kind):
    if kind == "province":
        # Test data: a fictitious merged province, sized like Hưng Yên after 1/7/2025.
        rows = [(f"S{i:02}", f"Sở thử nghiệm số {i}", "Sở, ban, ngành") for i in range(1, 16)]
        rows += [(f"X{i:03}", f"UBND xã thử nghiệm số {i}", "UBND cấp xã") for i in range(1, 94)]
        rows += [(f"P{i:02}", f"UBND phường thử nghiệm số {i}", "UBND cấp xã") for i in range(1, 12)]
        return rows
    rows = [(f"S{i:02}", f"Sở thử nghiệm số {i}", "Sở, ban, ngành") for i in range(1, 21)]
    rows += [(f"H{i:02}", f"UBND huyện thử nghiệm số {i}", "UBND cấp huyện") for i in range(1, 11)]
    rows += [(f"X{i:03}", f"UBND xã thử nghiệm số {i}", "UBND cấp xã") for i in range(1, 221)]
    return rows


def clear(ws, keep_header=True):
    ws.delete_rows(2 if keep_header else 1, ws.max_row)


def plan(builtin, out, kind):
    book = openpyxl.load_workbook(builtin)
    meta = book["Kế hoạch"]
    for row in meta.iter_rows(min_row=2):
        if row[0].value == "Tên kế hoạch":
            row[1].value = f"Kế hoạch thử tải: {len(agencies(kind))} cơ quan, 60 nhiệm vụ"
    ws = book["Cơ quan"]
    clear(ws)
    for code, name, agency_kind in agencies(kind):
        ws.append([code, name, agency_kind, GROUP, None])
    criteria = [r[0].value for r in book["Tiêu chí"].iter_rows(min_row=2) if r[0].value]
    ws = book["Nhiệm vụ"]
    clear(ws)
    for i in range(1, 61):
        content = (
            f"Nhiệm vụ thử số {i}: rà soát, chuẩn hóa và công khai thủ tục hành chính thuộc phạm vi "
            "quản lý; số hóa hồ sơ, kết quả giải quyết; báo cáo kết quả thực hiện về Văn phòng UBND tỉnh."
        )
        ws.append([i, f"B.{i:02}", content, criteria[i % len(criteria)], GROUP, None,
                   DEADLINES[i % len(DEADLINES)], "Báo cáo kết quả"])
    # The built-in plan's measured indicators name its own agencies: every
    # agency of the test plan reports each of them instead.
    if "Chỉ số đo được" in book.sheetnames:
        for row in book["Chỉ số đo được"].iter_rows(min_row=2):
            if row[0].value:
                row[6].value = GROUP
    book.save(out)


def entry(rng, task_id, agency_id, period, recurring):
    """One month's entry of one task, drawn at random (reproducibly)."""
    roll = rng.random()
    if recurring:
        state, done_on, percent = "ongoing", None, None
    elif roll < 0.35:
        state, done_on, percent = "done", f"{period}-{rng.randint(1, 28):02}", 100
    elif roll < 0.8:
        state, done_on, percent = "in-progress", None, rng.randint(5, 95)
    else:
        state, done_on, percent = "not-started", None, None
    return (task_id, agency_id, period, state, done_on, percent,
            RESULT.format(n=rng.randint(10, 999)), "", "", f"{period}-28T10:00:00+07:00")


def progress(db, periods):
    conn = sqlite3.connect(db)
    plan_id = conn.execute("SELECT max(id) FROM plan").fetchone()[0]
    agency_ids = [r[0] for r in conn.execute(
        "SELECT id FROM agency WHERE plan_id = ? AND kind <> 'nhom'", (plan_id,))]
    tasks = conn.execute("SELECT id, recurring FROM task WHERE plan_id = ?", (plan_id,)).fetchall()
    rng = random.Random(2024)
    rows = []
    for a in agency_ids:
        for period in periods:
            for task_id, recurring in tasks:
                rows.append(entry(rng, task_id, a, period, recurring))
    with conn:
        conn.executemany(
            "INSERT OR REPLACE INTO progress (task_id, agency_id, period, state, done_on, percent, "
            "result, obstacles, proposals, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    print(f"{len(rows)} progress entries for {len(agency_ids)} agencies")


if __name__ == "__main__":
    if sys.argv[1] == "plan":
        plan(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "default")
    elif sys.argv[1] == "progress":
        progress(sys.argv[2], sys.argv[3:] or ["2024-09"])
    else:
        sys.exit(__doc__)
