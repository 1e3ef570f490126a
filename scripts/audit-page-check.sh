#!/usr/bin/env bash
# The auditor's case history page in headless Chromium: starts the ledger with demo data, signs an
# auditor in (GET /audit/login?token=&next=, which sets the audit cookie and redirects), opens the
# history of a published demo case in the auditor's division (11), checks what it says and saves
# target/screenshots/audit-case.png. Installs Debian's chromium and CJK fonts if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/demo-ledger.sh 1280,1100
token=$(curl -fs -X POST "$base/dev/tokens" -H 'Content-Type: application/json' \
  -d '{"sub":"auditor-li","bureau":"91310000132200004B","division":"110000","roles":["auditor"]}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
case=""
until [ -n "$case" ]; do
  case=$(curl -fs "$base/api/v1/cases?size=50" -H "Authorization: Bearer $token" | python3 -c '
import sys,json
items=json.load(sys.stdin)["items"]
w=[c for c in items if (c.get("disclosure") or {}).get("state")=="PUBLISHED"]
print(w[0]["caseId"] if w else "")'); [ -n "$case" ] || sleep 0.5
done
url="$base/audit/login?token=$token&next=/audit/cases/$case"
dom=$("${chrome[@]}" --dump-dom "$url" 2>/dev/null)
fail=0
for want in 案件审计记录 立案 作出处罚决定 公示决定 公示中 未公示 作出处罚决定期限 一致; do
  if grep -q "$want" <<<"$dom"; then echo "ok   '$want'"; else echo "FAIL '$want' not on the page"; fail=1; fi
done
"${chrome[@]}" --screenshot="$out/audit-case.png" "$url" >/dev/null 2>&1 && echo "screenshot $out/audit-case.png"
exit $fail
