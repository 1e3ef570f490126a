#!/bin/bash
while [ ! -f /tmp/b/seq.done ]; do sleep 5; done
O="-XX:TieredStopAtLevel=1"
./rb.sh E1 jarsX "$O -Dgongshi.exp.commit-mb=64"
./rb.sh A3 jarsA "$O"
./rb.sh B3 jarsX "$O -Dgongshi.exp.commit-mb=32"
./rb.sh E2 jarsX "$O -Dgongshi.exp.commit-mb=64"
./rb.sh F1 jarsX "$O -Dgongshi.exp.commit-mb=16"
echo SEQDONE > /tmp/b/seq2.done
