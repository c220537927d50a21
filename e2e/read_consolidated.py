"""Reads an agency's line of the "Tổng hợp" sheet and its task rows of the
"Nhiệm vụ" sheet back from a consolidated workbook with openpyxl (a reader
independent of the app) and prints them as JSON.
Usage: read_consolidated.py TH-CCHC-YYYY-MM.xlsx "AGENCY NAME" TASK_CODE"""
import json
import sys

import openpyxl

path, agency, code = sys.argv[1], sys.argv[2], sys.argv[3]
book = openpyxl.load_workbook(path, read_only=True, data_only=True)
summary = [list(r) for r in book["Tổng hợp"].iter_rows(values_only=True) if r and agency in r]
tasks = [list(r) for r in book["Nhiệm vụ"].iter_rows(values_only=True) if r and code in r]
# The province's figure per measured indicator, under the criteria of "Chỉ số":
# criterion code -> [numerator, denominator, figure, reported, not reported].
rows = list(book["Chỉ số"].iter_rows(values_only=True))
start = next((i for i, r in enumerate(rows) if r and str(r[0] or "").startswith("SỐ LIỆU CÁC CHỈ SỐ ĐO ĐƯỢC")), len(rows))
indicators = {r[0]: [r[3], r[4], r[5], r[9] or "", r[10] or ""] for r in rows[start + 2:] if r and r[0]}
print(json.dumps({
    "sheets": book.sheetnames,
    "agency_line": [str(v) if v is not None else "" for v in (summary[0] if summary else [])],
    "task_rows": [[str(v) if v is not None else "" for v in r] for r in tasks],
    "indicators": indicators,
}, ensure_ascii=False))
