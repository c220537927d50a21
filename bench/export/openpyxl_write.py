"""The yardstick of the export benchmark: openpyxl writing the same cells.

Two steps, so that the timed process does only what a script writing the cells
does (start Python, import openpyxl, write, save) plus loading the cells from a
pickle, the cheapest way to hand them over:

    python3 openpyxl_write.py dump EXPORTED.xlsx CELLS.pickle   # not timed
    python3 openpyxl_write.py write CELLS.pickle OUT.xlsx       # timed as a process

`write` also prints the time of the writing and saving alone. The workbook is
written in write-only mode without formatting, as a power user's script would.
"""
import pickle
import sys
import time


def dump(source, cells):
    import openpyxl

    book = openpyxl.load_workbook(source, read_only=True)
    sheets = [(ws.title, [list(row) for row in ws.iter_rows(values_only=True)]) for ws in book.worksheets]
    with open(cells, "wb") as f:
        pickle.dump(sheets, f, protocol=pickle.HIGHEST_PROTOCOL)


def write(cells, out):
    import openpyxl

    with open(cells, "rb") as f:
        sheets = pickle.load(f)
    count = sum(len(row) for _, rows in sheets for row in rows)
    start = time.perf_counter()
    wb = openpyxl.Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(out)
    print(f"openpyxl wrote {count} cells in {time.perf_counter() - start:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    {"dump": dump, "write": write}[sys.argv[1]](sys.argv[2], sys.argv[3])
