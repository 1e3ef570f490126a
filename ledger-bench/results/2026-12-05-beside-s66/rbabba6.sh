#!/bin/bash
# alternating rebuilds of the kept 10,000-case ledger, three of each: rbabba6.sh PREFIX jarsA jarsB
p=$1; a=$2; b=$3
cd /tmp/b
for run in A1:$a B1:$b B2:$b A2:$a A3:$a B3:$b; do
  name=${run%%:*}; jars=${run#*:}
  rm -rf rb-$p$name
  java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 10000 --rebuild-of /tmp/b/keep10k --server-opts "" --out /tmp/b/rb-$p$name > rb-$p$name.out 2>&1
done
echo DONE > rb-$p.done
