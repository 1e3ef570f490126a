#!/bin/bash
# usage: run.sh name jar [extra server opts]
name=$1; jar=$2; shift 2
java -jar /tmp/bench45/ledger-bench.jar --cases 20000 --generate in-process --deadlines hold --clients 8 --phase-seconds 30 --jfr-clients 8 --rebuild false --baseline-events 1000 --queries 20 --server-jar $jar --server-opts "-XX:TieredStopAtLevel=1 $*" --out /tmp/bench45/$name > /tmp/bench45/$name.log 2>&1
