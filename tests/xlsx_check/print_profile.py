"""Independent checks of the Nghị định 30/2020/NĐ-CP print profile (Phụ lục I)
on a workbook read with openpyxl: A4, the margins, the orientation (the
report portrait, its annexes landscape), the page number at the top from the
second page with each sheet numbered from 1, the font size of each element of
the cover, the annex heads, and the rules drawn under the issuing body and
the motto. The ranges are the decree's, not the app's chosen sizes.

Used by check_month_report.py and check_consolidated.py.
"""
import re
import zipfile

MM_PER_INCH = 25.4
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
EMU_PER_PX = 9525


def between(value, low, high):
    return value is not None and low - 1e-6 <= float(value) <= high + 1e-6


def check_page(ws, name, orientation, check):
    """A4 in `orientation`, the decree's margins, the page number alone in the
    top margin (13–14 pt, centred), none on the first page, pages numbered
    from 1 in this sheet, nothing in the footer."""
    setup = ws.page_setup
    check(setup.orientation == orientation, f"{name}: {setup.orientation}, not {orientation}")
    check(setup.paperSize in (9, "9"), f"{name}: paper is not A4")
    m = ws.page_margins
    for side, low, high in [("top", 20, 25), ("bottom", 20, 25), ("left", 30, 35), ("right", 15, 20)]:
        mm = getattr(m, side) * MM_PER_INCH
        check(between(mm, low, high), f"{name}: {side} margin {mm:.1f} mm, not {low}–{high} mm")
    check(m.header * MM_PER_INCH < m.top * MM_PER_INCH, f"{name}: the page number is not in the top margin")
    header = ws.oddHeader.center
    check(header.text == "&P", f"{name}: the header is {header.text!r}, not the page number alone")
    check(between(header.size, 13, 14), f"{name}: page number in {header.size} pt")
    check((header.font or "").startswith("Times New Roman"), f"{name}: page number in {header.font}")
    check(not (ws.oddHeader.left.text or ws.oddHeader.right.text), f"{name}: more than the page number in the header")
    check(ws.HeaderFooter.scaleWithDoc is False, f"{name}: the page number shrinks with the table")
    check(bool(ws.HeaderFooter.differentFirst), f"{name}: the first page is not different (page 1 would show its number)")
    check(not (ws.firstHeader.center.text or ws.firstHeader.left.text or ws.firstHeader.right.text),
          f"{name}: the first page shows a header")
    check(not (ws.oddFooter.center.text or ws.oddFooter.left.text or ws.oddFooter.right.text),
          f"{name}: a footer ({ws.oddFooter.center.text!r})")
    check(bool(setup.useFirstPageNumber) and setup.firstPageNumber in (None, 1, "1"),
          f"{name}: pages not numbered from 1 in this sheet")
    fit = ws.sheet_properties.pageSetUpPr
    check(fit is not None and fit.fitToPage and setup.fitToWidth in (None, 1, "1"),
          f"{name}: not one page wide")


def font_check(cell, name, what, low, high, check, bold=None, italic=None, caps=False):
    """The cell's font is Times New Roman, `low`–`high` pt, bold/italic as asked."""
    label = f"{name}!{cell.coordinate} ({what})"
    check(cell.value not in (None, ""), f"{label}: empty")
    check(cell.font.name == "Times New Roman", f"{label}: font {cell.font.name}")
    check(between(cell.font.sz, low, high), f"{label}: {cell.font.sz} pt, not {low}–{high}")
    if bold is not None:
        check(bool(cell.font.b) == bold, f"{label}: bold is {bool(cell.font.b)}")
    if italic is not None:
        check(bool(cell.font.i) == italic, f"{label}: italic is {bool(cell.font.i)}")
    if caps and isinstance(cell.value, str):
        check(cell.value == cell.value.upper(), f"{label}: not in capitals")


def find(ws, predicate):
    """The first cell whose value satisfies `predicate`."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and predicate(cell.value):
                return cell
    return None


def check_cover(ws, name, check, parent_col="A", right_col="C", parent_is_name=False, signer=None):
    """Each element of a báo cáo's cover in the decree's size and style."""
    check_page(ws, name, "portrait", check)
    parent = ws[f"{parent_col}1"]
    if parent.value:
        font_check(parent, name, "parent body", 12, 13, check, bold=parent_is_name, caps=True)
    check(ws[f"{right_col}1"].value == QUOC_HIEU, f"{name}: Quốc hiệu is {ws[f'{right_col}1'].value!r}")
    font_check(ws[f"{right_col}1"], name, "Quốc hiệu", 12, 13, check, bold=True, caps=True)
    font_check(ws[f"{parent_col}2"], name, "issuing body", 12, 13, check, bold=True, caps=True)
    check(ws[f"{right_col}2"].value == TIEU_NGU, f"{name}: Tiêu ngữ is {ws[f'{right_col}2'].value!r}")
    font_check(ws[f"{right_col}2"], name, "Tiêu ngữ", 13, 14, check, bold=True)
    check((ws[f"{parent_col}3"].value or "").startswith("Số:"), f"{name}: no 'Số:' line")
    font_check(ws[f"{parent_col}3"], name, "số, ký hiệu", 13, 13, check, bold=False)
    check(re.search(r", ngày \d\d tháng \d+ năm \d{4}$", ws[f"{right_col}3"].value or ""),
          f"{name}: date line {ws[f'{right_col}3'].value!r}")
    font_check(ws[f"{right_col}3"], name, "place and date", 13, 14, check, italic=True)
    check(ws["A4"].value == "BÁO CÁO", f"{name}: A4 is {ws['A4'].value!r}, not BÁO CÁO")
    font_check(ws["A4"], name, "document type", 13, 14, check, bold=True, caps=True)
    font_check(ws["A5"], name, "trích yếu", 13, 14, check, bold=True)
    title = find(ws, lambda v: v in ("THỦ TRƯỞNG CƠ QUAN", "CHÁNH VĂN PHÒNG"))
    check(title is not None, f"{name}: no signer's title")
    if title is not None:
        font_check(title, name, "signer's title", 13, 14, check, bold=True, caps=True)
    if signer:
        cell = find(ws, lambda v: v == signer)
        check(cell is not None, f"{name}: no signer {signer}")
        if cell is not None:
            font_check(cell, name, "signer's name", 13, 14, check, bold=True)
    label = find(ws, lambda v: v == "Nơi nhận:")
    check(label is not None, f"{name}: no 'Nơi nhận:'")
    if label is not None:
        font_check(label, name, "Nơi nhận", 12, 12, check, bold=True, italic=True)
        below = ws.cell(row=label.row + 1, column=label.column)
        check((below.value or "").startswith("- "), f"{name}: no recipients under 'Nơi nhận:'")
        recipients = 0
        while isinstance(below.value, str) and below.value.startswith("- "):
            font_check(below, name, "recipient", 11, 11, check, bold=False)
            recipients += 1
            below = ws.cell(row=below.row + 1, column=below.column)
        check(recipients >= 2, f"{name}: {recipients} recipients")


def check_one_page(ws, name, check):
    """The cover's rows fit between the top and bottom margins of one A4 page
    (its heights are set, so no program prints it longer): the monthly
    report's signature block is never left alone on a second page. (The
    consolidated report lists every agency and runs over several pages.)"""
    default = ws.sheet_format.defaultRowHeight or 15
    height = sum(ws.row_dimensions[r].height or default for r in range(1, ws.max_row + 1))
    m = ws.page_margins
    page = (297 / MM_PER_INCH - m.top - m.bottom) * 72
    check(height <= page, f"{name}: the cover is {height:.0f} pt tall, more than one page's {page:.0f} pt")


def check_body(ws, name, cells, check):
    """The report's body text (section headings, its own small tables) in 13–14 pt."""
    for coordinate in cells:
        font_check(ws[coordinate], name, "body", 13, 14, check)


def check_annex(ws, name, number, check):
    """'Phụ lục N' (14 pt bold centred), the title in bold capitals, the
    attachment line in italics, landscape."""
    check_page(ws, name, "landscape", check)
    head = ws["A1"]
    check(head.value == f"Phụ lục {ROMAN[number - 1]}", f"{name}: A1 is {head.value!r}")
    font_check(head, name, "annex number", 14, 14, check, bold=True)
    check(head.alignment.horizontal == "center", f"{name}: the annex number is not centred")
    font_check(ws["A2"], name, "annex title", 13, 14, check, bold=True, caps=True)
    line = ws["A3"].value or ""
    check(re.fullmatch(r"\(Kèm theo Báo cáo số +/BC-\S+ ngày \d\d tháng \d+ năm \d{4} của .+\)", line) is not None,
          f"{name}: attachment line {line!r}")
    font_check(ws["A3"], name, "attachment line", 13, 14, check, italic=True)
    merged = {str(r) for r in ws.merged_cells.ranges}
    for row in (1, 2, 3):
        check(any(m.startswith(f"A{row}:") for m in merged), f"{name}: annex head row {row} not merged")


def digit_px(wb):
    """The width in pixels of a digit of the workbook's default font, the unit
    of stored column widths: 7 for Calibri 11, 8 for Times New Roman 12."""
    font = wb._fonts[0]
    return 7 if font.name == "Calibri" else round(float(font.sz) * 96 / 72 / 2)


def column_px(ws, col):
    """A column's width in pixels as Excel draws it: the stored width counts
    digits of the default font, padding included."""
    digit = digit_px(ws.parent)
    for dim in ws.column_dimensions.values():
        if dim.min is not None and dim.min <= col <= (dim.max or dim.min) and dim.width:
            return int(dim.width * digit + 0.5)
    return int(8.43 * digit + 5)


def rules(path, sheet_index):
    """The shapes drawn on sheet `sheet_index` (1-based in the package):
    (from column, x offset px, width px, height px) each."""
    with zipfile.ZipFile(path) as z:
        rels_name = f"xl/worksheets/_rels/sheet{sheet_index}.xml.rels"
        if rels_name not in z.namelist():
            return []
        rels = z.read(rels_name).decode()
        target = re.search(r'Target="\.\./drawings/(drawing\d+\.xml)"', rels)
        if not target:
            return []
        xml = z.read(f"xl/drawings/{target.group(1)}").decode()
    found = []
    for anchor in re.findall(r"<xdr:twoCellAnchor.*?</xdr:twoCellAnchor>", xml, re.S):
        col = int(re.search(r"<xdr:from><xdr:col>(\d+)</xdr:col><xdr:colOff>(\d+)", anchor).group(1))
        off = int(re.search(r"<xdr:from><xdr:col>\d+</xdr:col><xdr:colOff>(\d+)", anchor).group(1))
        ext = re.search(r'<a:ext cx="(\d+)" cy="(\d+)"', anchor)
        found.append((col, off / EMU_PER_PX, int(ext.group(1)) / EMU_PER_PX, int(ext.group(2)) / EMU_PER_PX))
    return found


def check_rules(path, sheet_index, ws, name, split_col, check):
    """A thin rule centred under the issuing body (left of column `split_col`,
    1-based), shorter than half its block, and one centred under the motto,
    as long as the motto prints."""
    found = rules(path, sheet_index)
    thin = [r for r in found if r[3] <= 2]
    check(len(thin) >= 2, f"{name}: {len(thin)} rules drawn, not the two of the head block")
    left_px = sum(column_px(ws, c) for c in range(1, split_col))
    right_px = sum(column_px(ws, c) for c in range(split_col, ws.max_column + 1))

    def centre(rule):
        col, off, width, _ = rule
        return sum(column_px(ws, c) for c in range(1, col + 1)) + off + width / 2

    left = [r for r in thin if centre(r) < left_px]
    right = [r for r in thin if left_px <= centre(r) <= left_px + right_px and r[2] > 60]
    check(bool(left), f"{name}: no rule under the issuing body")
    check(bool(right), f"{name}: no rule under the motto")
    if left and right:
        body, motto = left[0], right[0]
        check(abs(centre(body) - left_px / 2) <= 3, f"{name}: the issuing body's rule is not centred")
        check(abs(centre(motto) - (left_px + right_px / 2)) <= 25, f"{name}: the motto's rule is not centred under it")
        # The motto, 27 characters in 13–14 pt bold Times, prints 150–175 pt long.
        motto_pt = motto[2] * 0.75
        check(145 <= motto_pt <= 180, f"{name}: the motto's rule is {motto_pt:.0f} pt long")
        check(10 <= body[2] <= left_px / 2, f"{name}: the issuing body's rule is {body[2]:.0f} px long")


def estimated_lines(text, px, size):
    """A rough count of the lines `text` wraps to in a column `px` pixels
    wide: Vietnamese text in Times New Roman averages 0.41 em a character."""
    room = (px - 6) * 0.75
    per_line = max(1.0, room / (0.41 * size))
    return sum(max(1, -(-len(p) // int(per_line))) for p in str(text).split("\n"))


def check_row_heights(ws, name, first, columns, size, check, last=None):
    """Rows (from `first` to `last`, or the sheet's end) whose regular text
    takes three lines or more are as tall as that text: between 0.7 and 1.35
    times the lines' height (1.15 em each)."""
    for row in range(first, (last or ws.max_row) + 1):
        lines = 0
        for col in columns:
            value = ws.cell(row=row, column=col).value
            if isinstance(value, str) and value:
                lines = max(lines, estimated_lines(value, column_px(ws, col), size))
        height = ws.row_dimensions[row].height
        if lines >= 3:
            expected = lines * size * 1.15
            check(height is not None and 0.7 <= height / expected <= 1.35,
                  f"{name}: row {row} is {height} pt tall for about {lines} lines ({expected:.0f} pt)")
