#!/bin/bash
# np_pair.sh JARS...: for each, a fresh server, warm-up 20 s of np, then np 20 s and org 20 s at 8 threads
cd /tmp/b
for jars in "$@"; do
  rm -rf /tmp/b/npdata; port=8097
  java -jar $jars/ledger-server.jar --gongshi.data-dir=/tmp/b/npdata --server.port=$port --gongshi.clock.start=2026-02-10T09:00:00+08:00 > /tmp/b/np-server.txt 2>&1 &
  pid=$!
  for i in $(seq 1 120); do curl -sf localhost:$port/actuator/health >/dev/null && break; sleep 1; done
  echo "== $jars"
  python3 np_load.py $port 20 8 np > /dev/null
  python3 np_load.py $port 20 8 np
  python3 np_load.py $port 20 8 org
  kill $pid; wait $pid
done
echo DONE
