#!/bin/bash
# usage: auditors.sh JAR DATADIR PORT — writes pairs-shuf.txt: "<auditor token> <caseId>" for up to 200 cases of each
# province, an auditor of that province each, shuffled (tokens are signed with DATADIR's jwt-secret, which its copies share)
jar=$1; data=$2; port=$3; B=http://127.0.0.1:$port
java -XX:TieredStopAtLevel=1 -jar $jar --gongshi.data-dir=$data --server.port=$port > $data.auditors.log 2>&1 &
pid=$!
until curl -s $B/actuator/health | grep -q UP; do sleep 1; done
: > pairs.txt
for pr in 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65; do
  AUD=$(curl -s -X POST $B/dev/tokens -H 'Content-Type: application/json' \
    -d '{"sub":"a","bureau":"91110000600037341L","division":"'$pr'0000","roles":["auditor"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
  for p in 0 1; do
    curl -s -H "Authorization: Bearer $AUD" "$B/api/v1/cases?division=$pr&size=100&page=$p" \
      | python3 -c "import json,sys; [print('$AUD', i['caseId']) for i in json.load(sys.stdin).get('items', [])]" >> pairs.txt
  done
done
shuf --random-source=<(yes) pairs.txt > pairs-shuf.txt
kill $pid; wait $pid
wc -l pairs-shuf.txt
