#!/bin/bash
# floorpair.sh NAME JARS ... : small runs (100 cases) for the request floor and commands at 8 clients
cd /tmp/b
while [ $# -ge 2 ]; do
  name=$1; jars=$2; shift 2
  rm -rf fl-$name
  java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 100 --clients 8 --phase-seconds 20 --queries 20 --rebuild false --jfr-clients 0 --out /tmp/b/fl-$name > /tmp/b/fl-$name.out 2>&1
done
echo DONE > floorpair.done
