#!/usr/bin/env bash
# Compares Debian 6.1's struct kvm_vcpu with the hole-closing reorder of
# models/layouts/example/ on the bundled VMX exit trace (see that folder's README.md).
# Extra arguments go to 'footprint compare', e.g. --format html --output report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
d=models/layouts/debian-6.1
layouts=("$d/debian-6.1-kvm-intel.all.pahole" "$d/debian-6.1-vcpu_vmx.expanded.pahole"
         "$d/debian-6.1-kvm_lapic.expanded.pahole" "$d/debian-6.1-kvm.expanded.pahole"
         "$d/debian-6.1-kvm_run.pahole")
exec ./footprint compare --trace traces/kvm-6.1/vmx/vmx-exits.trace \
  --before "${layouts[@]}" \
  --after "${layouts[@]}" models/layouts/example/kvm_vcpu.reordered.pahole \
  --model skylake-sp "$@"
