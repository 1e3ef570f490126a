#!/bin/bash
O="-XX:TieredStopAtLevel=1"
for r in 1 2; do
 ./rb.sh A$r jarsA "$O"
 ./rb.sh B$r jarsX "$O -Dgongshi.exp.commit-mb=32"
 ./rb.sh C$r jarsX "$O -Dgongshi.exp.commit-mb=64 -Dgongshi.embedded.checkpoint-interval=3s"
 ./rb.sh D$r jarsA "$O -Dgongshi.embedded.checkpoint-interval=3s"
done
echo SEQDONE > /tmp/b/seq.done
