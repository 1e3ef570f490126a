#!/bin/bash
# rebuilds of the kept 10,000-case ledger with server options: rbopts.sh NAME JARS "OPTS" [NAME JARS "OPTS"]...
cd /tmp/b
while [ $# -ge 3 ]; do
  name=$1; jars=$2; opts=$3; shift 3
  rm -rf rb-$name
  java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 10000 --rebuild-of /tmp/b/keep10k --server-opts "$opts" --out /tmp/b/rb-$name > rb-$name.out 2>&1
done
echo DONE > rbopts.done
