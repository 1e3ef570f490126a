#!/bin/bash
name=$1; jars=$2; clients=$3; opts=$4; jfr=${5:-0}
cd /tmp/b && rm -rf /tmp/b/cmd-$name
java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 2000 --clients $clients --phase-seconds 30 --queries 20 --rebuild false --jfr-clients $jfr --server-opts "$opts" --out /tmp/b/cmd-$name > /tmp/b/cmd-$name.out 2>&1
echo DONE >> /tmp/b/cmd-$name.out
