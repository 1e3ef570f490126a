#!/bin/bash
# sp.sh NAME JARS ... : public search at 100,000 records (copies), one run after the other; writes sp.done
cd /tmp/b
while [ $# -ge 2 ]; do
  name=$1; jars=$2; shift 2
  rm -rf sp-$name
  java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 2000 --clients 1 --phase-seconds 5 --queries 200 --search-records 100000 --rebuild false --jfr-clients 0 --server-opts "" --out /tmp/b/sp-$name > /tmp/b/sp-$name.out 2>&1
done
echo DONE > sp.done
