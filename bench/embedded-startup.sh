#!/usr/bin/env bash
# Measures the embedded default: time from `java -jar` to /actuator/health UP, and memory after
# start (resident set and used heap), on a fresh data directory and again on a restart with data.
# Usage: bench/embedded-startup.sh [extra java options...]   (build first: ./mvnw -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=ledger-server/target/ledger-server.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -ntp -DskipTests package" >&2; exit 1; }
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT

measure() {
  local label=$1; shift
  local start=$(date +%s%N)
  java "$@" -jar "$jar" --gongshi.data-dir="$data" --server.port="$port" --gongshi.demo=true >"$data/$label.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "server died, see $data/$label.log" >&2; cat "$data/$label.log" >&2; exit 1; }
    sleep 0.1
  done
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 2
  local rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  local heap=$(jcmd $pid GC.heap_info 2>/dev/null | awk '/used/ {for(i=1;i<=NF;i++) if($i=="used") {print int($(i+1)/1024); exit}}')
  echo "$label: healthy after ${ms} ms; RSS ${rss} MiB; heap used ${heap:-?} MiB ($(grep -o 'Started LedgerServerApplication in [0-9.]* seconds' "$data/$label.log"))"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"
measure first-start "$@"
measure restart "$@"
