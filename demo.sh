#!/usr/bin/env bash
# The Reqlens demo: builds what is missing, then runs the example service under the
# OpenTelemetry Java agent with the Reqlens extension and prints what was kept, per route.
#
#   ./demo.sh                         # about 20 s of traffic
#   ./demo.sh --serve                 # then serve the demo's data on a live dashboard (Ctrl-C
#                                     # stops; REQLENS_SERVE_PORT picks the port, default any)
#   REQLENS_DEMO_SECONDS=5 ./demo.sh  # shorter
#   REQLENS_REBUILD=1 ./demo.sh       # rebuild first (mvn -B -q -DskipTests package)
#
# Needs Java 17+ and Maven 3.8+; everything else is resolved by Maven.
set -euo pipefail
cd "$(dirname "$0")"

serve=0
for arg in "$@"; do
  case "$arg" in
    --serve) serve=1 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo.sh: unknown argument '$arg' (accepted: --serve, --help)" >&2; exit 2 ;;
  esac
done

example=examples/target/reqlens-example.jar
agent=examples/target/agent/opentelemetry-javaagent.jar

extension_jar() {
  # the shaded jar; shade keeps the unshaded one as original-*.jar, which this glob skips
  ls -t extension/target/reqlens-javaagent-extension-*.jar 2>/dev/null | head -n 1 || true
}

for tool in java mvn; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "demo.sh: '$tool' is not on the PATH (Java 17+ and Maven 3.8+ are needed)" >&2
    exit 1
  fi
done

extension=$(extension_jar)
stale=""
if [[ -f "$example" ]]; then
  # any pom or source file newer than the example jar (build output and .git skipped)
  stale=$(find . \( -name target -o -name .git \) -prune -o -type f \
    \( -name pom.xml -o -path '*/src/*' \) -newer "$example" -print | head -n 1)
fi
if [[ "${REQLENS_REBUILD:-0}" == "1" || ! -f "$example" || ! -f "$agent" || -z "$extension" \
      || -n "$stale" ]]; then
  echo "Building Reqlens (mvn -B -q -DskipTests package) ..."
  mvn -B -q -DskipTests package
  extension=$(extension_jar)
fi

demo=(java
  -Dreqlens.agent.jar="$agent"
  -Dreqlens.extension.jar="$extension"
  -Dreqlens.example.jar="$example"
  -Dreqlens.demo.dir=examples/target/demo
  -cp "$example" io.reqlens.examples.demo.Demo)
if [[ "$serve" == "0" ]]; then
  exec "${demo[@]}"
fi
"${demo[@]}"
echo
echo "Serving the demo's data (reqlens-data/) on a live dashboard; open the URL below."
echo "$ java -jar $extension serve reqlens-data"
exec java -jar "$extension" serve --port "${REQLENS_SERVE_PORT:-0}" reqlens-data
