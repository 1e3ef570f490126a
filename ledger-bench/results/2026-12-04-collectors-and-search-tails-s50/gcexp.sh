cd /tmp/b
J="java -jar /tmp/b/jars/ledger-bench.jar --server-jar /tmp/b/jars/ledger-server.jar"
$J --cases 2000 --clients 1 --phase-seconds 5 --search-records 100000 --queries 200 --jfr-clients 0 --rebuild false --out /tmp/b/s100-shen --server-opts "-XX:TieredStopAtLevel=1 -XX:+UseShenandoahGC -Xlog:gc:file=/tmp/b/s100-shen-gc.log:uptime,time" > /tmp/b/s100-shen.log 2>&1
for r in a b; do
for g in g1 shen; do
  opts="-XX:TieredStopAtLevel=1"; [ $g = shen ] && opts="$opts -XX:+UseShenandoahGC"
  $J --cases 3000 --generate in-process --deadlines hold --clients 8 --phase-seconds 30 --jfr-clients 0 --rebuild false --queries 100 --out /tmp/b/c3k-$g-$r --server-opts "$opts" > /tmp/b/c3k-$g-$r.log 2>&1
done; done
echo ALLDONE > /tmp/b/gcexp.done
