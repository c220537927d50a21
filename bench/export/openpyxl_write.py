"""The yardstick of the export benchmark: openpyxl writing the same cells.

Reads every cell of an exported monthly workbook first (not timed), then times
openpyxl writing those cells to a new workbook in write-only mode, without
formatting, as a power user's script would, and saving it.

Usage: python3 openpyxl_write.py EXPORTED.xlsx OUT.xlsx
"""
import sys
import time

import openpyxl


def main(source, out):
    book = openpyxl.load_workbook(source, read_only=True)
    sheets = [(ws.title, [list(row) for row in ws.iter_rows(values_only=True)]) for ws in book.worksheets]
    cells = sum(len(row) for _, rows in sheets for row in rows)
    start = time.perf_counter()
    wb = openpyxl.Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(out)
    elapsed = time.perf_counter() - start
    print(f"openpyxl wrote {cells} cells in {elapsed:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
