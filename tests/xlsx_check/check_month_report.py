"""Independent check of an exported monthly workbook with openpyxl.

Usage: python3 check_month_report.py FILE.xlsx [SIGNER]

Checks what calamine cannot see: fonts, merged title cells, the print
profile of Nghị định 30 (print_profile.py: the cover's elements, the annexes,
margins, page numbers), frozen panes, data validations, the hidden _meta
sheet and the number format of date cells. Prints every failure and exits 1 when there is any.
"""
import sys

import openpyxl

import print_profile

STATUSES = [
    "Chưa triển khai",
    "Đang thực hiện trong hạn",
    "Hoàn thành đúng hạn",
    "Hoàn thành quá hạn",
    "Quá hạn chưa hoàn thành",
    "Thực hiện thường xuyên",
]
TABLES = {
    # sheet: (header row, first data row, last column letter, date columns, freeze)
    "Nhiệm vụ": (4, 6, "P", ["I"], "C6"),
    "Tài liệu kiểm chứng": (4, 5, "I", ["C"], "A5"),
    "Chỉ số": (4, 5, "I", [], "A5"),
    "Việc phát sinh": (4, 5, "L", ["D", "F", "H", "J"], "A5"),
    "Chỉ số đo được": (4, 5, "I", ["I"], "A5"),
}
OBLIGATION_STATUSES = ["Chưa đến hạn", "Quá hạn chưa xử lý", "Xử lý đúng hạn", "Xử lý quá hạn"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def check_print_setup(ws, name, orientation="landscape"):
    print_profile.check_page(ws, name, orientation, check)


def check_table(ws, name, header, freeze):
    """Panes frozen at `freeze`; header row `header` repeated on each page,
    filtered, bold, centred, shaded and bordered."""
    check(ws.freeze_panes == freeze, f"{name}: panes frozen at {ws.freeze_panes}")
    check(ws.print_title_rows is not None and ws.print_title_rows.startswith(f"${header}:"),
          f"{name}: header not repeated ({ws.print_title_rows})")
    check(ws.auto_filter.ref is not None, f"{name}: no autofilter")
    head = ws[f"A{header}"]
    check(head.font.b and head.alignment.horizontal == "center", f"{name}: header not bold centred")
    check(head.fill.fgColor.rgb not in (None, "00000000"), f"{name}: header not shaded")
    check(head.border.left.style == "thin", f"{name}: header without borders")


def check_body(ws, name, first, last_col):
    """Every cell of the data rows is bordered and top-aligned in Times New
    Roman, the table ends with its last numbered row, and no column carries a
    format of its own (the exporter writes most cells without a format while
    their column carries it, then takes the column formats off)."""
    columns = [chr(c) for c in range(ord("A"), ord(last_col) + 1)]
    for row in range(first, ws.max_row + 1):
        for col in columns:
            cell = ws[f"{col}{row}"]
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            if not all(side.style == "thin" for side in sides) or cell.font.name != "Times New Roman" \
                    or cell.alignment.vertical != "top":
                check(False, f"{name}!{cell.coordinate}: not a bordered Times New Roman cell")
                return
    if ws.max_row >= first:
        check(ws[f"A{ws.max_row}"].value == ws.max_row - first + 1,
              f"{name}: row {ws.max_row} is not the table's last row")
    for col in columns:
        check(not ws.column_dimensions[col].has_style, f"{name}: column {col} has a format")


def check_fonts(ws, name):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None and cell.font.name != "Times New Roman":
                check(False, f"{name}!{cell.coordinate}: font {cell.font.name}")
                return


def main(path, signer=None):
    wb = openpyxl.load_workbook(path)
    check(
        wb.sheetnames == ["Báo cáo", "Nhiệm vụ", "Tài liệu kiểm chứng", "Chỉ số", "Việc phát sinh",
                          "Chỉ số đo được", "_meta"],
        f"sheet names {wb.sheetnames}",
    )
    check(wb["_meta"].sheet_state == "hidden", "_meta is not hidden")
    meta = {row[0]: row[1] for row in wb["_meta"].iter_rows(values_only=True)}
    check(meta.get("format") == "cchc-bao-cao-thang", f"_meta format {meta.get('format')}")
    check(len(meta.get("content_sha256") or "") == 64, "_meta content_sha256 missing")
    check(meta.get("format_version") == "2", f"_meta format_version {meta.get('format_version')}")

    cover = wb["Báo cáo"]
    check_fonts(cover, "Báo cáo")
    merged = {str(r) for r in cover.merged_cells.ranges}
    for expected in ["A1:B1", "C1:H1", "A2:B2", "C2:H2", "A3:B3", "C3:H3", "A4:H4", "A5:H5"]:
        check(expected in merged, f"Báo cáo: {expected} is not merged")
    print_profile.check_cover(cover, "Báo cáo", check, signer=signer)
    print_profile.check_one_page(cover, "Báo cáo", check)
    print_profile.check_rules(path, 1, cover, "Báo cáo", 3, check)
    section = print_profile.find(cover, lambda v: v.startswith("1. "))
    total = print_profile.find(cover, lambda v: v == "Tổng cộng")
    check(section is not None and total is not None, "Báo cáo: no summary table")
    if section is not None and total is not None:
        print_profile.check_body(cover, "Báo cáo", [section.coordinate, total.coordinate], check)

    for number, (name, (header, first, last_col, date_cols, freeze)) in enumerate(TABLES.items(), 1):
        ws = wb[name]
        print_profile.check_annex(ws, name, number, check)
        check_fonts(ws, name)
        check(f"A1:{last_col}1" in {str(r) for r in ws.merged_cells.ranges}, f"{name}: title not merged")
        check_table(ws, name, header, freeze)
        for col in date_cols:
            for row in range(first, ws.max_row + 1):
                cell = ws[f"{col}{row}"]
                if cell.value is not None:
                    check(cell.is_date, f"{name}!{cell.coordinate} is not a date")
                    check(cell.number_format == "dd/mm/yyyy", f"{name}!{cell.coordinate}: format {cell.number_format}")
        if name == "Chỉ số":
            for row in range(first, ws.max_row + 1):
                for col in "DEFG":
                    cell = ws[f"{col}{row}"]
                    check(cell.data_type == "n" and cell.number_format == "0.0000",
                          f"{name}!{cell.coordinate}: score not a number with 4 decimals")
        elif name == "Chỉ số đo được":
            # Tử số, Mẫu số, Giá trị, Mục tiêu: numbers, empty where there is no figure.
            for row in range(first, ws.max_row + 1):
                for col in "DEFG":
                    cell = ws[f"{col}{row}"]
                    check(cell.value is None or cell.data_type == "n",
                          f"{name}!{cell.coordinate}: figure stored as text")
                check(ws[f"G{row}"].value is not None, f"{name}!G{row}: no target")
        else:
            check_body(ws, name, first, last_col)
            for row in range(first, ws.max_row + 1):
                check(ws[f"A{row}"].data_type == "n", f"{name}!A{row}: STT is not a number")

    tasks = wb["Nhiệm vụ"]
    # Every column's wrapped text can set a row's height: all sixteen are looked at.
    print_profile.check_row_heights(tasks, "Nhiệm vụ", 6, range(1, 17), 12, check)
    last = tasks.max_row
    rules = {str(dv.sqref): dv for dv in tasks.data_validations.dataValidation}
    status = rules.get(f"K6:K{last}")
    check(status is not None and status.type == "list", f"Nhiệm vụ: no status list on K6:K{last} ({list(rules)})")
    if status is not None:
        check(status.formula1.strip('"').split(",") == STATUSES, f"status list {status.formula1}")
    percent = rules.get(f"L6:L{last}")
    check(percent is not None and percent.type == "whole", "Nhiệm vụ: no whole-number rule on percent")
    if percent is not None:
        check((percent.operator in (None, "between")) and percent.formula1 == "0" and percent.formula2 == "100",
              f"percent rule {percent.operator} {percent.formula1} {percent.formula2}")
    for row in range(6, last + 1):
        value = tasks[f"L{row}"].value
        check(value is None or isinstance(value, (int, float)), f"Nhiệm vụ!L{row}: percent is text")
        if tasks[f"K{row}"].value == "Quá hạn chưa hoàn thành":
            check(tasks[f"K{row}"].fill.fgColor.rgb.endswith("FFC7CE"), f"Nhiệm vụ!K{row}: overdue not marked")

    obligations = wb["Việc phát sinh"]
    for row in range(5, obligations.max_row + 1):
        for col in "GK":
            cell = obligations[f"{col}{row}"]
            check(cell.data_type == "n", f"Việc phát sinh!{cell.coordinate}: count is not a number")
        status = obligations[f"L{row}"].value
        check(status in OBLIGATION_STATUSES, f"Việc phát sinh!L{row}: status {status!r}")
    labels = [cover[f"B{r}"].value for r in range(1, cover.max_row + 1)]
    check(all(s in labels for s in OBLIGATION_STATUSES), "Báo cáo: no count of obligations by status")

    for message in failures:
        print(message)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], *sys.argv[2:3]))
