#!/bin/bash
# so4.sh NAME JARDIR KEPT "OPTS" WARMUP: the public searches of a kept ledger on a restarted server, then the run's copy removed
cd /tmp/b
java -jar $2/ledger-bench.jar --server-jar $2/ledger-server.jar --cases 2000 --queries 200 --reads-warm-up $5 --search-of $3 --out /tmp/b/so-$1 \
  --server-opts "$4" > /tmp/b/so-$1.out 2>&1
echo "exit $?" >> /tmp/b/so-$1.out
rm -rf /tmp/gongshi-bench*
