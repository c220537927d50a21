"""Independent check of a consolidated workbook (TH-CCHC-YYYY-MM.xlsx) with
openpyxl, reusing the monthly workbook's checks for print setup and fonts.

Usage: python3 check_consolidated.py FILE.xlsx

Prints every failure and exits 1 when there is any.
"""
import sys

import openpyxl

import print_profile
from check_month_report import check, check_fonts, check_table, failures

TABLES = {
    # sheet: (header row, last column letter, date columns, number columns)
    "Tổng hợp": (7, "N", ["D"], ["A", "E", "F", "G", "H", "I", "J", "K", "L"]),
    "Nhiệm vụ": (4, "Q", ["J"], ["B"]),
    "Quá hạn": (4, "Q", ["J"], ["B"]),
    "Chỉ số": (4, "J", [], ["D", "E", "F", "G", "I", "J"]),
    "Việc phát sinh": (4, "M", ["E", "G", "I", "K"], ["B", "H", "L"]),
}


def main(path):
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == [*TABLES, "_meta"], f"sheet names {wb.sheetnames}")
    check(wb["_meta"].sheet_state == "hidden", "_meta is not hidden")
    meta = {row[0]: row[1] for row in wb["_meta"].iter_rows(values_only=True)}
    check(meta.get("format") == "cchc-tong-hop-thang", f"_meta format {meta.get('format')}")
    # Version 2 is the one with "Việc phát sinh" and the estimates (workbook-format.md).
    check(str(meta.get("format_version")) == "2", f"_meta format_version {meta.get('format_version')!r}")

    summary = wb["Tổng hợp"]
    merged = {str(r) for r in summary.merged_cells.ranges}
    for expected in ["A1:D1", "A2:D2", "E1:N1", "E2:N2", "E3:N3", "A4:N4", "A5:N5"]:
        check(expected in merged, f"Tổng hợp: {expected} is not merged")
    check((summary["E3"].value or "").startswith("Hưng Yên, ngày "), f"date line {summary['E3'].value}")
    check((summary["A5"].value or "").startswith("Tổng hợp kết quả thực hiện "), f"trích yếu {summary['A5'].value}")
    print_profile.check_cover(summary, "Tổng hợp", check, right_col="E")
    print_profile.check_rules(path, 1, summary, "Tổng hợp", 5, check)
    header, first = TABLES["Tổng hợp"][0], TABLES["Tổng hợp"][0] + 2
    check(any(summary[f"C{r}"].value == "Chưa gửi" for r in range(first, summary.max_row + 1)),
          "Tổng hợp: no agency is listed as not sent")
    check(summary[f"M{header}"].value == "Việc phát sinh đúng hạn / đã xử lý",
          f"Tổng hợp: column M is {summary[f'M{header}'].value!r}")
    total = print_profile.find(summary, lambda v: v == "Tổng cộng")
    check(total is not None, "Tổng hợp: no total line")
    last_row = total.row if total is not None else summary.max_row

    for number, (name, (header, last_col, date_cols, number_cols)) in enumerate(TABLES.items()):
        ws = wb[name]
        first = header + 2
        if number:
            print_profile.check_annex(ws, name, number, check)
        check_fonts(ws, name)
        check_table(ws, name, header, f"A{first}")
        check(ws[f"{last_col}{header}"].border.right.style == "thin", f"{name}: last header cell without borders")
        end = last_row if name == "Tổng hợp" else ws.max_row
        for row in range(first, end + 1):
            if name == "Chỉ số" and ws[f"A{row}"].value is None:
                break  # the criteria table ends; the indicators' table below is checked next
            for col in date_cols:
                cell = ws[f"{col}{row}"]
                if cell.value is not None:
                    check(cell.is_date and cell.number_format == "dd/mm/yyyy",
                          f"{name}!{cell.coordinate}: not a dd/mm/yyyy date ({cell.number_format})")
            for col in number_cols:
                cell = ws[f"{col}{row}"]
                check(cell.value is None or cell.data_type == "n", f"{name}!{cell.coordinate}: number stored as text")

    check_indicator_table(wb["Chỉ số"])
    check_overdue_heights(wb["Nhiệm vụ"], wb["Quá hạn"], TABLES["Nhiệm vụ"][0] + 2)

    for message in failures:
        print(message)
    return 1 if failures else 0


def check_overdue_heights(tasks, overdue, first):
    """Each overdue row is as tall as the same row (agency, task) in "Nhiệm vụ"."""
    height = {(tasks[f"A{r}"].value, tasks[f"C{r}"].value): tasks.row_dimensions[r].height
              for r in range(first, tasks.max_row + 1)}
    heights = set()
    for r in range(first, overdue.max_row + 1):
        key = (overdue[f"A{r}"].value, overdue[f"C{r}"].value)
        if key[0] is None:
            continue
        mine = overdue.row_dimensions[r].height
        heights.add(mine)
        check(mine is not None and mine == height.get(key),
              f"Quá hạn row {r} {key}: height {mine}, in Nhiệm vụ {height.get(key)}")
    check(None not in heights, "Quá hạn: a row without a fitted height")


def check_indicator_table(ws):
    """Under the criteria, the province's figure per indicator: its header,
    then numbers (figures, target, estimate, points at risk) as numbers."""
    title = next((r for r in range(TABLES["Chỉ số"][0] + 2, ws.max_row + 1)
                  if str(ws[f"A{r}"].value or "").startswith("SỐ LIỆU CÁC CHỈ SỐ ĐO ĐƯỢC")), None)
    check(title is not None, "Chỉ số: no table of measured indicators")
    if title is None:
        return
    check(ws[f"A{title + 1}"].value == "Mã tiêu chí" and ws[f"K{title + 1}"].value == "Cơ quan chưa báo cáo",
          "Chỉ số: the indicators' header is not the spec's")
    check(ws[f"A{title + 1}"].font.b, "Chỉ số: the indicators' header is not bold")
    for row in range(title + 2, ws.max_row + 1):
        for col in "DEFGHI":
            cell = ws[f"{col}{row}"]
            check(cell.value is None or cell.data_type == "n",
                  f"Chỉ số!{cell.coordinate}: figure stored as text")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
