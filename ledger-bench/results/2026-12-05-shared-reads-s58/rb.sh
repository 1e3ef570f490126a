#!/bin/bash
# usage: rb.sh NAME JARDIR "server opts"
name=$1; jars=$2; opts=$3
cd /tmp/b && rm -rf /tmp/b/rb-$name
java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 10000 --rebuild-of /tmp/b/keep10k --out /tmp/b/rb-$name \
  --server-opts "$opts" > /tmp/b/rb-$name.out 2>&1
echo DONE >> /tmp/b/rb-$name.out
