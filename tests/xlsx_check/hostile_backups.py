#!/usr/bin/env python3
"""Makes the small hostile backup archives that restore must refuse in seconds,
without exhausting memory and without writing into the data folder.

Usage: hostile_backups.py KIND BASE OUT
  BASE is a real backup (cchc backup); KIND one of:
  manifest-spaces   the real manifest followed by 1 GiB of spaces (valid JSON)
  database-zeros    the database is 1 GiB of zeros; the manifest agrees (hash, size)
  database-lying    the database inflates to 1 GiB of zeros but its central
                    directory and the manifest declare the real database's size
  evidence-zeros    one more evidence file of 1 GiB of zeros, listed in the manifest
  many-files        100,000 evidence files listed in the manifest, none in the archive
  missing-files     40,000 evidence files listed in the manifest, none in the archive
  duplicate-files   the real evidence file listed 40,000 times
"""

import hashlib
import json
import struct
import sys
import zipfile

GIB = 1 << 30
CHUNK = 1 << 20


def read_base(base):
    with zipfile.ZipFile(base) as z:
        manifest = json.loads(z.read("manifest.json"))
        entries = {n: z.read(n) for n in z.namelist() if n != "manifest.json"}
    return manifest, entries


def write(out, manifest, entries, spaces=False, big=None):
    """Writes the archive; `big` is (name, byte) for an entry of 1 GiB of that byte."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in entries.items():
            z.writestr(name, data)
        if big is not None:
            name, byte = big
            with z.open(name, "w") as f:
                chunk = bytes([byte]) * CHUNK
                for _ in range(GIB // CHUNK):
                    f.write(chunk)
        with z.open("manifest.json", "w", force_zip64=True) as f:
            f.write(json.dumps(manifest).encode())
            if spaces:
                blank = b" " * CHUNK
                for _ in range(GIB // CHUNK):
                    f.write(blank)


def zeros_sha256():
    h = hashlib.sha256()
    chunk = b"\0" * CHUNK
    for _ in range(GIB // CHUNK):
        h.update(chunk)
    return h.hexdigest()


def fake_names(count):
    return [hashlib.sha256(str(i).encode()).hexdigest() for i in range(count)]


def patch_declared_size(out, name, size):
    """Sets the uncompressed size of entry `name` in the central directory and
    its local header to `size` (the data still inflates to its real size)."""
    data = bytearray(open(out, "rb").read())
    pos = data.find(b"PK\x01\x02")
    encoded = name.encode()
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + name_len] == encoded:
            struct.pack_into("<I", data, pos + 24, size)
            local = struct.unpack_from("<I", data, pos + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
        pos = data.find(b"PK\x01\x02", pos + 4)
    open(out, "wb").write(bytes(data))


def main(kind, base, out):
    manifest, entries = read_base(base)
    if kind == "manifest-spaces":
        write(out, manifest, entries, spaces=True)
    elif kind == "database-zeros":
        del entries["cchc.sqlite3"]
        manifest["database"] = {"sha256": zeros_sha256(), "size": GIB}
        write(out, manifest, entries, big=("cchc.sqlite3", 0))
    elif kind == "database-lying":
        real_size = len(entries.pop("cchc.sqlite3"))
        write(out, manifest, entries, big=("cchc.sqlite3", 0))
        patch_declared_size(out, "cchc.sqlite3", real_size)
    elif kind == "evidence-zeros":
        sha = zeros_sha256()
        manifest["files"].append({"sha256": sha, "size": GIB})
        write(out, manifest, entries, big=("evidence/" + sha, 0))
    elif kind == "many-files":
        manifest["files"] += [{"sha256": n, "size": 10} for n in fake_names(100_000)]
        write(out, manifest, entries)
    elif kind == "missing-files":
        manifest["files"] += [{"sha256": n, "size": 10} for n in fake_names(40_000)]
        write(out, manifest, entries)
    elif kind == "duplicate-files":
        manifest["files"] = manifest["files"] * 40_000
        write(out, manifest, entries)
    else:
        sys.exit(f"unknown kind {kind!r}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
