#!/usr/bin/env bash
# Feed fan-out benchmark (not a test): how many concurrent SSE subscribers of GET /feed/v1/events one
# embedded node holds, and the publish-to-receive latency (publish call returned -> each subscriber
# received the entry's `id:` line), p50/p95/p99/max, with the server's CPU, RSS and heap while holding
# them. Starts the server jar on a fresh temp data dir and a free port, runs bench/FeedBench.java
# against it, prints the results table, stops the server.
#
# Usage: [SUBSCRIBERS=1000] [RECORDS=200] [RATE=20] bench/feed-bench.sh
# Other knobs (env):
#   HEARTBEAT=PT5S        server gongshi.feed.heartbeat (SSE comment heartbeat; default on the server PT10S)
#   POLL_INTERVAL=        server gongshi.feed.poll-interval (server default PT0.2S); unset = server default
#   PREPARE=ahead         ahead: cases filed/noticed/decided before subscribers connect, only publishes are
#                         paced at RATE; inline: each paced task files, notices, decides and publishes
#   IDLE_SECONDS=5        length of each idle hold (CPU measured over it)
#   SETTLE_SECONDS=10     wait after preparing cases, before the first idle measurement
#   DRAIN_TIMEOUT=60      seconds to wait for the feed / every subscriber to have every entry
#   PER_CLIENT=500        SSE subscribers per java.net.http.HttpClient instance (HTTP/1.1, one connection each)
#   CONNECT_PARALLEL=200  subscriptions opening at once
#   PUBLISHERS=4          threads sending publish commands
#   SERVER_JAVA_OPTS=     extra JVM options for the server, e.g. -Xmx512m
#   CLIENT_JAVA_OPTS=     extra JVM options for the bench client
#   SERVER_ARGS=          extra server arguments, e.g. --gongshi.feed.poll-interval=PT1S
#   JAR=...               a server jar to run as it is (default: ledger-server/target/ledger-server.jar, built first)
#   NO_BUILD=1            run the default jar without building it
#   KEEP_LOG=1            keep the server log (printed path) instead of deleting the temp dir
set -euo pipefail
cd "$(dirname "$0")/.."

SUBSCRIBERS=${SUBSCRIBERS:-1000}
RECORDS=${RECORDS:-200}
RATE=${RATE:-20}
HEARTBEAT=${HEARTBEAT:-PT5S}
PREPARE=${PREPARE:-ahead}
IDLE_SECONDS=${IDLE_SECONDS:-5}
SETTLE_SECONDS=${SETTLE_SECONDS:-10}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-60}
PER_CLIENT=${PER_CLIENT:-500}
CONNECT_PARALLEL=${CONNECT_PARALLEL:-200}
PUBLISHERS=${PUBLISHERS:-4}

# Benchmarks the code as it is: builds the jar first unless JAR names one (or NO_BUILD=1).
jar=${JAR:-ledger-server/target/ledger-server.jar}
if [ -z "${JAR:-}" ] && [ "${NO_BUILD:-0}" != 1 ]; then
  echo "building $jar ..." >&2
  ./mvnw -B -ntp -q package -DskipTests
fi

# One file descriptor per subscriber on each side (server and client share this limit): raise the
# soft limit as far as the hard limit allows.
want=$(( SUBSCRIBERS * 2 + 4096 ))
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -ge "$want" ]; then ulimit -n "$want" 2>/dev/null || true; else ulimit -n "$hard"; fi
[ "$(ulimit -n)" -ge $(( SUBSCRIBERS + 1024 )) ] || echo "WARN: ulimit -n $(ulimit -n) may be too low for $SUBSCRIBERS subscribers" >&2

data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  if [ "${KEEP_LOG:-0}" = 1 ]; then echo "server log: $data/server.log"; else rm -rf "$data"; fi
}
trap cleanup EXIT

# the bench connects thousands of streams from one address: lift the per-client public traffic limits
server_args=(--gongshi.data-dir="$data" --server.port="$port" --gongshi.feed.heartbeat="$HEARTBEAT" --gongshi.traffic.enabled=false)
[ -n "${POLL_INTERVAL:-}" ] && server_args+=(--gongshi.feed.poll-interval="$POLL_INTERVAL")
# shellcheck disable=SC2206
server_args+=(${SERVER_ARGS:-})

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); ulimit -n: $(ulimit -n)"
echo "server: java ${SERVER_JAVA_OPTS:-} -jar $jar ${server_args[*]}"
start=$(date +%s%N)
# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} -jar "$jar" "${server_args[@]}" >"$data/server.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$pid" 2>/dev/null || { echo "server died:" >&2; cat "$data/server.log" >&2; exit 1; }
  sleep 0.1
done
echo "server healthy after $(( ($(date +%s%N) - start) / 1000000 )) ms; RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status) MiB"

status=0
# shellcheck disable=SC2086
java ${CLIENT_JAVA_OPTS:-} bench/FeedBench.java --base "http://127.0.0.1:$port" --server-pid "$pid" \
  --subscribers "$SUBSCRIBERS" --records "$RECORDS" --rate "$RATE" --prepare "$PREPARE" \
  --idle-seconds "$IDLE_SECONDS" --settle-seconds "$SETTLE_SECONDS" --drain-timeout "$DRAIN_TIMEOUT" --per-client "$PER_CLIENT" --connect-parallel "$CONNECT_PARALLEL" \
  --publishers "$PUBLISHERS" || status=$?

errors=$(grep -c -E ' ERROR |Exception|StackOverflowError|throwIfFatal' "$data/server.log" || true)
echo "server log: $errors ERROR/Exception/StackOverflowError lines"
[ "$errors" -gt 0 ] && grep -m 5 -E ' ERROR |Exception|StackOverflowError|throwIfFatal' "$data/server.log" | cut -c1-300
exit $status
