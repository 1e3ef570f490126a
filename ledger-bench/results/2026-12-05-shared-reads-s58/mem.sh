#!/bin/bash
# usage: mem.sh NAME JARDIR : rebuild keep10k's read models on a server started by hand, then its heap after a full GC
name=$1; jars=$2; d=/tmp/mem-$name
rm -rf $d && mkdir -p $d && cp -r /tmp/b/keep10k/data $d/data && rm -rf $d/data/readmodels
java -Daxoniq.update-checker.disabled=true -XX:TieredStopAtLevel=1 -Dgongshi.deadlines.initial-delay=P3650D -jar $jars/ledger-server.jar \
  --gongshi.data-dir=$d/data --server.port=39299 --server.address=127.0.0.1 --gongshi.traffic.enabled=false --gongshi.clock.start=2025-01-02T09:00+08:00 > $d/server.log 2>&1 &
pid=$!
sleep 20
prev=0
while true; do
  t=$(awk '{print $14+$15}' /proc/$pid/stat); 
  if [ $prev -gt 0 ] && [ $((t-prev)) -lt 25 ]; then break; fi
  prev=$t; sleep 5
done
jcmd $pid GC.run > /dev/null; sleep 2; jcmd $pid GC.run > /dev/null
jcmd $pid GC.heap_info > $d/heap.txt
jcmd $pid GC.class_histogram | head -25 > $d/histo.txt
echo "$name caught up at $(date +%T)"; cat $d/heap.txt | head -5
kill $pid; wait $pid
rm -rf $d/data
