#!/usr/bin/env bash
# Looks at the public pages the way a citizen's browser does: starts the ledger with demo data,
# opens the home page, a search, a record, a withdrawn record, the credit lists, a list and a
# subject page and the figures in headless Chromium, checks what
# each page says, and saves screenshots under target/screenshots/.
# Installs Debian's chromium (and CJK fonts) if missing. Usage: scripts/browser-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/demo-ledger.sh 1280,900
until [ "$(curl -fs "$base/api/v1/public/penalties" | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])')" -ge 1 ]; do sleep 0.3; done
until [ "$(curl -fs "$base/api/v1/public/lists/SEVERE_DISHONESTY" | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])')" -ge 1 ]; do sleep 0.3; done
record=$(curl -fs "$base/api/v1/public/penalties" | python3 -c 'import sys,json; print(json.load(sys.stdin)["items"][0]["recordId"])')
withdrawn=$(python3 -c 'import uuid,hashlib
h=bytearray(hashlib.md5(b"gongshi-demo:patent-revoked/decision").digest()); h[6]=(h[6]&0x0f)|0x30; h[8]=(h[8]&0x3f)|0x80
print(uuid.UUID(bytes=bytes(h)))')
fail=0
check() { # name url expected-text
  local dom; dom=$("${chrome[@]}" --dump-dom "$2" 2>/dev/null)
  if grep -q "$3" <<<"$dom"; then echo "ok   $1: '$3'"; else echo "FAIL $1: '$3' not on $2"; fail=1; fi
  "${chrome[@]}" --screenshot="$out/$1.png" "$2" >/dev/null 2>&1 && echo "     screenshot $out/$1.png"
}
check home "$base/" "知识产权行政处罚信息查询"
check search "$base/penalties?q=%E7%A4%BA%E4%BE%8B" "查询结果"
check record "$base/penalties/$record" "行政处罚决定书文号"
check withdrawn "$base/penalties/$withdrawn" "撤回理由"
check lists "$base/lists" "严重失信主体名单"
check list "$base/lists/SEVERE_DISHONESTY" "北京示例商贸有限公司"
check subject "$base/subjects/91110000600037341L" "信用名单"
check stats "$base/stats?year=2026" "案件信息公示率"
exit $fail
