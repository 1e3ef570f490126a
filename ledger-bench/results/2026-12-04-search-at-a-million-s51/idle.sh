#!/bin/bash
# idle.sh PID SECONDS: the process's CPU over SECONDS as % of one core, and its busiest thread groups
pid=$1; s=${2:-60}; hz=$(getconf CLK_TCK)
snap() { for t in /proc/$pid/task/*; do st=$(cat $t/stat 2>/dev/null) || continue; name=$(sed 's/.*(\(.*\)).*/\1/' <<<"$st" | tr -d '0-9'); rest=${st##*) }; set -- $rest; echo "$name|$((${12}+${13}))"; done | awk -F'|' '{a[$1]+=$2} END {for (k in a) print k"|"a[k]}' | sort; }
total() { awk '{print $14+$15}' /proc/$pid/stat; }
a=$(total); snap > /tmp/idle-a.txt; sleep $s; b=$(total); snap > /tmp/idle-b.txt
echo "process: $(echo "scale=2; ($b-$a)*100/$hz/$s" | bc) % of a core over $s s ($((b-a)) ticks at $hz Hz)"
join -t'|' /tmp/idle-a.txt /tmp/idle-b.txt | awk -F'|' -v hz=$hz -v s=$s '{d=$3-$2; if (d>0) printf "  %6.2f %%  %s\n", d*100/hz/s, $1}' | sort -rn | head -12
