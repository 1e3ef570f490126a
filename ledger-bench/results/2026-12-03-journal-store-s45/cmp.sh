#!/bin/bash
# usage: cmp.sh run... : key figures side by side
for r in "$@"; do
  f=/tmp/bench45/$r/summary.md
  [ -f $f ] || continue
  printf "%-6s" $r
  for k in "read models built from the generated ledger: events/s" "commands/s, 8 clients" "command p50, 8 clients" "command p99, 8 clients" "server CPU, 8 clients" "feed lag p99" "public record lag p99" "disk after load" ; do
    v=$(grep -F "| $k |" $f | head -1 | awk -F'|' '{print $3}' | xargs)
    n=""; [ "$k" = "server CPU, 8 clients" ] && n=$(grep -F "| $k |" $f | awk -F'|' '{print $7}' | grep -o "[0-9.]* ms of CPU")
    printf " | %s %s" "$v" "$n"
  done; echo
done
