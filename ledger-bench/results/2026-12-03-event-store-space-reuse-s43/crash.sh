#!/bin/bash
# usage: crash.sh DIR SETTINGS ROUNDS   (DIR absolute; JOPTS=-Dflush=true to wait for H2's pending writes)
# compiles Crash.java beside it into a temporary directory, against the H2 the build uses (./mvnw has fetched it)
set -u
H2=~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar
here=$(cd "$(dirname "$0")" && pwd)
classes=$(mktemp -d); trap 'rm -rf "$classes"' EXIT
javac -d "$classes" -cp "$H2" "$here/Crash.java" || exit 1
D=$1; S=$2; R=$3; rm -rf "$D"; mkdir -p "$D"; lost=0
for i in $(seq 1 "$R"); do
  java ${JOPTS:-} -cp "$H2:$classes" Crash run "$D/ledger" "$S" > "$D/out.txt" 2>"$D/err.txt" &
  pid=$!
  sleep "$(python3 -c "import random; print(random.uniform(1.5,4))")"
  kill -9 $pid; wait $pid 2>/dev/null
  acked=$(tail -n 2 "$D/out.txt" | head -1)
  got=$(java -cp "$H2:$classes" Crash check "$D/ledger" "$S" 2>&1 | tail -1)
  if [ "$got" -lt "${acked:-0}" ] 2>/dev/null; then lost=$((lost+1)); echo "round $i: acked $acked, found $got  LOST"; else echo "round $i: acked $acked found $got"; fi
done
echo "lost rounds: $lost of $R; file $(du -h "$D/ledger.mv.db")"
