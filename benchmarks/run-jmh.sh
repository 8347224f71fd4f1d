#!/usr/bin/env bash
# JMH micro-benchmarks of Eddy's hot paths (benchmarks/src/main/java/bench/jmh).
# Usage: benchmarks/run-jmh.sh [regex] [extra JMH options]
#   regex        benchmarks to run (default: all of bench.jmh), e.g. 'NetworkBenchmark' or 'KeyedState.*valueGetUpdate'
#   JMH options  override the short defaults below, e.g. -p backend=rocksdb -p keys=10000, -f 3 -i 10, -prof gc;
#                run with '.' -h for JMH's help
# Results: printed, and as JSON in benchmarks/results/jmh.json (JMH_RESULT=path to change it).
# Environment: MVN_FLAGS (e.g. -o to build offline), JAVA_OPTS (JVM options of the benchmark forks).
set -euo pipefail
cd "$(dirname "$0")/.."
REGEX=${1:-bench.jmh.}
shift || true
MVN_FLAGS=${MVN_FLAGS:-}
# AlwaysPreTouch: without it, first-touch page faults of a fresh 2g heap dominate allocating benchmarks
# (no GC happens in a short run, so every new TLAB lands on untouched pages).
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC -XX:+AlwaysPreTouch}
RESULT=${JMH_RESULT:-benchmarks/results/jmh.json}

mvn $MVN_FLAGS -q -B -DskipTests -pl benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
CP="benchmarks/target/classes:$(cat benchmarks/target/cp.txt)"
mkdir -p "$(dirname "$RESULT")"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
# Short defaults, each only if not given (JMH refuses an option given twice).
ARGS=()
default() {
  local opt=$1 a
  for a in "${EXTRA[@]}"; do [ "$a" = "$opt" ] && return 0; done
  ARGS+=("$@")
}
EXTRA=("$@")
default -f 1
default -wi 3
default -w 1s
default -i 5
default -r 1s
default -jvmArgsAppend "$JAVA_OPTS"
default -jvmArgsPrepend "-Dlogback.configurationFile=$PWD/benchmarks/jmh-logback.xml"
default -rf json
default -rff "$RESULT"
exec java -cp "$CP" org.openjdk.jmh.Main "$REGEX" "${ARGS[@]}" "$@"
