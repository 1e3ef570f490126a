#!/bin/bash
# usage: GEN=DIR claims.sh NAME SERVER_JAR PORT
# GEN: a 20,000-case ledger generated once in process
#   (java -XX:TieredStopAtLevel=1 -jar ledger-server.jar generate --cases 20000 --gongshi.data-dir=$GEN)
# The ledger is copied, the server builds every read model from the first event, and ClaimAges.java polls the token
# claims every 200 ms until no token was written for 60 s. The MongoDB driver's jars come from the local Maven repository.
name=$1; jar=$2; port=$3
M=~/.m2/repository/org/mongodb
CP=$M/mongodb-driver-sync/5.6.5/mongodb-driver-sync-5.6.5.jar:$M/mongodb-driver-core/5.6.5/mongodb-driver-core-5.6.5.jar:$M/bson/5.6.5/bson-5.6.5.jar
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$name" && cp -a "$GEN" "$name"
java -XX:TieredStopAtLevel=1 -jar "$jar" --server.port="$port" --gongshi.data-dir="$PWD/$name" > "$name.server.log" 2>&1 &
server=$!
java -cp "$CP" "$here/ClaimAges.java" "$PWD/$name" "$name.server.log" 900 > "$name.claims.txt" 2>&1
kill $server; wait $server
rm -rf "$name"
