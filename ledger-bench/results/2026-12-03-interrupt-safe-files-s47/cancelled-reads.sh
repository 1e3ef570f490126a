#!/bin/bash
# usage: demo.sh JAR DATADIR PORT  — cancelled audit reads, then reads and a command
jar=$1; data=$2; port=$3; B=http://127.0.0.1:$port
java -XX:TieredStopAtLevel=1 -jar $jar --gongshi.data-dir=$data --server.port=$port > $data.server.log 2>&1 &
pid=$!
until curl -s $B/actuator/health | grep -q UP; do sleep 1; done
echo "healthy"
tok() { curl -s -X POST $B/dev/tokens -H 'Content-Type: application/json' -d "$1" | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
AUD=$(tok '{"sub":"auditor-li","bureau":"91110000600037341L","division":"110000","roles":["auditor"]}')
OFF=$(tok '{"sub":"officer-zhang","bureau":"91110000600037341L","division":"110105","roles":["officer"]}')
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
read T C < <(sed -n 3100p pairs-shuf.txt)
until [ "$(code -H "Authorization: Bearer $T" $B/api/v1/audit/cases/$C/events)" = 200 ]; do sleep 2; done
echo "before: the read models hold the last case read below (audit events 200) after $SECONDS s"
# 2,000 audit reads of cases spread over the ledger, each hung up after 5-40 ms (16 at a time)
sed -n 2,2001p pairs-shuf.txt | xargs -P 16 -L 1 sh -c 'curl -s -o /dev/null --max-time 0.0$(( $(od -An -N1 -tu1 /dev/urandom) % 4 + 1 )) -H "Authorization: Bearer $0" '$B'/api/v1/audit/cases/$1/events; true'
echo "cancelled reads done"
ok=0; bad=0
while read T c; do r=$(code -H "Authorization: Bearer $T" $B/api/v1/audit/cases/$c/events); [ "$r" = 200 ] && ok=$((ok+1)) || { bad=$((bad+1)); echo "audit read answered $r"; }; done < <(sed -n 3001,3100p pairs-shuf.txt)
echo "after: 100 audit reads of other cases: $ok ok, $bad not"
fileit() { code -X POST $B/api/v1/cases -H "Authorization: Bearer $OFF" -H 'Content-Type: application/json' -H "Idempotency-Key: demo-$1" -d '{
    "filedOn":"'$(curl -s $B/dev/clock | sed 's/.*"now":"\([0-9-]*\)T.*/\1/')'","ipType":"TRADEMARK","violationType":"销售侵犯注册商标专用权的商品",
    "procedure":"ORDINARY","source":"权利人投诉",
    "party":{"kind":"LEGAL_PERSON","name":"北京示例商贸有限公司","uscc":"91110000600037341L","legalRepresentative":"王示例"}}'; }
okc=0; badc=0
for i in $(seq 1 20); do r=$(fileit $RANDOM$i); [ "$r" = 201 ] && okc=$((okc+1)) || { badc=$((badc+1)); echo "command answered $r"; }; done
echo "after: 20 filings: $okc created, $badc not"
echo "server log: $(grep -c 'Reading from file\|Writing to\|ClosedChannel\|ClosedByInterrupt' $data.server.log) lines naming a closed file channel; ERROR lines $(grep -c ' ERROR ' $data.server.log)"
kill $pid; wait $pid
echo "stopped: $(grep -c 'ERROR' $data.server.log) ERROR lines in all"
