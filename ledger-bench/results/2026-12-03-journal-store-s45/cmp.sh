#!/bin/bash
# usage: cmp.sh RUN... (directories with a summary.md, e.g. k100b k100j): key figures side by side
for r in "$@"; do
  f=$r/summary.md # run it in the results directory (or where the runs wrote their directories)
  [ -f $f ] || continue
  printf "%-6s" $r
  for k in "read models built from the generated ledger: events/s" "commands/s, 8 clients" "command p50, 8 clients" "command p99, 8 clients" "server CPU, 8 clients" "feed lag p99" "public record lag p99" "disk after load" ; do
    v=$(grep -F "| $k |" $f | head -1 | awk -F'|' '{print $3}' | xargs)
    n=""; [ "$k" = "server CPU, 8 clients" ] && n=$(grep -F "| $k |" $f | awk -F'|' '{print $7}' | grep -o "[0-9.]* ms of CPU")
    printf " | %s %s" "$v" "$n"
  done; echo
done
