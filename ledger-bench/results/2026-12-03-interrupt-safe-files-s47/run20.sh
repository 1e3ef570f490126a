#!/bin/bash
# usage: [BENCH_JAR=ledger-bench/target/ledger-bench.jar] [OUT=.] run20.sh NAME SERVER_JAR
# 20,000 cases generated in process, 8 clients for 30 s, no JFR, as the runs here (base*: 55f5042, new*: c32ba21), one
# server at a time, nothing else of ours running
name=$1; jar=$2
out=${OUT:-.}
java -jar "${BENCH_JAR:-ledger-bench/target/ledger-bench.jar}" --cases 20000 --generate in-process --deadlines hold --clients 8 \
  --phase-seconds 30 --jfr-clients 0 --rebuild false --baseline-events 1000 --queries 20 --server-jar "$jar" \
  --server-opts "-XX:TieredStopAtLevel=1" --out "$out/$name" > "$out/$name.log" 2>&1
