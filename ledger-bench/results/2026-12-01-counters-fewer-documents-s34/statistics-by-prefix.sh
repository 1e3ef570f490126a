#!/bin/bash
# st.sh PORT PREFIX N : p50/p99 of public stats for a division prefix
port=$1; p=$2; n=$3
for i in $(seq 1 $n); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/api/v1/public/stats?division=$p&year=2025" -H 'Accept: application/json'; done | sort -n | awk -v p=$p '{a[NR]=$1} END {printf "%-8s p50 %.1f ms  p99 %.1f ms  max %.1f ms (n=%d)\n", p, a[int(NR*0.5)]*1000, a[int(NR*0.99)]*1000, a[NR]*1000, NR}'
