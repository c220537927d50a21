#!/usr/bin/env python3
"""Edits an .xlsx file the way a person does in Excel, with an independent
writer (openpyxl): load, change cells or sheets, save under a new name.

Usage: edit_workbook.py IN OUT [OP ...], each OP one of
  set SHEET CELL VALUE     VALUE "n:12.5" is a number, "d:2024-09-30" a date,
                           "long:40000" that many "a"s (written into the
                           package afterwards: openpyxl cuts text at 32,767),
                           "" empties the cell, anything else is text
  append SHEET V1 V2 ...   adds a row under the last one (same value forms)
  delete-sheet SHEET
  rename-sheet SHEET NEW
With no OP the file is only opened and saved again.
"""

import datetime
import os
import sys
import zipfile

import openpyxl


def value(text):
    if text == "":
        return None
    if text.startswith("n:"):
        number = float(text[2:])
        return int(number) if number.is_integer() else number
    if text.startswith("d:"):
        return datetime.datetime.strptime(text[2:], "%Y-%m-%d")
    if text.startswith("long:"):
        return placeholder(int(text[5:]))
    return text


def placeholder(length):
    return f"__LONG_{length}__"


def write_long_texts(path, lengths):
    """Replaces each placeholder in the saved package by its long text."""
    if not lengths:
        return
    temp = path + ".tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            for length in lengths:
                data = data.replace(placeholder(length).encode(), b"a" * length)
            dst.writestr(info, data)
    os.replace(temp, path)


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
    write_long_texts(
        target, [int(op[5:]) for op in ops if isinstance(op, str) and op.startswith("long:")]
    )


if __name__ == "__main__":
    main(sys.argv)
