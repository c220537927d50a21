"""Reads one task's row and the evidence numbers back from a monthly workbook
with openpyxl (a reader independent of the app) and prints them as JSON."""
import json
import sys

import openpyxl

path, code = sys.argv[1], sys.argv[2]
book = openpyxl.load_workbook(path, read_only=True, data_only=True)
tasks = book["Nhiệm vụ"]
row = next(r for r in tasks.iter_rows(values_only=True) if r and len(r) > 12 and r[1] == code)
evidence = book["Tài liệu kiểm chứng"]
numbers = [r[1] for r in evidence.iter_rows(values_only=True) if r and len(r) > 1 and r[1]]
indicators = {
    r[0]: [r[3], r[4], r[5]]
    for r in book["Chỉ số đo được"].iter_rows(min_row=5, values_only=True)
    if r and r[0] and r[3] is not None
}
print(json.dumps({
    "status": row[10],
    "percent": row[11],
    "result": row[12],
    "task_evidence": row[13] or "",
    "evidence_numbers": numbers,
    "indicators": indicators,
}, ensure_ascii=False))
