#!/usr/bin/env bash
# Builds nn4j and runs its JMH benchmarks (nn4j-bench): bench/jmh.sh [JMH options], e.g.
#   bench/jmh.sh GemmBench -p threads=1        one class, one thread
#   bench/jmh.sh -l                            list the benchmarks
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
(cd "$ROOT" && JAVA_HOME="$JAVA_HOME" mvn -q -B ${NN4J_MVN_OPTS:-} install -DskipTests -pl nn4j-core,nn4j-cli,nn4j-bench >&2)
CP="$ROOT/nn4j-bench/target/classes:$(cat "$ROOT/nn4j-bench/target/runtime-classpath.txt")"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$CP" org.openjdk.jmh.Main "$@"
