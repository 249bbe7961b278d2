"""Time `headway smart "goal"` end to end, as a user runs it: wall and CPU time per run.

    .venv/bin/python bench/smart_cli.py [--runs 10]

Prints the median and best wall time and the median CPU time (user + system of the child). On a
shared machine wall time includes waiting for a core; CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

GOAL = "Get hired as a junior data analyst at a healthcare company by June 2027"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    headway = Path(sys.executable).with_name("headway")
    walls, cpus = [], []
    for _ in range(args.runs):
        before = os.times()
        start = time.perf_counter()
        subprocess.run([str(headway), "smart", GOAL], check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(
            (after.children_user - before.children_user)
            + (after.children_system - before.children_system)
        )
    print(f'headway smart "{GOAL}" ({args.runs} runs)')
    print(f"  wall: median {statistics.median(walls):.3f} s, best {min(walls):.3f} s")
    print(f"  CPU:  median {statistics.median(cpus):.3f} s")
    print(f"  load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
