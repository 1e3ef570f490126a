#!/bin/bash
# soJ.sh NAME JARDIR KEPT WARMUP: so4.sh with a JFR of the restarted server (profile settings, written at its exit)
cd /tmp/b
java -jar $2/ledger-bench.jar --server-jar $2/ledger-server.jar --cases 2000 --queries 200 --reads-warm-up $4 --search-of $3 --out /tmp/b/so-$1 \
  --server-opts "-XX:StartFlightRecording=filename=/tmp/b/so-$1.jfr,settings=profile,dumponexit=true" > /tmp/b/so-$1.out 2>&1
echo "exit $?" >> /tmp/b/so-$1.out
rm -rf /tmp/gongshi-bench*
