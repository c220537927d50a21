"""Independent check of a task-list workbook the app writes (`cchc plan export`,
the plan editor's "Xuất Excel") with openpyxl: it is a form, not a report, so
it has no cover and no annex heads, but it prints with the same Nghị định 30
profile as every workbook the app writes: each visible sheet A4 landscape,
the decree's margins, the page number at the top from the second page, one
page wide, its header row repeated on each page; Times New Roman throughout.

Usage: python3 check_plan_workbook.py FILE.xlsx

Prints every failure and exits 1 when there is any.
"""
import sys

import openpyxl

import print_profile
from check_month_report import check, check_fonts, failures


def main(path):
    wb = openpyxl.load_workbook(path)
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    check([ws.title for ws in visible][:5] == ["Kế hoạch", "Cơ quan", "Lĩnh vực", "Tiêu chí", "Nhiệm vụ"],
          f"sheet names {wb.sheetnames}")
    for ws in visible:
        print_profile.check_page(ws, ws.title, "landscape", check)
        check_fonts(ws, ws.title)
        check(ws.print_title_rows is not None and ws.print_title_rows.startswith("$1:"),
              f"{ws.title}: the header row is not repeated on each page ({ws.print_title_rows})")
    for message in failures:
        print(message)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
