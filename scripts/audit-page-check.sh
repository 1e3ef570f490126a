#!/usr/bin/env bash
# The auditor's case history page in headless Chromium: starts the ledger with demo data, gives the
# browser an auditor's token in the audit cookie (as POST /audit/login sets it; a token never goes
# into a URL) over the DevTools protocol (scripts/cdp-page.py), opens the history of a published demo
# case in the auditor's division (11), checks what it says and saves target/screenshots/audit-case.png.
# Installs Debian's chromium and CJK fonts if missing.
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
devtools=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${chrome[@]}" --remote-debugging-address=127.0.0.1 --remote-debugging-port="$devtools" about:blank >"$data/chrome.log" 2>&1 &
browser=$!; trap 'kill $browser 2>/dev/null; kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fs "http://127.0.0.1:$devtools/json/version" >/dev/null; do kill -0 $browser || { cat "$data/chrome.log"; exit 1; }; sleep 0.3; done
python3 scripts/cdp-page.py "$devtools" "$base/audit/cases/$case" gongshi_audit_token "$token" /audit "$data/dom.html" "$out/audit-case.png"
fail=0
for want in 案件审计记录 立案 作出处罚决定 公示决定 公示中 未公示 作出处罚决定期限 一致; do
  if grep -q "$want" "$data/dom.html"; then echo "ok   '$want'"; else echo "FAIL '$want' not on the page"; fail=1; fi
done
echo "screenshot $(pwd)/$out/audit-case.png"
exit $fail
