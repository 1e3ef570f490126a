#!/bin/bash
# rb.sh NAME "server opts"
cd /work/main
java -jar ledger-bench/target/ledger-bench.jar --cases 10000 --rebuild-of /tmp/s82/l10k --out /tmp/s82/rb-$1 --server-opts "$2" > /tmp/s82/rb-$1.log 2>&1
grep -E "read models built|rebuilt|CPU building|written per event" /tmp/s82/rb-$1/summary.md | cut -c1-200
