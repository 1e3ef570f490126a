# the MongoDB driver's jars from the local Maven repository (a build of the ledger puts them there), for DriftAll.java
M=~/.m2/repository/org/mongodb; V=5.6.5
CP=$M/mongodb-driver-sync/$V/mongodb-driver-sync-$V.jar:$M/mongodb-driver-core/$V/mongodb-driver-core-$V.jar:$M/bson/$V/bson-$V.jar:$M/bson-record-codec/$V/bson-record-codec-$V.jar
