#!/usr/bin/env python3
"""Makes the broken and hostile files the collector must refuse quickly and
without exhausting memory.

Usage: hostile_files.py KIND BASE OUT
  KIND one of: random, truncated, zip-bomb, lying-size, entity-bomb,
  external-entity, million-rows, docx. BASE is a real exported workbook (used
  by truncated, lying-size, entity-bomb, external-entity and million-rows).
"""

import os
import random
import struct
import sys
import zipfile

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def rewrite(base, out, change):
    """Copies the zip BASE to OUT, passing each entry's bytes through change(name, data)."""
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info.filename)))


def tasks_sheet_entry(base):
    """The zip entry of the "Nhiệm vụ" sheet (the second sheet of the workbook)."""
    with zipfile.ZipFile(base) as z:
        return "xl/worksheets/sheet2.xml" if "xl/worksheets/sheet2.xml" in z.namelist() else None


def random_bytes(out):
    rng = random.Random(7)
    with open(out, "wb") as f:
        f.write(bytes(rng.randrange(256) for _ in range(40_000)))


def truncated(base, out):
    data = open(base, "rb").read()
    open(out, "wb").write(data[: len(data) // 2])


def zip_bomb(out):
    """A workbook-looking package whose sheet inflates to 256 MiB of zeros."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(256):
                f.write(chunk)


def lying_size(base, out):
    """A real workbook whose sheet entry declares a far smaller size than it inflates to."""
    name = tasks_sheet_entry(base).encode()
    rewrite(base, out, lambda n, d: d)
    data = bytearray(open(out, "rb").read())
    # Central directory file headers: signature PK\1\2, uncompressed size at +24.
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + name_len] == name:
            struct.pack_into("<I", data, pos + 24, 100)
            local = struct.unpack_from("<I", data, pos + 42)[0]
            struct.pack_into("<I", data, local + 22, 100)
        pos = data.find(b"PK\x01\x02", pos + 4)
    open(out, "wb").write(bytes(data))


def with_doctype(base, out, doctype, entity):
    """The real workbook with DOCTYPE in front of its shared strings and the
    entity `entity` used in the first string."""

    def change(name, data):
        if name == "xl/sharedStrings.xml":
            head, _, rest = data.partition(b"?>")
            return head + b"?>" + doctype + rest.replace(b"<t>", b"<t>&" + entity + b";", 1)
        return data

    rewrite(base, out, change)


def entity_bomb(base, out):
    """A billion-laughs DOCTYPE: ten levels of ten-fold entity expansion."""
    lol = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)
    )
    with_doctype(base, out, f"<!DOCTYPE sst [{lol}]>".encode(), b"lol9")


def external_entity(base, out):
    """An external entity (XXE) reading a local file into a cell."""
    doctype = b'<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    with_doctype(base, out, doctype, b"xxe")


def million_rows(base, out):
    """The real workbook with a million more rows in its task sheet."""
    entry = tasks_sheet_entry(base)

    def change(name, data):
        if name != entry:
            return data
        head, sep, tail = data.partition(b"</sheetData>")
        rows = b"".join(
            b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r) for r in range(200, 1_000_200)
        )
        return head + rows + sep + tail

    rewrite(base, out, change)


def docx(out):
    """A Word document saved under an .xlsx name."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>",
        )


def main(kind, base, out):
    makers = {
        "random": lambda: random_bytes(out),
        "truncated": lambda: truncated(base, out),
        "zip-bomb": lambda: zip_bomb(out),
        "lying-size": lambda: lying_size(base, out),
        "entity-bomb": lambda: entity_bomb(base, out),
        "external-entity": lambda: external_entity(base, out),
        "million-rows": lambda: million_rows(base, out),
        "docx": lambda: docx(out),
    }
    if kind not in makers:
        sys.exit(f"unknown kind {kind!r}")
    makers[kind]()
    if not os.path.exists(out):
        sys.exit("nothing written")


if __name__ == "__main__":
    main(*sys.argv[1:4])
