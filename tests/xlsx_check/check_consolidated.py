"""Independent check of a consolidated workbook (TH-CCHC-YYYY-MM.xlsx) with
openpyxl, reusing the monthly workbook's checks for print setup and fonts.

Usage: python3 check_consolidated.py FILE.xlsx

Prints every failure and exits 1 when there is any.
"""
import sys

import openpyxl

from check_month_report import check, check_fonts, check_print_setup, check_table, failures

HEADER, FIRST = 7, 9
TABLES = {
    # sheet: (last column letter, date columns, number columns)
    "Tổng hợp": ("N", ["D"], ["A", "E", "F", "G", "H", "I", "J", "K"]),
    "Nhiệm vụ": ("Q", ["J"], ["B"]),
    "Quá hạn": ("Q", ["J"], ["B"]),
    "Chỉ số": ("H", [], ["D", "E", "F", "G"]),
    "Việc phát sinh": ("M", ["E", "G", "I", "K"], ["B", "H", "L"]),
}


def main(path):
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == [*TABLES, "_meta"], f"sheet names {wb.sheetnames}")
    check(wb["_meta"].sheet_state == "hidden", "_meta is not hidden")
    meta = {row[0]: row[1] for row in wb["_meta"].iter_rows(values_only=True)}
    check(meta.get("format") == "cchc-tong-hop-thang", f"_meta format {meta.get('format')}")

    summary = wb["Tổng hợp"]
    merged = {str(r) for r in summary.merged_cells.ranges}
    for expected in ["A1:C1", "A2:C2", "D1:N1", "D2:N2", "D3:N3", "A4:N4"]:
        check(expected in merged, f"Tổng hợp: {expected} is not merged")
    check(summary["A2"].font.b, "Tổng hợp: the office is not bold")
    check((summary["D3"].value or "").startswith("Hưng Yên, ngày "), f"date line {summary['D3'].value}")
    check(summary["D3"].font.i, "Tổng hợp: the date line is not italic")
    check(summary["A4"].value == "BÁO CÁO TỔNG HỢP" and summary["A4"].font.b, "Tổng hợp: no bold title")
    check(any(summary[f"C{r}"].value == "Chưa gửi" for r in range(FIRST, summary.max_row + 1)),
          "Tổng hợp: no agency is listed as not sent")
    check(summary[f"M{HEADER}"].value == "Việc phát sinh đúng hạn / đã xử lý",
          f"Tổng hợp: column M is {summary[f'M{HEADER}'].value!r}")

    for name, (last_col, date_cols, number_cols) in TABLES.items():
        ws = wb[name]
        check_print_setup(ws, name)
        check_fonts(ws, name)
        check_table(ws, name, HEADER, f"A{FIRST}")
        check(ws[f"{last_col}{HEADER}"].border.right.style == "thin", f"{name}: last header cell without borders")
        for row in range(FIRST, ws.max_row + 1):
            for col in date_cols:
                cell = ws[f"{col}{row}"]
                if cell.value is not None:
                    check(cell.is_date and cell.number_format == "dd/mm/yyyy",
                          f"{name}!{cell.coordinate}: not a dd/mm/yyyy date ({cell.number_format})")
            for col in number_cols:
                cell = ws[f"{col}{row}"]
                check(cell.value is None or cell.data_type == "n", f"{name}!{cell.coordinate}: number stored as text")

    for message in failures:
        print(message)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
