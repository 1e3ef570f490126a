#!/bin/bash
for r in C-N1:jarsN3 C-H1:jarsH C-N2:jarsN3 C-H2:jarsH; do
  IFS=: read n j <<< "$r"
  echo "$(date +%T) start $n" >> /tmp/b/seqC.log
  java -jar /tmp/b/$j/ledger-bench.jar --server-jar /tmp/b/$j/ledger-server.jar --cases 2000 --clients 1 --phase-seconds 5 \
    --jfr-clients 0 --search-records 100000 --rebuild false --out /tmp/b/$n > /tmp/b/$n.out 2>&1
  rm -rf /tmp/gongshi-bench*
  echo "$(date +%T) end $n" >> /tmp/b/seqC.log
done
echo done >> /tmp/b/seqC.log
