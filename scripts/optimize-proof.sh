#!/usr/bin/env bash
# Proof by the compiler for an 'optimize --patch' diff: apply it to the distribution's kernel
# source, build the object that holds the struct with the distribution's config, run pahole on
# it, and compare the offsets pahole prints with the layout footprint predicted.
#
# Not run in CI: a kernel object takes minutes, and the build needs
#   apt-get install linux-source-6.1 build-essential bc bison flex libelf-dev libssl-dev dwarves
#
# usage: scripts/optimize-proof.sh DIFF PROPOSED.pahole STRUCT [OBJECT] [CONFIG] [TARBALL]
#   DIFF           the file 'footprint optimize --source ... --patch DIFF' wrote
#   PROPOSED       the file '--output PROPOSED' wrote in the same run
#   STRUCT         a struct the diff re-orders (e.g. vcpu_vmx)
#   OBJECT         the object to build (default arch/x86/kvm/vmx/vmx.o)
#   CONFIG         the kernel config (default models/layouts/debian-6.1/debian-6.1-config-6.1.0-50-amd64)
#   TARBALL        the source (default the newest /usr/src/linux-source-*.tar.xz)
# Exit 0 when every member of STRUCT sits where footprint said, 1 when one differs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
diff_file="$(realpath "$1")"
proposed="$(realpath "$2")"
struct="$3"
object="${4:-arch/x86/kvm/vmx/vmx.o}"
config="$(realpath "${5:-$here/models/layouts/debian-6.1/debian-6.1-config-6.1.0-50-amd64}")"
tarball="${6:-$(ls /usr/src/linux-source-*.tar.xz | sort -V | tail -1)}"
for tool in make gcc pahole patch; do
  command -v "$tool" >/dev/null || { echo "optimize-proof: $tool is missing (see the header)" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "optimize-proof: unpacking $tarball" >&2
tar -C "$work" -xf "$tarball"
src="$(ls -d "$work"/linux-source-*)"
(cd "$src" && patch -p1 < "$diff_file")
cp "$config" "$src/.config"
echo "optimize-proof: building $object (minutes)" >&2
(cd "$src" && make olddefconfig >/dev/null && make -j"$(nproc)" modules_prepare >/dev/null && make "$object")
pahole -E -C "$struct" "$src/$object" > "$work/built.pahole"
"$here/footprint" layout "$work/built.pahole" --struct "$struct" | grep -E '/\* +[0-9]+ +[0-9]+ \*/' \
  | sed -E 's/[[:space:]]+/ /g' > "$work/built.offsets"
"$here/footprint" layout "$proposed" --struct "$struct" | grep -E '/\* +[0-9]+ +[0-9]+ \*/' \
  | sed -E 's/[[:space:]]+/ /g' > "$work/predicted.offsets"
if diff -u "$work/predicted.offsets" "$work/built.offsets"; then
  echo "optimize-proof: struct $struct: the compiler put every member where footprint predicted"
else
  echo "optimize-proof: struct $struct: the compiled layout differs from the prediction (above)" >&2
  exit 1
fi
