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
    "Tổng hợp": (4, "N", ["D"], ["A", "E", "F", "G", "H", "I", "J", "K", "L"]),
    "Nhiệm vụ": (4, "Q", ["J"], ["B"]),
    "Quá hạn": (4, "Q", ["J"], ["B"]),
    "Chỉ số": (4, "J", [], ["D", "E", "F", "G", "I", "J"]),
    "Việc phát sinh": (4, "M", ["E", "G", "I", "K"], ["B", "H", "L"]),
}


def main(path):
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ["Báo cáo", *TABLES, "_meta"], f"sheet names {wb.sheetnames}")
    check(wb["_meta"].sheet_state == "hidden", "_meta is not hidden")
    meta = {row[0]: row[1] for row in wb["_meta"].iter_rows(values_only=True)}
    check(meta.get("format") == "cchc-tong-hop-thang", f"_meta format {meta.get('format')}")
    # Version 2 is the one with "Việc phát sinh" and the estimates (workbook-format.md).
    check(str(meta.get("format_version")) == "2", f"_meta format_version {meta.get('format_version')!r}")

    check_cover(path, wb["Báo cáo"], wb["Tổng hợp"])

    summary = wb["Tổng hợp"]
    header, first = TABLES["Tổng hợp"][0], TABLES["Tổng hợp"][0] + 2
    check(any(summary[f"C{r}"].value == "Chưa gửi" for r in range(first, summary.max_row + 1)),
          "Tổng hợp: no agency is listed as not sent")
    check(summary[f"M{header}"].value == "Việc phát sinh đúng hạn / đã xử lý",
          f"Tổng hợp: column M is {summary[f'M{header}'].value!r}")
    total = print_profile.find(summary, lambda v: v == "Tổng cộng")
    check(total is not None, "Tổng hợp: no total line")
    last_row = total.row if total is not None else summary.max_row
    # The agencies' table prints at its own size: its columns fit between
    # the margins of A4 landscape (in pixels at 96 dpi).
    m = summary.page_margins
    room = (297 / print_profile.MM_PER_INCH - m.left - m.right) * 96
    width = sum(print_profile.column_px(summary, col) for col in range(1, 15))
    check(width <= room, f"Tổng hợp: the table is {width} px wide, more than the page's {room:.0f} px")
    # The agencies' rows; the total line is bold, which the estimate is not made for.
    print_profile.check_row_heights(summary, "Tổng hợp", first, [2, 3, 14], 12, check, last=last_row - 1)

    for number, (name, (header, last_col, date_cols, number_cols)) in enumerate(TABLES.items(), 1):
        ws = wb[name]
        first = header + 2
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


def check_cover(path, cover, summary):
    """The collecting office's report on A4 portrait, on one page: the head
    block, the trích yếu, the body (its small tables) in 13–14 pt, the
    annexes named, the recipients and the signature; its figures are those of
    the agencies' table (Phụ lục I)."""
    check_fonts(cover, "Báo cáo")
    merged = {str(r) for r in cover.merged_cells.ranges}
    for expected in ["A1:B1", "C1:H1", "A2:B2", "C2:H2", "A3:B3", "C3:H3", "A4:H4", "A5:H5"]:
        check(expected in merged, f"Báo cáo: {expected} is not merged")
    check(cover["A2"].value == "VĂN PHÒNG UBND TỈNH", f"issuing body {cover['A2'].value!r}")
    check((cover["C3"].value or "").startswith("Hưng Yên, ngày "), f"date line {cover['C3'].value}")
    check((cover["A5"].value or "").startswith("Tổng hợp kết quả thực hiện "), f"trích yếu {cover['A5'].value}")
    print_profile.check_cover(cover, "Báo cáo", check)
    print_profile.check_one_page(cover, "Báo cáo", check)
    print_profile.check_rules(path, 1, cover, "Báo cáo", 3, check)
    sections = [print_profile.find(cover, lambda v, n=n: v.startswith(f"{n}. ")) for n in (1, 2, 3)]
    total = print_profile.find(cover, lambda v: v == "Tổng cộng")
    check(None not in sections and total is not None, "Báo cáo: the body's tables are missing")
    if None not in sections and total is not None:
        print_profile.check_body(cover, "Báo cáo", [c.coordinate for c in sections] + [total.coordinate], check)
        # The figures are the agencies' table's: agencies, sent, not sent; the
        # tasks of the reports received.
        agencies = [summary[f"C{r}"].value for r in range(6, summary.max_row + 1)
                    if summary[f"C{r}"].value in ("Đã gửi", "Chưa gửi")]
        counts = [cover[f"D{sections[0].row + r}"].value for r in (2, 3, 4)]
        check(counts == [len(agencies), agencies.count("Đã gửi"), agencies.count("Chưa gửi")],
              f"Báo cáo: agencies, sent, not sent {counts}; the table has {len(agencies)} agencies")
        table_total = print_profile.find(summary, lambda v: v == "Tổng cộng")
        if table_total is not None:
            check(cover[f"C{total.row}"].value == summary[f"E{table_total.row}"].value,
                  f"Báo cáo: {cover[f'C{total.row}'].value} tasks, the table's total {summary[f'E{table_total.row}'].value}")
    annexes = print_profile.find(cover, lambda v: v.startswith("Chi tiết tại các phụ lục kèm theo:"))
    check(annexes is not None and all(f"Phụ lục {n} – " in annexes.value for n in print_profile.ROMAN[:5]),
          f"Báo cáo: the annexes are not named ({annexes.value if annexes else None!r})")
    if annexes is not None:
        print_profile.check_body(cover, "Báo cáo", [annexes.coordinate], check)


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
