# Sourced by the browser checks (scripts/browser-check.sh, scripts/audit-page-check.sh): installs
# Debian's chromium and CJK fonts if missing, builds the jar if missing, starts the ledger with demo
# data on a free loopback port (data in a temporary directory, removed with the server on exit) and
# waits until it is up. Sets jar, out (target/screenshots), data, port, pid, base, and chrome, the
# headless Chromium command line for a window of $1 (e.g. 1280,900).
if ! command -v chromium >/dev/null; then
  echo "installing chromium and CJK fonts (Debian packages)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
jar=ledger-server/target/ledger-server.jar
[ -f "$jar" ] || ./mvnw -B -ntp -q -DskipTests package
out=target/screenshots; mkdir -p "$out"
data=$(mktemp -d); port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar "$jar" --gongshi.data-dir="$data" --server.port="$port" --gongshi.demo=true >"$data/server.log" 2>&1 &
pid=$!; trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"'; do kill -0 $pid || { cat "$data/server.log"; exit 1; }; sleep 0.3; done
base="http://127.0.0.1:$port"
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
        --disable-component-update --disable-sync --user-data-dir="$data/chrome" --window-size="${1:-1280,900}" --lang=zh-CN)
