#!/usr/bin/env bash
# Proof by the compiler for an 'optimize --patch' diff: apply it to the distribution's kernel
# source, build the object that holds the struct with the distribution's config, run pahole on
# it, and compare the offsets pahole prints with the layout footprint predicted.
#
# Not run in CI: a kernel object takes minutes, and the build needs
#   apt-get install linux-source-6.1 build-essential bc bison flex libelf-dev libssl-dev dwarves
#
# usage: scripts/optimize-proof.sh DIFF PROPOSED.pahole STRUCT[,STRUCT...] [OBJECT] [CONFIG] [TARBALL]
#   DIFF           the file 'footprint optimize --source ... --patch DIFF' wrote
#   PROPOSED       the file '--output PROPOSED' wrote in the same run
#   STRUCT         the structs to check, e.g. vcpu_vmx,kvm_vcpu,kvm_vcpu_arch: every member at
#                  every depth (nested structs expanded) is compared, offset and size
#   OBJECT         the object to build (default arch/x86/kvm/vmx/vmx.o)
#   CONFIG         the kernel config (default models/layouts/debian-6.1/debian-6.1-config-6.1.0-50-amd64)
#   TARBALL        the source (default the newest /usr/src/linux-source-*.tar.xz)
# KEEP=DIR keeps the patched, built tree in DIR (a second run with the same DIR skips the
# unpacking and rebuilds only what the diff changed).
# Exit 0 when every member of every STRUCT sits where footprint said, 1 when one differs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
diff_file="$(realpath "$1")"
proposed="$(realpath "$2")"
structs="$3"
object="${4:-arch/x86/kvm/vmx/vmx.o}"
config="$(realpath "${5:-$here/models/layouts/debian-6.1/debian-6.1-config-6.1.0-50-amd64}")"
tarball="${6:-$(ls /usr/src/linux-source-*.tar.xz | sort -V | tail -1)}"
for tool in make gcc pahole patch; do
  command -v "$tool" >/dev/null || { echo "optimize-proof: $tool is missing (see the header)" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tree="${KEEP:-$work/tree}"
mkdir -p "$tree"
if [[ ! -f "$tree/.footprint-proof-patched" ]]; then
  echo "optimize-proof: unpacking $tarball" >&2
  tar -C "$tree" -xf "$tarball"
  src="$(ls -d "$tree"/linux-source-*)"
  (cd "$src" && patch -p1 < "$diff_file")
  cp "$config" "$src/.config"
  touch "$tree/.footprint-proof-patched"
fi
src="$(ls -d "$tree"/linux-source-*)"
echo "optimize-proof: building $object in $src (minutes)" >&2
(cd "$src" && make olddefconfig >/dev/null && make -j"$(nproc)" modules_prepare >/dev/null && make "$object" >/dev/null)
status=0
offsets() { # FILE STRUCT: one line per member, its path, offset and size as footprint lays it out
  "$here/footprint" layout "$1" --struct "$2" | grep -E '/\* +[0-9]+(: *[0-9]+)? +[0-9]+ \*/' | sed -E 's/[[:space:]]+/ /g'
}
for struct in ${structs//,/ }; do
  pahole -E -C "$struct" "$src/$object" > "$work/built-$struct.pahole"
  offsets "$work/built-$struct.pahole" "$struct" > "$work/built.offsets"
  offsets "$proposed" "$struct" > "$work/predicted.offsets"
  n="$(wc -l < "$work/predicted.offsets")"
  if [[ "$n" -gt 0 ]] && diff -u "$work/predicted.offsets" "$work/built.offsets"; then
    echo "optimize-proof: struct $struct: the compiler put all $n members where footprint predicted"
  else
    echo "optimize-proof: struct $struct: the compiled layout differs from the prediction (above)" >&2
    status=1
  fi
done
exit "$status"
