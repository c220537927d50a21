#!/usr/bin/env python3
"""Edits an .xlsx file the way a person does in Excel, with an independent
writer (openpyxl): load, change cells or sheets, save under a new name.

Usage: edit_workbook.py IN OUT [OP ...], each OP one of
  set SHEET CELL VALUE     VALUE "n:12.5" is a number, "d:2024-09-30" a date,
                           "" empties the cell, anything else is text
  append SHEET V1 V2 ...   adds a row under the last one (same value forms)
  delete-sheet SHEET
  rename-sheet SHEET NEW
With no OP the file is only opened and saved again.
"""

import datetime
import sys

import openpyxl


def value(text):
    if text == "":
        return None
    if text.startswith("n:"):
        number = float(text[2:])
        return int(number) if number.is_integer() else number
    if text.startswith("d:"):
        return datetime.datetime.strptime(text[2:], "%Y-%m-%d")
    return text


def main(argv):
    source, target, ops = argv[1], argv[2], argv[3:]
    book = openpyxl.load_workbook(source)
    i = 0
    while i < len(ops):
        op = ops[i]
        if op == "set":
            sheet, cell, text = ops[i + 1 : i + 4]
            book[sheet][cell].value = value(text)
            if text.startswith("d:"):
                book[sheet][cell].number_format = "dd/mm/yyyy"
            i += 4
        elif op == "append":
            sheet = ops[i + 1]
            end = i + 2
            while end < len(ops) and ops[end] not in ("set", "append", "delete-sheet", "rename-sheet"):
                end += 1
            book[sheet].append([value(v) for v in ops[i + 2 : end]])
            i = end
        elif op == "delete-sheet":
            del book[ops[i + 1]]
            i += 2
        elif op == "rename-sheet":
            book[ops[i + 1]].title = ops[i + 2]
            i += 3
        else:
            sys.exit(f"unknown operation {op!r}")
    book.save(target)


if __name__ == "__main__":
    main(sys.argv)
