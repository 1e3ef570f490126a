#!/usr/bin/env bash
# The long crash loop (issue 10): ROUNDS times, start the embedded ledger on a fresh data directory,
# drive it with bureau commands (file, notice, decide, publish) and two SSE feed subscribers, kill it
# with SIGKILL KILLS times at random moments and restart it on the same data directory; then check
# that every acknowledged command is in the event store, that every read model equals a from-scratch
# rebuild (content hashes), and that the feed equals the rebuild byte for byte, gapless, without
# duplicates, and equal to what the subscribers received. Prints each round's figures.
# Usage: scripts/crash-loop.sh [ROUNDS=10] [KILLS=5]      (the suite's CrashDurabilityTest is 1 round)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
kills=${2:-5}
build() { ./mvnw -B -ntp -q "$@" -pl ledger-server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/crash-loop.classpath -Dmdep.includeScope=test >/dev/null; }
build -o || build
# run from a copy of the compiled classes, so a build during a long run cannot change them under it
snapshot=$(mktemp -d -t gongshi-crash-loop-classes.XXXXXX)
trap 'rm -rf "$snapshot"' EXIT
for module in ledger-core ledger-synthetic projections disclosure-api ledger-server; do
  mkdir -p "$snapshot/$module"
  cp -r "$module/target/classes" "$snapshot/$module/classes"
done
cp -r ledger-server/target/test-classes "$snapshot/ledger-server/test-classes"
deps=$(tr ':' '\n' < ledger-server/target/crash-loop.classpath | grep -v '/target/classes$' | paste -sd: -)
cp="$snapshot/ledger-server/test-classes:$snapshot/ledger-server/classes:$snapshot/disclosure-api/classes:$snapshot/projections/classes:$snapshot/ledger-synthetic/classes:$snapshot/ledger-core/classes:$deps"
echo "crash loop: $rounds rounds of $kills SIGKILLs each"
java -Daxoniq.update-checker.disabled=true -cp "$cp" org.gongshi.server.CrashLoop "$rounds" "$kills"
