#!/bin/bash
# usage: cli.sh JAR DATADIR — the server on a generated ledger; once its read models are built, every case view changed
# by hand, then case-views rebuilt with the command-line tool (which prints the progress every 2 s)
JAR=$1; DIR=$2; P=18080; B=http://127.0.0.1:$P
java -XX:TieredStopAtLevel=1 -Dgongshi.deadlines.initial-delay=P3650D -jar $JAR --gongshi.data-dir=$DIR --server.port=$P > cli.server.log 2>&1 &
SP=$!
until curl -s $B/actuator/health 2>/dev/null | grep -q status; do sleep 1; done
ADMIN=$(curl -s -X POST $B/dev/tokens -H 'Content-Type: application/json' -d '{"sub":"admin-li","bureau":"91110000600037341L","division":"110105","roles":["admin"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
while true; do
  h=$(curl -s $B/actuator/health -H "Authorization: Bearer $ADMIN")
  echo "$h" | grep -q '"status":"UP"' && ! echo "$h" | grep -q '"lag":[1-9]' && break
  sleep 5
done
. "$(dirname "$0")"/cp.sh
PORT=$(grep -o "started MongoServer(port: [0-9]*" cli.server.log | head -1 | grep -o "[0-9]*$")
PW=$(grep ^password= $DIR/mongo-credentials | cut -d= -f2-)
java -cp $CP "$(dirname "$0")"/DriftAll.java $PORT gongshi $PW
java -jar $JAR rebuild case-views --url=$B --token=$ADMIN
echo "exit $?"
kill $SP; wait $SP
