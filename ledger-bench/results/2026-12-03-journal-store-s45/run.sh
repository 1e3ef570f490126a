#!/bin/bash
# usage: [CASES=3000] [JFR_CLIENTS=0] [BENCH_JAR=ledger-bench/target/ledger-bench.jar] [OUT=.] run.sh NAME SERVER_JAR [extra server opts]
# the runs here: CASES=3000 (base*, hack*), CASES=20000 (b20*, j20*), CASES=20000 JFR_CLIENTS=8 (b20j, j20j)
name=$1; jar=$2; shift 2
out=${OUT:-.}
java -jar "${BENCH_JAR:-ledger-bench/target/ledger-bench.jar}" --cases "${CASES:-3000}" --generate in-process --deadlines hold \
  --clients 8 --phase-seconds 30 --jfr-clients "${JFR_CLIENTS:-0}" --rebuild false --baseline-events 1000 --queries 20 \
  --server-jar "$jar" --server-opts "-XX:TieredStopAtLevel=1 $*" --out "$out/$name" > "$out/$name.log" 2>&1
