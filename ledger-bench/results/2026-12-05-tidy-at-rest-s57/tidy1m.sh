#!/bin/bash
D=/tmp/search1mT
echo "start $(date +%T) size $(stat -c %s $D/data/readmodels/mongo.mv)"
(java -XX:TieredStopAtLevel=1 -jar /tmp/b/jarsT/ledger-server.jar --gongshi.data-dir=$D/data --server.port=18080 --server.address=127.0.0.1 --gongshi.traffic.enabled=false --gongshi.embedded.mongo-port=18017 --gongshi.clock.start=2025-01-02T09:00+08:00 > /tmp/b/tidy1m.log 2>&1 &)
for i in $(seq 1 1200); do
  grep -q "Read-model store tidied\|tidying stopped" /tmp/b/tidy1m.log && break
  [ $((i % 30)) -eq 0 ] && echo "$(date +%T) size $(stat -c %s $D/data/readmodels/mongo.mv) $(grep -c 'held writing' /tmp/b/tidy1m.log) slow checkpoints"
  sleep 1
done
echo "tidied $(date +%T) size $(stat -c %s $D/data/readmodels/mongo.mv)"
sleep 5; echo "after 5 s $(date +%T) size $(stat -c %s $D/data/readmodels/mongo.mv)"
pid=$(pgrep -f "search1mT/data" | head -1); ps -o rss=,cputime= -p $pid
kill $pid; sleep 20
echo "stopped size $(stat -c %s $D/data/readmodels/mongo.mv)"
grep -E "tidied|tidying|Started|held writing" /tmp/b/tidy1m.log | cut -c1-24,100- | head -40
echo TIDY1MDONE
