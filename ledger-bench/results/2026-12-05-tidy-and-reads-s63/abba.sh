#!/bin/bash
cd /tmp/b
./so4.sh T1A jarsD /tmp/b/keep1m "" 100
./so4.sh T1B jarsE /tmp/b/keep1m "" 100
./so4.sh T2B jarsE /tmp/b/keep1m "" 100
./so4.sh T2A jarsD /tmp/b/keep1m "" 100
echo ABBADONE > /tmp/b/abba.done
