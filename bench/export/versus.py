"""Times `cchc export` of the 10,000-task month against openpyxl writing the
same cells, the two runs taking turns, so that both see the machine in the
same state (a shared virtual machine is faster or slower by the minute).

Usage: python3 versus.py ROUNDS CCHC DATABASE CELLS_PICKLE WORK_FOLDER

Prints each run (wall time, user + system CPU, peak memory), then the median
of each and the ratio of the medians.
"""
import os
import statistics
import subprocess
import sys
import time


def run(command):
    """Wall seconds, CPU seconds and peak memory (MB) of one process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    said = child.stderr.read().decode().strip()
    if status != 0:
        sys.exit(f"{command[0]} failed: {said}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, said


def main(rounds, cchc, database, cells, work):
    export = [cchc, "--db", database, "export", "--agency", "SNV", "--period", "2024-09",
              "--out", os.path.join(work, "big.xlsx")]
    writer = os.path.join(os.path.dirname(os.path.abspath(__file__)), "openpyxl_write.py")
    openpyxl = [sys.executable, writer, "write", cells, os.path.join(work, "openpyxl.xlsx")]
    walls = {"cchc export": [], "openpyxl": []}
    for _ in range(int(rounds)):
        for name, command in (("cchc export", export), ("openpyxl", openpyxl)):
            wall, cpu, peak, said = run(command)
            walls[name].append(wall)
            note = f"  ({said})" if said else ""
            print(f"{name:12} {wall:5.2f} s wall {cpu:5.2f} s CPU {peak:4.0f} MB{note}", flush=True)
    ours = statistics.median(walls["cchc export"])
    theirs = statistics.median(walls["openpyxl"])
    print(f"median wall: cchc export {ours:.3f} s, openpyxl {theirs:.3f} s: "
          f"cchc export is {theirs / ours:.1f}x faster")


if __name__ == "__main__":
    main(*sys.argv[1:])
