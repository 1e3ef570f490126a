#!/bin/bash
# restart.sh: the kept million records' copy started twice on jarsF's server: the first start tidies until it stops short, the second must not tidy
cd /tmp/b; rm -rf /tmp/b/rs-data; cp -r /tmp/b/keep1m/data /tmp/b/rs-data
run() {
  java -jar jarsF/ledger-server.jar --gongshi.data-dir=/tmp/b/rs-data --server.port=8094 --server.address=127.0.0.1 --gongshi.traffic.enabled=false \
    --gongshi.embedded.mongo-port=27097 --gongshi.clock.start=2025-01-02T09:00+08:00 > /tmp/b/restart-$1.txt 2>&1 &
  PID=$!
  until curl -s localhost:8094/actuator/health | grep -q UP; do sleep 0.5; done
}
run first
until grep -q "tidying stopped" /tmp/b/restart-first.txt; do sleep 2; done
sleep 3; kill $PID; wait $PID
run second
sleep 60; kill $PID; wait $PID
echo "first start: $(grep -c 'held writing' restart-first.txt) checkpoints held 0.5 s or more; $(grep -c 'tidying it' restart-first.txt) tidy starts" > /tmp/b/restart.result
echo "second start: $(grep -c 'held writing' restart-second.txt) checkpoints held 0.5 s or more; $(grep -c 'tidying it' restart-second.txt) tidy starts in 60 s" >> /tmp/b/restart.result
rm -rf /tmp/b/rs-data
