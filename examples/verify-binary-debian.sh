#!/usr/bin/env bash
# Checks the bundled 6.12 and 7.2 traces against the code of Debian's kvm modules of the same
# version: footprint trace verify --binary, one run per traces/kvm-VERSION/VENDOR trace.
#   examples/verify-binary-debian.sh [KO_ROOT]
# KO_ROOT holds VERSION/{kvm,kvm-intel,kvm-amd}.ko with DWARF, extracted from Debian's
# linux-image-*-dbg packages (default /work/kernels/ko; see issue 10 for how they were fetched:
# linux-image-6.12.117+deb13-amd64-dbg, linux-image-7.2.13+deb14-amd64-dbg). There is no 6.1
# debug module at hand, so the 6.1 traces are not checked here. Each report is written to
# examples/results/verify-binary-VERSION-VENDOR.txt and its summary printed.
set -euo pipefail
cd "$(dirname "$0")/.."
ko_root=${1:-/work/kernels/ko}
mkdir -p examples/results
for version in 6.12 7.2; do
  L=models/layouts/debian-$version
  for vendor in vmx svm; do
    trace=traces/kvm-$version/$vendor/$vendor-exits.trace
    if [[ ! -f $trace ]]; then
      echo "$trace: not bundled yet, skipped"
      continue
    fi
    if [[ $vendor == vmx ]]; then
      module=kvm-intel.ko vcpu=vcpu_vmx
    else
      module=kvm-amd.ko vcpu=vcpu_svm
    fi
    if [[ ! -f $ko_root/$version/$module ]]; then
      echo "$trace: no $ko_root/$version/$module, skipped"
      continue
    fi
    out=examples/results/verify-binary-$version-$vendor.txt
    ./footprint trace verify "$trace" --binary "$ko_root/$version/$module" "$ko_root/$version/kvm.ko" \
      --layout "$L/debian-$version-${module%.ko}.all.pahole" "$L/debian-$version-$vcpu.expanded.pahole" "$L/debian-$version-kvm_lapic.expanded.pahole" \
      "$L/debian-$version-kvm.expanded.pahole" "$L/debian-$version-kvm_run.pahole" > "$out"
    echo "== $trace (report: $out)"
    sed -n '2,/^  confirmed:/p' "$out"
  done
done
