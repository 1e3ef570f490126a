#!/bin/bash
for r in N3a:jarsN3:/tmp/search1mN H3:jarsH:/tmp/search1m N3b:jarsN3:/tmp/search1mN H4:jarsH:/tmp/search1m; do
  IFS=: read n j k <<< "$r"
  echo "$(date +%T) start $n" >> /tmp/b/seqT.log
  /tmp/b/so.sh $n /tmp/b/$j $k
  echo "$(date +%T) end $n" >> /tmp/b/seqT.log
done
echo done >> /tmp/b/seqT.log
