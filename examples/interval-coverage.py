#!/usr/bin/env python3
"""Checks that compare's intervals hold across seeds.

Runs the README's main compare (examples/compare-kvm-vcpu-reorder.sh) with --seed 1..N
(--placements 1 --guest-sweep 0 by default, to be quick), pools the N mean differences in
estimated cycles per exit, and counts, for the mix and for each fastpath exit, in how many of
the N printed 95% intervals the pooled mean lies. Nominal coverage is 95%; the check passes
when it holds in at least 8 of 10 (scaled for other N) for every row. Exit 1 otherwise.

    examples/interval-coverage.py                 # seeds 1..10
    examples/interval-coverage.py --seeds 20 -- --replicates 20
    examples/interval-coverage.py --from DIR      # JSON reports already written as DIR/s<seed>.json
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def cycles(row):
    """The estimated-cycles difference of a row: (diff, low, high)."""
    m = row["metrics"]
    c = m["estimated_cycles"] if isinstance(m, dict) else next(x for x in m if x["metric"]["kind"] == "ESTIMATED")
    return c["diff"], c.get("ciLow", c.get("ci_low")), c.get("ciHigh", c.get("ci_high"))


def report(seed, args):
    if args.source:
        with open(os.path.join(args.source, "s%d.json" % seed)) as f:
            return json.load(f)
    cmd = [os.path.join(HERE, "compare-kvm-vcpu-reorder.sh"), "--seed", str(seed), "--placements", "1",
           "--guest-sweep", "0", "--format", "json", "--quiet"] + args.extra
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seeds", type=int, default=10)
    p.add_argument("--from", dest="source")
    p.add_argument("extra", nargs="*", help="more compare arguments (after --)")
    args = p.parse_args()
    rows = {}
    for seed in range(1, args.seeds + 1):
        model = report(seed, args)["models"][0]
        for row in model["rows"]:
            if row["fastpath"] or row["exit"] == "mix":
                rows.setdefault(row["exit"], []).append(cycles(row))
    need = -(-8 * args.seeds // 10)
    ok = True
    print("%-22s %8s %8s %9s %s" % ("row", "pooled", "min", "max", "pooled mean inside"))
    for name, values in rows.items():
        pooled = sum(v[0] for v in values) / len(values)
        inside = sum(1 for _, low, high in values if low <= pooled <= high)
        ok &= inside >= need and len(values) == args.seeds
        print("%-22s %+8.2f %+8.2f %+9.2f %d of %d" % (name, pooled, min(v[0] for v in values),
                                                     max(v[0] for v in values), inside, len(values)))
    print("pass" if ok else "FAIL: fewer than %d of %d intervals hold the pooled mean" % (need, args.seeds))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
