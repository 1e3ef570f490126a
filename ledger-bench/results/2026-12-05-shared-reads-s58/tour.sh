#!/bin/bash
# the README's curl tour against a fresh ledger on port 18080
J=$1; D=/tmp/tour/data; rm -rf $D; mkdir -p $D
java -XX:TieredStopAtLevel=1 -jar $J --gongshi.data-dir=$D --server.port=18080 --gongshi.clock.start=2026-02-10T09:00:00+08:00 > /tmp/tour/server.log 2>&1 &
PID=$!
B=http://127.0.0.1:18080
for i in $(seq 1 120); do curl -sf $B/actuator/health > /dev/null && break; sleep 1; done
clock() { curl -s -X POST $B/dev/clock -H 'Content-Type: application/json' -d "{\"now\":\"$1T10:00:00+08:00\"}"; echo; }
TOKEN=$(curl -s -X POST $B/dev/tokens -H 'Content-Type: application/json' \
  -d '{"sub":"officer-zhang","bureau":"91110000600037341L","division":"110105","roles":["officer"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
R=$(curl -s -X POST $B/api/v1/cases -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H 'Idempotency-Key: 2026-0001' -d '{
    "filedOn":"2026-02-10","ipType":"TRADEMARK","violationType":"销售侵犯注册商标专用权的商品",
    "procedure":"ORDINARY","source":"权利人投诉",
    "party":{"kind":"LEGAL_PERSON","name":"北京示例商贸有限公司","uscc":"91110000600037341L","legalRepresentative":"王示例"}}')
echo "file: $R"
CASE=$(echo $R | sed 's/.*"caseId":"\([^"]*\)".*/\1/'); POS=$(echo $R | sed 's/.*"position":\([0-9]*\).*/\1/')
echo "early decision:"; curl -s -X POST $B/api/v1/cases/$CASE/decisions -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"kind":"PENALTY","decisionNumber":"京朝市监罚〔2026〕1号","decidedOn":"2026-02-10",
       "penalties":[{"type":"FINE","amount":50000}],"legalBasis":"商标法第六十条","facts":"销售侵权商品"}'; echo
clock 2026-02-12
curl -s -X POST $B/api/v1/cases/$CASE/notices -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"servedOn":"2026-02-12","hearingRightGranted":true,"proposedPenalties":[{"type":"FINE","amount":50000}]}'; echo
clock 2026-03-02
curl -s -X POST $B/api/v1/cases/$CASE/decisions -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"kind":"PENALTY","decisionNumber":"京朝市监罚〔2026〕1号","decidedOn":"2026-03-02",
       "penalties":[{"type":"FINE","amount":50000}],"legalBasis":"商标法第六十条","facts":"销售侵权商品"}'; echo
echo stats; curl -s "$B/api/v1/stats?from=2026-01-01&to=2026-12-31" -H "Authorization: Bearer $TOKEN" | cut -c1-300; echo
curl -s "$B/api/v1/public/stats?division=11&year=2026" | cut -c1-300; echo
curl -s "$B/api/v1/cases/$CASE?position=$POS" -H "Authorization: Bearer $TOKEN" | cut -c1-300; echo
clock 2026-03-05
curl -s -X POST $B/api/v1/cases/$CASE/disclosure -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"action":"PUBLISH"}'; echo
sleep 2
echo search; curl -s "$B/api/v1/public/penalties?q=示例商贸" | cut -c1-400; echo
curl -s -o /dev/null -w "home page %{http_code}\n" $B/
clock 2026-04-01
R=$(curl -s -X POST $B/api/v1/listings -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{
    "listType":"SEVERE_DISHONESTY","category":"BAD_FAITH_TRADEMARK_APPLICATION","proposedOn":"2026-04-01",
    "subject":{"name":"北京示例商贸有限公司","uscc":"91110000600037341L"},"basisCaseIds":["'$CASE'"],"reason":"恶意商标注册申请"}')
echo "listing: $R"; LISTING=$(echo $R | sed 's/.*"listingId":"\([^"]*\)".*/\1/')
clock 2026-04-15
curl -s -X POST $B/api/v1/listings/$LISTING/decision -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"decidedOn":"2026-04-15","list":true,"measures":[{"type":"NO_AWARDS"},{"type":"KEY_SUPERVISION"}]}'; echo
sleep 2; curl -s $B/api/v1/public/lists/SEVERE_DISHONESTY | cut -c1-300; echo
clock 2026-05-01
curl -s -X POST $B/api/v1/listings/$LISTING/removal -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"removedOn":"2026-05-01","reason":"LISTED_IN_ERROR","detail":"主体识别错误"}'; echo
curl -s $B/api/v1/listings/candidates -H "Authorization: Bearer $TOKEN" | cut -c1-200; echo
echo feed; curl -s "$B/feed/v1/entries?after=-1&limit=100" | cut -c1-300; echo; curl -s $B/feed/v1/checkpoint | cut -c1-300; echo
timeout 3 curl -sN $B/feed/v1/events | head -c 300; echo
kill $PID; wait $PID
grep -c " ERROR " /tmp/tour/server.log; grep -E " (WARN|ERROR) " /tmp/tour/server.log | cut -c1-250 | head
