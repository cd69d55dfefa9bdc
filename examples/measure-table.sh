#!/usr/bin/env bash
# Prediction against measurement on this machine (README "Prediction against measurement"):
# calibrates the CPU (unless DIR/calibrated.json exists), then runs 'footprint measure' for the
# README's main example (Linux 7.2 vcpu_vmx grouped-scalars reorder, VMX trace) and for what
# 'optimize --object vmx' proposes for the same object, at guest working sets 0, 64k, 256k, 1m
# and 4m, and prints the table:
# measured difference (cycles per exit, after - before, 95% half-width over rounds), timed with the
# guest phase (predicted: estimated cycles) and the exit alone (predicted: the exit's own stall),
# predicted difference on the calibrated model, their ratio, and the same with the memory-level
# parallelism that best fits the measurements, which it writes as DIR/calibrated-fit.json; where a
# measured difference is inside its noise, the smallest MLP that keeps the prediction (stalls
# undivided / MLP) within the measurement's 95% interval.
#   usage: examples/measure-table.sh [DIR] [ROUNDS]    (DIR default: a new temporary folder)
#          TABLE_ONLY=1 examples/measure-table.sh DIR    (the table again from DIR/results)
# Needs python3 for the table. About 15 minutes on a 2-core machine with the default 8 rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-$(mktemp -d)}"
rounds="${2:-8}"
mkdir -p "$dir/results"   # not in $dir itself: every *.json there is read as a CPU model
# TABLE_ONLY=1 prints the table again from DIR/results without measuring.
if [[ -z ${TABLE_ONLY:-} ]]; then
sweep=0,64k,256k,1m,4m
if [[ ! -f "$dir/calibrated.json" ]]; then
  ./footprint calibrate --output "$dir/calibrated.json" --quiet > "$dir/calibrate.txt"
fi
d=models/layouts/debian-7.2
lay=("$d/debian-7.2-vcpu_vmx.expanded.pahole" "$d/debian-7.2-kvm_lapic.expanded.pahole"
     "$d/debian-7.2-kvm.expanded.pahole" "$d/debian-7.2-kvm_run.pahole")
layouts=("$d/debian-7.2-kvm-intel.all.pahole" "${lay[@]}")
trace=traces/kvm-7.2/vmx/vmx-exits.trace
./footprint optimize --trace "$trace" --layout "${lay[@]}" --object vmx \
  --output "$dir/vmx.optimised.pahole" > "$dir/optimize.txt"
measure() { # NAME AFTER-FILE
  ./footprint measure --trace "$trace" --models "$dir" --model calibrated --guest-sweep "$sweep" \
    --rounds "$rounds" --format json --before "${layouts[@]}" --after "${layouts[@]}" "$2" \
    > "$dir/results/measure-$1.json"
}
measure reorder models/layouts/example-7.2/vcpu_vmx.reordered.pahole
measure optimize "$dir/vmx.optimised.pahole"
fi
python3 - "$dir" <<'PY'
import json, re, sys
d = sys.argv[1]
rows = []
timed = {"WITH_GUEST": "with the guest", "EXIT_ALONE": "exit alone"}
for name, label in (("reorder", "7.2 vcpu_vmx reorder"), ("optimize", "7.2 optimize --object vmx")):
    m = json.load(open(f"{d}/results/measure-{name}.json"))
    mlp = m["modelMlp"]
    for p in m["points"]:
        for t in (p["withGuest"], p["exitAlone"]):
            clock = t["clockGhz"]
            meas, half = t["diffNanos"] * clock, t["diffHalfWidthNanos"] * clock
            rows.append((label, p["guestBytes"], timed[t["timing"]], meas, half, t["predictedDiffCycles"],
                         t["predictedDiffCyclesMlp1"]))
# The MLP that fits: weighted least squares of measured ~ predicted(MLP 1) / MLP over every row
# with a prediction of at least one cycle, each weighted by 1 / its variance (half-width / 1.96
# squared), and the 95% range of 1 / MLP. Every row counts, not only those above their noise:
# keeping only rows whose difference came out large would pick the lucky draws and bias the fit
# towards a low MLP.
def sigma(half):
    return max(half, 1e-9) / 1.96
fit = [r for r in rows if abs(r[6]) >= 1]
num = sum(r[6] * r[6] / sigma(r[4]) ** 2 for r in fit)
den = sum(r[6] * r[3] / sigma(r[4]) ** 2 for r in fit)
implied = num / den if fit and den > 0 else float("nan")
inv_half = 1.96 / num ** 0.5 if fit else float("nan")
def size(b):
    for u, s in ((1 << 20, "m"), (1 << 10, "k")):
        if b and b % u == 0:
            return f"{b // u}{s}"
    return str(b)
def ratio(a, b):
    # A prediction under half a cycle is no difference: a ratio to it says nothing.
    return f"{a / b:.2f}" if b == b and abs(b) >= 0.5 else "-"
print(f"calibrated model: clock {clock:.2f} GHz, memory-level parallelism {mlp:.2f} (measured, {d}/calibrated.json)")
against = [r for r in rows if abs(r[3]) > r[4]]
print(f"rows whose measured difference exceeds its noise: {len(against)} of {len(rows)}"
      + "".join(f"; {r[0]}, {size(r[1])}, {r[2]}: sign {'agrees' if (r[3] > 0) == (r[5] > 0) else 'DISAGREES'}"
                f" with the calibrated prediction" for r in against if abs(r[5]) >= 0.5))
if implied == implied:
    lo = 1 / (den / num + inv_half)
    hi = 1 / (den / num - inv_half) if den / num > inv_half else float("inf")
    print(f"MLP implied by the measurements (weighted least squares over {len(fit)} rows): {implied:.2f},"
          f" 95% range {lo:.1f} to {hi:.1f}")
else:
    print("MLP implied by the measurements: none fitted (the measured differences do not lean the predicted way)")
    fit = []
print()
def at_least(meas, half, pred1):
    # Inside the noise: any MLP m with |pred1 / m - meas| <= half fits; the smallest is |pred1| / (|meas| + half)
    # when the prediction has the measurement's sign or the interval holds 0.
    if abs(pred1) < 1 or abs(meas) > half:
        return "-"
    return f">= {abs(pred1) / (abs(meas) + half):.1f}"
fitted = f" predicted, MLP {implied:.2f} | ratio |" if fit else ""
print(f"| example | guest ws | timed | measured diff (cycles/exit) | predicted, calibrated (MLP {mlp:.2f}) | ratio | predicted, MLP 1 | MLP the measurement allows |{fitted}")
print("|---|---|---|---|---|---|---|---|" + ("---|---|" if fit else ""))
for label, ws, how, meas, half, pred, pred1 in rows:
    noise = " (below noise)" if abs(meas) <= half else ""
    adj = pred1 / implied if implied == implied and implied != 0 else float("nan")
    tail = f" {adj:+.1f} | {ratio(meas, adj)} |" if fit else ""
    print(f"| {label} | {size(ws)} | {how} | {meas:+.1f} +/- {half:.1f}{noise} | {pred:+.1f} | {ratio(meas, pred)} | {pred1:+.1f} | {at_least(meas, half, pred1)} |{tail}")
if fit:
    model = json.load(open(f"{d}/calibrated.json"))
    model["id"] = "calibrated-fit"
    model["memoryLevelParallelism"] = {
        "value": round(max(1.0, implied), 2),
        "source": f"fitted by examples/measure-table.sh: footprint measure differences (README reorder and optimize"
                  f" --object vmx proposal, guest 0-4m, timed with the guest and the exit alone) against simulate with"
                  f" undivided stalls; weighted least squares over {len(fit)} rows gives {implied:.2f} (95% range"
                  f" {lo:.1f} to {hi:.1f}; the model needs at least 1)",
        "basis": "measured"}
    json.dump(model, open(f"{d}/calibrated-fit.json", "w"), indent=2)
    print(f"\nwrote {d}/calibrated-fit.json (memoryLevelParallelism {model['memoryLevelParallelism']['value']})")
PY
