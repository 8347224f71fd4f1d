#!/usr/bin/env bash
# Nexmark latency and the throughput/latency curve over the buffer timeout, Eddy beside Apache Flink
# 2.3.0, engines interleaved (bench.nexmark.NexmarkLatencyRunner on both).
# Usage: benchmarks/run-latency.sh [--events N] [--seconds S] [--warmup-seconds W] [--queries q1k,q7]
#        [--timeouts "0 1 5 20 100"] [--watermark-interval MS] [--time-speedup X] [--max-runs N] [--skip-build]
#        [--report-only (tables and plots from an existing results/latency-raw.txt)]
# For each query:
#  (a) Flink's maximum: the median of --max-runs (default 3) unthrottled Flink runs of N events at its
#      default buffer timeout (100 ms); a run's rate is events over the span from first to last
#      emission at the sources;
#  (b) for each buffer timeout, for each engine: an unthrottled run of N events (throughput), then a
#      run throttled to R = half of (a) for W + S seconds (latency, the first W seconds not measured).
# Writes benchmarks/results/latency.tsv (one row per query, engine and timeout), latency-raw.txt (the
# RESULT lines) and the plots latency-p99-vs-buffer-timeout.svg and throughput-vs-buffer-timeout.svg.
# Checkpoints every second (exactly-once), hashmap backend, 2 TaskManagers x 1 slot, parallelism 2.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=10000000
SECONDS_MEASURED=30
WARMUP=5
QUERIES=q1k,q7
TIMEOUTS="0 1 5 20 100"
WATERMARK_INTERVAL=200
SPEEDUP=203  # event time runs 203x faster than wall time: a q7 window every 49 ms (see NexmarkLatencyRunner)
BUILD=1
RUNS=1
MAX_RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --events) EVENTS=$2; shift 2 ;;
    --seconds) SECONDS_MEASURED=$2; shift 2 ;;
    --warmup-seconds) WARMUP=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --timeouts) TIMEOUTS=$2; shift 2 ;;
    --watermark-interval) WATERMARK_INTERVAL=$2; shift 2 ;;
    --time-speedup) SPEEDUP=$2; shift 2 ;;
    --max-runs) MAX_RUNS=$2; shift 2 ;;
    --skip-build) BUILD=0; shift ;;
    --report-only) BUILD=0; RUNS=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC}
MVN_FLAGS=${MVN_FLAGS:-}  # e.g. -o to build offline
OUT=benchmarks/results
mkdir -p "$OUT"

if [ "$BUILD" = 1 ]; then
  # Package the reactor with the Flink twin (profile flink) and take the classpaths from it, not from ~/.m2.
  mvn $MVN_FLAGS -q -B -DskipTests -Pflink -pl benchmarks,benchmarks/flink -am package dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt >/dev/null
fi
EDDY_CP="benchmarks/target/classes:$(cat benchmarks/target/cp.txt)"
FLINK_CP="benchmarks/flink/target/classes:$(cat benchmarks/flink/target/cp.txt)"
COMMON=(--watermark-interval "$WATERMARK_INTERVAL" --time-speedup "$SPEEDUP" --warmup-seconds "$WARMUP")

# run <engine> <query> <options...>: prints the run's RESULT line.
run() {
  local engine=$1 cp
  shift
  if [ "$engine" = eddy ]; then cp=$EDDY_CP; else cp=$FLINK_CP; fi
  java $JAVA_OPTS -cp "$cp" bench.nexmark.NexmarkLatencyRunner "$engine" "$@" "${COMMON[@]}" 2> >(grep -v '^SLF4J' >&2) \
    | grep '^RESULT'
}
field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }

RAW=$OUT/latency-raw.txt
if [ "$RUNS" = 1 ]; then
echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1);" \
  "events=$EVENTS seconds=$SECONDS_MEASURED warmup=$WARMUP watermarkInterval=$WATERMARK_INTERVAL timeSpeedup=$SPEEDUP" | tee "$RAW"
for q in ${QUERIES//,/ }; do
  maxima=()
  for ((r = 0; r < MAX_RUNS; r++)); do
    line=$(run flink "$q" --events "$EVENTS")
    echo "$line" | tee -a "$RAW"
    maxima+=("$(echo "$line" | field processingEventsPerSecond)")
  done
  max=$(printf '%s\n' "${maxima[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "# $q: Flink's unthrottled runs ${maxima[*]} events/s; median $max" | tee -a "$RAW"
  rate=$(awk -v m="$max" 'BEGIN { printf "%d", m / 2 }')
  throttled_events=$(awk -v r="$rate" -v s="$SECONDS_MEASURED" -v w="$WARMUP" 'BEGIN { printf "%d", r * (s + w) }')
  echo "# $q: Flink's maximum $max events/s; latency runs at $rate events/s, $throttled_events events" | tee -a "$RAW"
  for t in $TIMEOUTS; do
    for engine in eddy flink; do
      run "$engine" "$q" --events "$EVENTS" --buffer-timeout "$t" | tee -a "$RAW"
      run "$engine" "$q" --events "$throttled_events" --throttle "$rate" --buffer-timeout "$t" | tee -a "$RAW"
    done
  done
done
fi

# One row per query, engine and buffer timeout: throughput of the unthrottled run, latency of the throttled one.
TSV=$OUT/latency.tsv
awk '
  /^RESULT/ {
    delete v; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    if (v["bufferTimeoutMs"] == "default") next
    key = v["query"] SUBSEP v["engine"] SUBSEP v["bufferTimeoutMs"]
    if (!(key in seen)) { seen[key] = 1; keys[++n] = key }
    if (v["throttle"] == 0) tput[key] = v["processingEventsPerSecond"]
    else { rate[key] = v["throttle"]; got[key] = v["processingEventsPerSecond"]; p50[key] = v["p50Ms"]; p99[key] = v["p99Ms"]
           p999[key] = v["p999Ms"]; mx[key] = v["maxMs"]; smp[key] = v["samples"]; lag[key] = v["sourceLagP99Ms"] }
  }
  END {
    print "query\tengine\tbufferTimeoutMs\tmaxEventsPerSecond\tthrottleEventsPerSecond\tachievedEventsPerSecond\tp50Ms\tp99Ms\tp999Ms\tmaxMs\tsamples\tsourceLagP99Ms"
    for (i = 1; i <= n; i++) { key = keys[i]; split(key, part, SUBSEP)
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", part[1], part[2], part[3], tput[key], rate[key], got[key],
        p50[key], p99[key], p999[key], mx[key], smp[key], lag[key] }
  }' "$RAW" > "$TSV"
column -t -s $'\t' "$TSV"

# Plot tables: x = buffer timeout, one column per engine-query.
pivot() {  # pivot <column name> <out.tsv>
  awk -F '\t' -v col="$1" -v queries="$QUERIES" -v timeouts="$TIMEOUTS" '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { val[$2 "-" $1, $3] = $(c[col]) }
    END {
      nq = split(queries, qs, ","); nt = split(timeouts, ts, " ")
      printf "x"; for (i = 1; i <= nq; i++) printf "\teddy-%s\tflink-%s", qs[i], qs[i]; print ""
      for (j = 1; j <= nt; j++) { printf "%s", ts[j]
        for (i = 1; i <= nq; i++) printf "\t%s\t%s", val["eddy-" qs[i], ts[j]], val["flink-" qs[i], ts[j]]; print "" }
    }' "$TSV" > "$2"
}
pivot p99Ms "$OUT/latency-p99-vs-buffer-timeout.tsv"
pivot maxEventsPerSecond "$OUT/throughput-vs-buffer-timeout.tsv"
java -cp "$EDDY_CP" bench.plot.SvgPlot lines "$OUT/latency-p99-vs-buffer-timeout.tsv" "$OUT/latency-p99-vs-buffer-timeout.svg" \
  "p99 latency at half of Flink's maximum rate" "buffer timeout (ms)" "p99 latency (ms)" --log-y
java -cp "$EDDY_CP" bench.plot.SvgPlot lines "$OUT/throughput-vs-buffer-timeout.tsv" "$OUT/throughput-vs-buffer-timeout.svg" \
  "Throughput, unthrottled" "buffer timeout (ms)" "events/s"
echo "wrote $TSV, $RAW and the plots in $OUT"
