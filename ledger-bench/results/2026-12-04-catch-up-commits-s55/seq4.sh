#!/bin/bash
O="-XX:TieredStopAtLevel=1"
./rb.sh G2 jarsB "$O"
./rb.sh B4 jarsX "$O -Dgongshi.exp.commit-mb=32"
./rb.sh G3 jarsB "$O"
./rb.sh A4 jarsA "$O"
echo done > /tmp/b/seq4.done
