#!/bin/bash
for j in B A; do
 java -jar jars$j/ledger-bench.jar --server-jar jars$j/ledger-server.jar --cases 100000 --generate in-process --deadlines hold --clients 1,8 --phase-seconds 20 --queries 20 --jfr-clients 0 --rebuild false --out /tmp/b/h100k-$j --server-opts "-XX:TieredStopAtLevel=1" > /tmp/b/h100k-$j.out 2>&1
 rm -rf /tmp/gongshi-bench*
done
echo done > /tmp/b/seq6.done
