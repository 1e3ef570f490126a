#!/bin/bash
# start on a copy of keep10k, kill -9 during tidying, restart, compare answers with the untouched copy
D=/tmp/b/tidy2; rm -rf $D; mkdir -p $D; cp -r /tmp/b/keep10k/data $D/
run() { (java -XX:TieredStopAtLevel=1 -Dgongshi.deadlines.initial-delay=P3650D -jar /tmp/b/jarsT/ledger-server.jar --gongshi.data-dir=$D/data --server.port=18080 --server.address=127.0.0.1 --gongshi.traffic.enabled=false --gongshi.embedded.mongo-port=18017 >> $D/server.out 2>&1 &); }
ask() { for u in "penalties?q=%E7%A7%91%E6%8A%80&size=50" "penalties?division=110000&size=50" "stats?year=2025" "stats?year=2026" "lists/SEVERE_DISHONESTY"; do curl -s "http://127.0.0.1:18080/api/v1/public/$u" | md5sum; done; }
waitup() { for i in $(seq 1 120); do curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:18080/api/v1/public/stats?year=2025 2>/dev/null | grep -q 200 && return; sleep 1; done; }
run; 
for i in $(seq 1 60); do grep -q "tidying it" $D/server.out && break; sleep 1; done
sleep 8; echo "size before kill $(stat -c %s $D/data/readmodels/mongo.mv)"; pkill -9 -f "tidy2/data"; sleep 2
run; waitup; echo "after crash restart:"; ask > $D/after.txt; cat $D/after.txt
for i in $(seq 1 90); do grep -q "tidied" $D/server.out && break; sleep 1; done; sleep 3
ask > $D/tidied.txt; echo "size after tidy $(stat -c %s $D/data/readmodels/mongo.mv)"; diff $D/after.txt $D/tidied.txt && echo SAME-AFTER-TIDY
pkill -f "tidy2/data"; sleep 5
# the untouched ledger, for reference
D2=/tmp/b/tidy3; rm -rf $D2; mkdir -p $D2; cp -r /tmp/b/keep10k/data $D2/
(java -XX:TieredStopAtLevel=1 -Dgongshi.deadlines.initial-delay=P3650D -jar /tmp/b/jarsP/ledger-server.jar --gongshi.data-dir=$D2/data --server.port=18080 --server.address=127.0.0.1 --gongshi.traffic.enabled=false --gongshi.embedded.mongo-port=18017 > $D2/server.out 2>&1 &)
waitup; ask > $D2/ref.txt; pkill -f "tidy3/data"; diff $D/tidied.txt $D2/ref.txt && echo SAME-AS-UNTIDIED
grep -E "tidied|tidying" $D/server.out | cut -c1-24,110-
echo CRASHDONE
