#!/bin/bash
# spj.sh NAME JARS ... : sp.sh's run with a JFR of the server from the end of the copy for 20 s; writes spj.done
cd /tmp/b
while [ $# -ge 2 ]; do
  name=$1; jars=$2; shift 2
  rm -rf sp-$name sp-$name.jfr
  java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 2000 --clients 1 --phase-seconds 5 --queries 200 --search-records 100000 --rebuild false --jfr-clients 0 --server-opts "" --out /tmp/b/sp-$name > /tmp/b/sp-$name.out 2>&1 &
  bench=$!
  until grep -q "public records$" /tmp/b/sp-$name.out 2>/dev/null || ! kill -0 $bench 2>/dev/null; do sleep 0.2; done
  server=$(pgrep -P $bench | head -1)
  jcmd $server JFR.start name=q duration=${JFRSECS:-20}s filename=/tmp/b/sp-$name.jfr settings=profile > /dev/null 2>&1
  wait $bench
done
echo DONE > spj.done
