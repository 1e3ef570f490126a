#!/bin/bash
# so.sh NAME JARS KEPT ... : only the public searches of a kept ledger (--search-of), one after the other; writes so.done
cd /tmp/b
while [ $# -ge 3 ]; do
  name=$1; jars=$2; kept=$3; shift 3
  rm -rf so-$name
  java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 2000 --queries 200 --search-of $kept --server-opts "" --out /tmp/b/so-$name > /tmp/b/so-$name.out 2>&1
done
echo DONE > so.done
