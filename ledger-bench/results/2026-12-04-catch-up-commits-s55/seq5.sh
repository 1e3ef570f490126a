#!/bin/bash
O="-XX:TieredStopAtLevel=1"
./rb.sh G4 jarsB "$O"
./rb.sh B5 jarsX "$O -Dgongshi.exp.commit-mb=32"
./rb.sh G5 jarsB "$O"
echo done > /tmp/b/seq5.done
