#!/bin/bash
# jfr_paused.sh NAME JARS: a 2,000-case command run (processors stopped during the phases if JARS has the probe),
# with a 20 s JFR (profile settings) of the server taken 5 s into the 8-client command phase
cd /tmp/b; name=$1; jars=$2; rm -rf cmd-$name
java -jar $jars/ledger-bench.jar --server-jar $jars/ledger-server.jar --cases 2000 --clients 1,8 --phase-seconds 30 --queries 20 --rebuild false --jfr-clients 0 --server-opts "" --out /tmp/b/cmd-$name > /tmp/b/cmd-$name.out 2>&1 &
bench=$!
until grep -q "commands with 8 clients" /tmp/b/cmd-$name.out 2>/dev/null; do sleep 0.5; kill -0 $bench 2>/dev/null || exit 1; done
sleep 5
pid=$(pgrep -P $bench | head -1)
jcmd $pid JFR.start name=p settings=profile duration=20s filename=/tmp/b/cmd-$name.jfr > /tmp/b/cmd-$name.jcmd.txt 2>&1
wait $bench
echo DONE > /tmp/b/jfr_paused.done
