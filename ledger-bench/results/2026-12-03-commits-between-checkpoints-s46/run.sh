#!/bin/bash
# usage: [BENCH_JAR=ledger-bench/target/ledger-bench.jar] [OUT=.] run.sh NAME SERVER_JAR
# 100,000 cases generated in process, 8 clients for 30 s, a JFR of the server during a second 8-client phase, as the
# runs here (h100a and h100d: f1992bf; h100b and h100c: a0d635d), one server at a time, nothing else of ours running
name=$1; jar=$2
out=${OUT:-.}
java -jar "${BENCH_JAR:-ledger-bench/target/ledger-bench.jar}" --cases 100000 --generate in-process --deadlines hold --clients 8 \
  --phase-seconds 30 --jfr-clients 8 --rebuild false --queries 50 --server-jar "$jar" --server-opts "-XX:TieredStopAtLevel=1" \
  --out "$out/$name" > "$out/$name.log" 2>&1
