#!/bin/bash
# rbwatch.sh JARDIR KEPT PORT: rebuild read models of a copy of KEPT, printing each processor's position every 5 s
J=$1; K=$2; PORT=${3:-18610}
rm -rf /tmp/rbw && cp -r $K /tmp/rbw && rm -rf /tmp/rbw/data/readmodels
cd /tmp/rbw && (nohup java -XX:TieredStopAtLevel=1 -jar $J/ledger-server.jar --gongshi.data-dir=/tmp/rbw/data --server.port=$PORT > /tmp/rbw/server.log 2>&1 &)
for i in $(seq 1 60); do curl -s -o /dev/null localhost:$PORT/actuator/health && break; sleep 1; done
TOKEN=$(curl -s -X POST localhost:$PORT/dev/tokens -H 'Content-Type: application/json' -d '{"sub":"a","bureau":"91110000600037341L","division":"110000","roles":["admin"]}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
start=$(date +%s)
while true; do
  out=$(curl -s localhost:$PORT/actuator/health -H "Authorization: Bearer $TOKEN" | python3 -c '
import sys,json
d=json.load(sys.stdin)["components"]["eventProcessors"]["details"]
print(" ".join(k[:10]+"="+str(min(s.get("position",-1) for s in v["segments"])) for k,v in sorted(d.items())))')
  echo "$(( $(date +%s) - start ))s $out"
  sleep 5
  [ $(( $(date +%s) - start )) -gt ${MAXS:-200} ] && break
done
pkill -f "rbw/data"
