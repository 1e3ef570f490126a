#!/bin/bash
# live.sh NAME JARDIR: a server started on a copy of the kept million records, searched for 90 s from its start (no waiting for quiet)
cd /tmp/b; rm -rf /tmp/b/live-data; cp -r /tmp/b/keep1m/data /tmp/b/live-data
java -jar $2/ledger-server.jar --gongshi.data-dir=/tmp/b/live-data --server.port=8093 --server.address=127.0.0.1 --gongshi.traffic.enabled=false \
  --gongshi.embedded.mongo-port=27098 --gongshi.clock.start=2025-01-02T09:00+08:00 > /tmp/b/live-$1.txt 2>&1 &
PID=$!
until curl -s localhost:8093/actuator/health | grep -q UP; do sleep 0.5; done
python3 live.py 8093 90 > /tmp/b/live-$1.json
echo "holds during the searches: $(grep -c 'held writing' /tmp/b/live-$1.txt)" >> /tmp/b/live-$1.json
kill $PID; wait $PID; rm -rf /tmp/b/live-data
