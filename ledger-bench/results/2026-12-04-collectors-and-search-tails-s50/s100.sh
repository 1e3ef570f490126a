cd /work/main
for cfg in "g1:-XX:TieredStopAtLevel=1" "p20:-XX:TieredStopAtLevel=1 -XX:MaxGCPauseMillis=20"; do
  name=${cfg%%:*}; opts=${cfg#*:}
  java -jar ledger-bench/target/ledger-bench.jar --cases 2000 --clients 1 --phase-seconds 5 --search-records 100000 --queries 200 --jfr-clients 0 --rebuild false --out /tmp/b/s100-$name --server-opts "$opts -Xlog:gc:file=/tmp/b/s100-$name-gc.log:uptime,time" > /tmp/b/s100-$name.log 2>&1
done
echo ALLDONE >> /tmp/b/s100-p20.log
