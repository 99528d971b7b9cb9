#!/usr/bin/env bash
# The end-to-end overhead harness: builds what it needs, installs wrk if missing, then runs the
# example service under every configuration of benchmarks/overhead-configurations.txt and prints
# the table (also written to benchmarks/target/overhead/results.md). Run from anywhere:
#
#   benchmarks/overhead.sh                 # 3 rounds, about 2 minutes per configuration and round
#   benchmarks/overhead.sh --rounds 1 --warmup 5 --duration 5     # a quick check that it works
#   benchmarks/overhead.sh --only reqlens --jfr                   # + JFR profiles of each run
#
# Options after the script name go to the harness (--help lists them). Set REQLENS_REBUILD=0 to
# skip the Maven build when the jars exist.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

example=examples/target/reqlens-example.jar
agent=examples/target/agent/opentelemetry-javaagent.jar
bench=benchmarks/target/benchmarks.jar

if [[ "${REQLENS_REBUILD:-1}" != 0 || ! -f $example || ! -f $agent || ! -f $bench ]]; then
  echo "building the example service, the extension and the harness (mvn package) ..." >&2
  mvn -B -q -DskipTests package -pl examples,benchmarks -am >&2
fi
extension="$(ls extension/target/reqlens-javaagent-extension-*.jar | grep -v -e original -e sources -e javadoc | head -1)"

if ! command -v wrk >/dev/null 2>&1; then
  # wrk (closed loop, maximum throughput) from Debian's packages; without it the harness uses its
  # own Java closed-loop generator and says so.
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "installing wrk (apt-get) ..." >&2
    (apt-get update -qq && apt-get install -y -qq wrk) >&2 || echo "could not install wrk" >&2
  else
    echo "wrk is not installed (apt-get install wrk); using the Java generator" >&2
  fi
fi

exec java -cp "$bench" io.reqlens.benchmarks.overhead.OverheadMain \
  --example "$example" --agent "$agent" --extension "$extension" \
  --configurations benchmarks/overhead-configurations.txt --output benchmarks/target/overhead "$@"
