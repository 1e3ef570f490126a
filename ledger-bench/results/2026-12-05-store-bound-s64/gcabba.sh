#!/bin/bash
# commands at 2,000 cases, G1 (A) and Parallel (B), ABBA; then rebuilds of the kept 10k ledger ABBA
cd /tmp/b
bash cmdJ.sh GA1 jarsS 1,8 "" 0
bash cmdJ.sh GB1 jarsS 1,8 "-XX:+UseParallelGC" 0
bash cmdJ.sh GB2 jarsS 1,8 "-XX:+UseParallelGC" 0
bash cmdJ.sh GA2 jarsS 1,8 "" 0
for r in "RA1|" "RB1|-XX:+UseParallelGC" "RB2|-XX:+UseParallelGC" "RA2|"; do
  n=${r%%|*}; o=${r#*|}
  rm -rf /tmp/b/rb-$n
  java -jar jarsS/ledger-bench.jar --server-jar jarsS/ledger-server.jar --cases 10000 --rebuild-of /tmp/b/keep10k --server-opts "$o" --out /tmp/b/rb-$n > /tmp/b/rb-$n.out 2>&1
done
echo ALLDONE > /tmp/b/gcabba.done
