#!/bin/bash
# cmdpair.sh NAME JARS "OPTS" ... : 2,000-case command runs one after the other; writes cmdpair.done
cd /tmp/b
while [ $# -ge 3 ]; do
  name=$1; jars=$2; opts=$3; shift 3
  rm -rf cmd-$name
  java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 2000 --clients 1,8 --phase-seconds 30 --queries 20 --rebuild false --jfr-clients 0 --server-opts "$opts" --out /tmp/b/cmd-$name > /tmp/b/cmd-$name.out 2>&1
done
echo DONE > cmdpair.done
