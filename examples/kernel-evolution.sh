#!/usr/bin/env bash
# The "kernel evolution" table of the README: per exit, the cachelines its accesses touch and the
# floor a perfect layout would reach (trace stats: touched / ideal lines, 64-byte lines, every
# object line-aligned), for the bundled traces of Linux 6.1, 6.12 and 7.2 on Debian's layouts of
# the same version. All bundled CPU models have 64-byte lines, so the table holds for each of them.
#   examples/kernel-evolution.sh [vmx|svm]...     (default: vmx svm)
# Prints one Markdown table per vendor; a version whose trace is not bundled shows "-".
set -euo pipefail
cd "$(dirname "$0")/.."
command -v jq >/dev/null || { echo "kernel-evolution: needs jq (apt-get install jq)" >&2; exit 2; }
versions=(6.1 6.12 7.2)
vendors=("$@")
(( ${#vendors[@]} )) || vendors=(vmx svm)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for vendor in "${vendors[@]}"; do
  vcpu=vcpu_$vendor
  if [[ $vendor == vmx ]]; then module=kvm-intel; else module=kvm-amd; fi
  for v in "${versions[@]}"; do
    trace=traces/kvm-$v/$vendor/$vendor-exits.trace
    [[ -f $trace ]] || continue
    L=models/layouts/debian-$v
    whole=()  # the whole module's dump defines the structs without a dump of their own (struct vmcb)
    [[ -f $L/debian-$v-$module.all.pahole ]] && whole=("$L/debian-$v-$module.all.pahole")
    ./footprint trace stats "$trace" --format json --layout "${whole[@]}" "$L/debian-$v-$vcpu.expanded.pahole" \
      "$L/debian-$v-kvm_lapic.expanded.pahole" "$L/debian-$v-kvm.expanded.pahole" "$L/debian-$v-kvm_run.pahole" \
      2>/dev/null > "$tmp/$v.json"
  done
  echo "**$vendor** (touched / ideal 64-byte lines per exit: all objects; in brackets the vCPU's own \`struct $vcpu\` (object \`$vendor\`))"
  echo
  header="| exit |"; rule="|---|"
  for v in "${versions[@]}"; do header+=" $v |"; rule+="---:|"; done
  echo "$header"; echo "$rule"
  # exits in order of first appearance, oldest kernel first
  exits=$(for v in "${versions[@]}"; do if [[ -f $tmp/$v.json ]]; then jq -r '.exits[].exit' "$tmp/$v.json"; fi; done \
    | awk '!seen[$0]++')
  for e in $exits; do
    row="| \`$e\` |"
    for v in "${versions[@]}"; do
      if [[ -f $tmp/$v.json ]]; then
        cell=$(jq -r --arg e "$e" --arg o "$vendor" '.exits[] | select(.exit == $e)
          | "\(.touchedLines) / \(.idealLines) (\(.objects[] | select(.object == $o) | "\(.touchedLines) / \(.idealLines)"))"
          + (if .fastpath then ", fastpath" else "" end)' "$tmp/$v.json")
        row+=" ${cell:--} |"
      else
        row+=" - |"
      fi
    done
    echo "$row"
  done
  missing=()
  for v in "${versions[@]}"; do [[ -f $tmp/$v.json ]] || missing+=("$v"); done
  if (( ${#missing[@]} )); then
    echo; echo "Not bundled yet for $vendor: ${missing[*]}."
  fi
  echo
  rm -f "$tmp"/*.json
done
