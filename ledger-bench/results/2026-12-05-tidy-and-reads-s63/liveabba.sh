#!/bin/bash
cd /tmp/b
./live.sh L1A jarsD; ./live.sh L1B jarsE; ./live.sh L2B jarsE; ./live.sh L2A jarsD
echo done > /tmp/b/liveabba.done
