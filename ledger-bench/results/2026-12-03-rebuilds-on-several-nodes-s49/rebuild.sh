#!/bin/bash
# usage: [DRIFT=1] rebuild.sh JAR DATADIR LABEL — starts the server on a generated ledger (deadlines held), waits until every
# processor has passed the head, with DRIFT=1 changes every case view by hand, then rebuilds case-views through the
# admin API and times its replay and its switch-in (polled every 0.25 s); with CLI=1 rebuilds it with the command-line tool
# instead (java -jar ledger-server.jar rebuild case-views, which prints the progress every 2 s)
JAR=$1; DIR=$2; L=$3; P=18080; B=http://127.0.0.1:$P
java -XX:TieredStopAtLevel=1 -Dgongshi.deadlines.initial-delay=P3650D -jar $JAR --gongshi.data-dir=$DIR --server.port=$P > $L.server.log 2>&1 &
SP=$!
until curl -sf $B/actuator/health > /dev/null 2>&1 || curl -s $B/actuator/health 2>/dev/null | grep -q status; do sleep 1; done
ADMIN=$(curl -s -X POST $B/dev/tokens -H 'Content-Type: application/json' -d '{"sub":"admin-li","bureau":"91110000600037341L","division":"110105","roles":["admin"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
# wait until read models are built: health UP
while true; do
  h=$(curl -s $B/actuator/health -H "Authorization: Bearer $ADMIN")
  echo "$h" | grep -q '"status":"UP"' && ! echo "$h" | grep -q '"lag":[1-9]' && break
  sleep 5
done
echo "$L built at $(date +%T)"
if [ -n "$DRIFT" ]; then
  . "$(dirname "$0")"/cp.sh
  PORT=$(grep -o "started MongoServer(port: [0-9]*" $L.server.log | head -1 | grep -o "[0-9]*$")
  PW=$(grep ^password= $DIR/mongo-credentials | cut -d= -f2-)
  java -cp $CP "$(dirname "$0")"/DriftAll.java $PORT gongshi $PW
fi
if [ -n "$CLI" ]; then
  java -jar $JAR rebuild case-views --url=$B --token=$ADMIN
  echo "exit $?"
  kill $SP; wait $SP
  exit 0
fi
t0=$(date +%s.%N)
curl -s -X POST $B/api/v1/admin/rebuilds/case-views -H "Authorization: Bearer $ADMIN"; echo
sw=""
while true; do
  p=$(curl -s $B/api/v1/admin/rebuilds/case-views -H "Authorization: Bearer $ADMIN")
  st=$(echo "$p" | sed 's/.*"state":"\([A-Z]*\)".*/\1/')
  now=$(date +%s.%N)
  if [ "$st" = SWITCHING ] && [ -z "$sw" ]; then sw=$now; fi
  if [ "$st" = DONE ] || [ "$st" = FAILED ]; then break; fi
  sleep 0.25
done
echo "$L: $p"
python3 -c "t0=$t0; sw=${sw:-$now}; e=$now; print('$L replaying %.1f s, switching %.1f s, total %.1f s' % (sw-t0, e-sw, e-t0))"
kill $SP; wait $SP
