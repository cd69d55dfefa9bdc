#!/usr/bin/env bash
# Proof by the compiler for an 'optimize --patch' diff: build the object that holds the structs
# from the distribution's kernel source with the distribution's config, once as shipped and once
# with the diff applied, run pahole on both objects, and compare the offsets and sizes of every
# member (nested ones included) of every struct the proposal holds with the layout footprint
# predicted for it.
#
# Not run in CI: a kernel object takes minutes, and the build needs
#   apt-get install linux-source-6.1 build-essential bc bison flex libelf-dev libssl-dev dwarves
#
# usage: scripts/optimize-proof.sh DIFF PROPOSED.pahole [STRUCT...]
#   DIFF       the file 'footprint optimize --source ... --patch DIFF' wrote
#   PROPOSED   the file '--output PROPOSED' wrote in the same run
#   STRUCT     the structs to check (default: every struct PROPOSED defines at top level, the
#              ones the diff re-orders and the ones it holds unchanged)
# environment:
#   OBJECT     the objects to build, space-separated (default arch/x86/kvm/vmx/vmx.o); the first is
#              the one pahole reads, the others are built to compile the diff's other files, e.g.
#              the CACHELINE_ASSERT_GROUP_* checks it adds to x86.c and kvm_main.c:
#              OBJECT="arch/x86/kvm/vmx/vmx.o arch/x86/kvm/kvm.o"
#   CONFIG     the kernel config (default models/layouts/debian-6.1/debian-6.1-config-6.1.0-50-amd64)
#   TARBALL    the source (default the newest /usr/src/linux-source-*.tar.xz)
#   LAYOUTS    the pahole files the proposal was computed from (space-separated, optional): the
#              unpatched object is then compared with them too, which tells a difference between
#              those layouts and this source tree apart from a wrong prediction
#   WORK       a folder kept between runs: the unpacked tree, its modules_prepare and the dumps
#              stay there, so a second run only recompiles OBJECT (default: a temporary folder,
#              removed at the end)
#   JOBS       make -j for modules_prepare (default 2)
# Exit 0 when every member sits where footprint said, 1 when one differs, 2 when the proof could
# not be run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "optimize-proof: $*" >&2; exit 2; }
[[ $# -ge 2 ]] || die "usage: scripts/optimize-proof.sh DIFF PROPOSED.pahole [STRUCT...]"
diff_file="$(realpath "$1")"
proposed="$(realpath "$2")"
shift 2
[[ -f $diff_file ]] || die "$diff_file: no such file"
[[ -f $proposed ]] || die "$proposed: no such file"
if [[ $# -gt 0 ]]; then
  structs=("$@")
else
  mapfile -t structs < <(sed -nE 's/^struct ([A-Za-z0-9_]+) \{.*/\1/p' "$proposed")
  [[ ${#structs[@]} -gt 0 ]] || die "$proposed: defines no struct"
fi
read -r -a objects <<< "${OBJECT:-arch/x86/kvm/vmx/vmx.o}"
object="${objects[0]}"
config="$(realpath "${CONFIG:-$here/models/layouts/debian-6.1/debian-6.1-config-6.1.0-50-amd64}")"
[[ -f $config ]] || die "$config: no such file"
tarball="${TARBALL:-$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -V | tail -1)}"
[[ -n $tarball && -f $tarball ]] || die "no kernel source tarball (set TARBALL or install linux-source-*)"
tarball="$(realpath "$tarball")"
jobs="${JOBS:-2}"
for tool in make gcc pahole patch jq tar; do
  command -v "$tool" >/dev/null || die "$tool is missing (see the header)"
done

if [[ -n ${WORK:-} ]]; then
  mkdir -p "$WORK"
  work="$(realpath "$WORK")"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
src="$work/src"

# The tree is unpacked once per tarball; a marker names the tarball it came from.
marker="$(stat -c '%n %s %Y' "$tarball")"
if [[ ! -f $src/.optimize-proof-tarball || "$(cat "$src/.optimize-proof-tarball")" != "$marker" ]]; then
  echo "optimize-proof: unpacking $tarball" >&2
  rm -rf "$src" "$work/unpack" "$work/applied.diff"
  mkdir -p "$work/unpack"
  tar -C "$work/unpack" -xf "$tarball"
  mv "$work/unpack"/linux-source-* "$src"
  rmdir "$work/unpack"
  echo "$marker" > "$src/.optimize-proof-tarball"
fi
# A diff a previous run left applied (interrupted) is taken back out first.
if [[ -f $work/applied.diff ]]; then
  (cd "$src" && patch -R -p1 -s < "$work/applied.diff")
  rm "$work/applied.diff"
fi
# The config is copied only when it changed, so make keeps what an earlier run prepared.
if ! cmp -s "$config" "$work/config.in"; then
  cp "$config" "$src/.config"
  cp "$config" "$work/config.in"
fi
echo "optimize-proof: make olddefconfig modules_prepare (-j$jobs; minutes the first time)" >&2
(cd "$src" && make -s olddefconfig && make -s -j"$jobs" modules_prepare)

struct_list="$(IFS=,; echo "${structs[*]}")"
build_and_dump() { # $1: the dump to write
  echo "optimize-proof: building ${objects[*]}" >&2
  (cd "$src" && make -s -j"$jobs" "${objects[@]}")
  pahole -E -C "$struct_list" "$src/$object" > "$1"
}
build_and_dump "$work/before.pahole"
(cd "$src" && patch -p1 --dry-run -s < "$diff_file" >/dev/null) || die "$diff_file does not apply to $tarball"
cp "$diff_file" "$work/applied.diff"
(cd "$src" && patch -p1 -s < "$work/applied.diff")
build_and_dump "$work/after.pahole"
(cd "$src" && patch -R -p1 -s < "$work/applied.diff")
rm "$work/applied.diff"

# One line per member, nested ones included: path, offset, size, bit offset, bit size; the
# struct's own size first. The zero-size markers __cacheline_group_begin/end (Linux 6.8+) that
# the diff adds are not members of the prediction: they are listed apart, each struct's own
# (markers).
members() { # $1: struct, rest: pahole files
  local s="$1"; shift
  "$here/footprint" layout "$@" --struct "$s" --format json | jq -r '
    def walk(p): .members[]? | select(.name | startswith("__cacheline_group_") | not)
      | (p + .name) as $q
      | "\($q) offset \(.offset) size \(.size)"
        + (if .bitSize then " bits \(.bitOffset):\(.bitSize)" else "" end),
        walk($q + ".");
    "sizeof \(.size)", walk("")'
}
markers() { # $1: struct, $2: pahole file
  "$here/footprint" layout "$2" --struct "$1" --format json | jq -r '
    [.members[] | select(.name | startswith("__cacheline_group_"))
      | "\(.name | ltrimstr("__cacheline_group_")) at \(.offset)"] | join(", ")'
}

status=0
total=0
moved=0
echo "optimize-proof: $tarball, config $(basename "$config"), object(s) ${objects[*]} (pahole of $object)"
echo "optimize-proof: diff $diff_file, proposal $proposed"
for s in "${structs[@]}"; do
  members "$s" "$proposed" > "$work/$s.predicted"
  members "$s" "$work/after.pahole" > "$work/$s.built"
  members "$s" "$work/before.pahole" > "$work/$s.shipped"
  n=$(($(wc -l < "$work/$s.built") - 1))
  total=$((total + n))
  # members the diff moved in the compiled object: the patch did something to this struct
  m=$(diff <(sort "$work/$s.shipped") <(sort "$work/$s.built") | grep '^> ' | grep -vc '^> sizeof ' || true)
  moved=$((moved + m))
  if diff -U0 "$work/$s.predicted" "$work/$s.built" > "$work/$s.diff"; then
    echo "struct $s: $n members, every one where footprint predicted ($m of them at another offset than in the unpatched build)"
  else
    status=1
    echo "struct $s: $n members, the compiled layout differs from the prediction (- predicted, + compiled):"
    grep -E '^[-+][^-+]' "$work/$s.diff" | sed 's/^/  /'
  fi
  g="$(markers "$s" "$work/after.pahole")"
  [[ -z $g ]] || echo "  cacheline group markers in the compiled struct: $g"
  if [[ -n ${LAYOUTS:-} ]]; then
    # shellcheck disable=SC2086  # LAYOUTS is a space-separated list of files
    members "$s" $LAYOUTS > "$work/$s.input" 2>> "$work/layouts.warnings"
    if ! diff -U0 "$work/$s.input" "$work/$s.shipped" > "$work/$s.input.diff"; then
      echo "  (the unpatched build differs from the input layouts: - input, + unpatched build)"
      grep -E '^[-+][^-+]' "$work/$s.input.diff" | sed 's/^/    /'
    fi
  fi
done
[[ ! -s $work/layouts.warnings ]] || sort -u "$work/layouts.warnings" >&2
rm -f "$work/layouts.warnings"
if [[ $status -eq 0 ]]; then
  echo "optimize-proof: ${#structs[@]} structs, $total members compared: the compiler put every member where footprint predicted ($moved of them at another offset than in the unpatched build)"
else
  echo "optimize-proof: ${#structs[@]} structs, $total members compared: the compiled layout differs from the prediction (above)"
fi
exit $status
