#!/usr/bin/env bash
# Throughput of mmm-spark's batch against a plain loop of single fits in one JVM (BENCHMARKS.md).
# Usage: scripts/bench-spark.sh [GROUPS WEEKS CHANNELS CHAINS WARMUP DRAWS MASTER]
# Default: 20 156 5 2 300 300 local[2]. Prints both arms' wall times, the per-group cost and
# Spark's overhead, and checks that both arms wrote the same draws.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Each module of the reactor writes its own target/bench-classpath.txt; mmm-spark's is the one used.
mvn -q -B -ntp -DskipTests -Djqwik.skip=true -pl mmm-spark -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="$root/mmm-spark/target/bench-classpath.txt"
mapfile -t spark_opens < "$root/scripts/spark-java-options.txt"
java "${spark_opens[@]}" -Dlog4j2.configurationFile=mmm-batch-log4j2.properties \
  -cp "$root/mmm-spark/target/test-classes:$root/mmm-spark/target/classes:$(cat "$cp")" \
  dev.mmm.spark.BatchThroughput "${1:-20}" "${2:-156}" "${3:-5}" "${4:-2}" "${5:-300}" "${6:-300}" "${7:-local[2]}"
