#!/bin/bash
# usage: cmd.sh NAME JARDIR JFRCLIENTS
name=$1; jars=$2; jfr=$3
cd /tmp/b && rm -rf /tmp/b/cmd-$name
java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 2000 --clients 1,8 --phase-seconds 30 --queries 20 --rebuild false --jfr-clients $jfr --out /tmp/b/cmd-$name > /tmp/b/cmd-$name.out 2>&1
echo DONE >> /tmp/b/cmd-$name.out
