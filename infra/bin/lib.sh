# Shared by the scripts in infra/bin: finds a JDK >= 21 and the project's node packages.
# Source it; it exports JAVA_HOME and puts its bin first on PATH.

XILIAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export XILIAN_ROOT

java_major() {
  # Prints the feature version of the java binary in $1/bin, or nothing.
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  local j
  j="$(command -v javac 2>/dev/null)" && candidates+=("$(dirname "$(dirname "$(readlink -f "$j")")")")
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$d" ] && candidates+=("$d")
  done
  local c v
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/javac" ] || continue
    v="$(java_major "$c")"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

use_jdk() {
  local jdk
  if ! jdk="$(find_jdk)"; then
    echo "error: no JDK >= 21 found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. Temurin 21 or 25." >&2
    exit 1
  fi
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
}

ensure_node_packages() {
  # dynalite (local DynamoDB), axe-core (accessibility checks in browser tests) and @redocly/cli (the OpenAPI
  # document's lint, infra/bin/test) come from npm: installed from the lock file, again whenever the lock file changes.
  if ! command -v node >/dev/null 2>&1; then
    echo "error: node (>= 20.19) is needed for dynalite, the local DynamoDB, and @redocly/cli" >&2
    exit 1
  fi
  local dir="$XILIAN_ROOT/infra/local" lock
  lock="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$dir/node_modules/dynalite/cli.js" ] || [ ! -f "$dir/node_modules/axe-core/axe.min.js" ] \
      || [ "$(cat "$dir/node_modules/.xilian-lock" 2>/dev/null)" != "$lock" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock" > "$dir/node_modules/.xilian-lock"
  fi
}

# @redocly/cli as installed by ensure_node_packages, without telemetry or update checks (nothing leaves the machine).
redocly() {
  REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$XILIAN_ROOT/infra/local/node_modules/.bin/redocly" "$@"
}

# The Lambda Java runtime, locally (infra/bin/lambda, tests/runtime): the AWS Lambda Runtime Interface Emulator
# from the Go module proxy and the runtime interface client (+ the serialization jar of the managed runtime)
# from Maven Central, under .local/ (reinstalled only when these pins change).
LAMBDA_RIE_MODULE="github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie"
LAMBDA_RIE_VERSION="v0.0.0-20261030222936-bef5c4ba774d"
LAMBDA_CLIENT_ARTIFACTS="com.amazonaws:aws-lambda-java-runtime-interface-client:2.10.1 com.amazonaws:aws-lambda-java-serialization:1.4.1"

ensure_lambda_runtime() {
  local bin="$XILIAN_ROOT/.local/bin" lib="$XILIAN_ROOT/.local/lambda-runtime"
  mkdir -p "$bin" "$lib"
  if [ ! -x "$bin/aws-lambda-rie" ] || [ "$(cat "$bin/aws-lambda-rie.version" 2>/dev/null)" != "$LAMBDA_RIE_VERSION" ]; then
    command -v go >/dev/null 2>&1 || [ ! -x /usr/local/go/bin/go ] || PATH="/usr/local/go/bin:$PATH"
    command -v go >/dev/null 2>&1 || { echo "error: go is needed to build the Lambda Runtime Interface Emulator" >&2; exit 1; }
    echo "installing aws-lambda-rie $LAMBDA_RIE_VERSION into $bin (go install, ~40 s the first time) ..." >&2
    GOBIN="$bin" go install "$LAMBDA_RIE_MODULE@$LAMBDA_RIE_VERSION"
    echo "$LAMBDA_RIE_VERSION" > "$bin/aws-lambda-rie.version"
  fi
  local a name
  for a in $LAMBDA_CLIENT_ARTIFACTS; do
    name="$(echo "$a" | cut -d: -f2)-$(echo "$a" | cut -d: -f3).jar"
    if [ ! -f "$lib/$name" ]; then
      (cd "$XILIAN_ROOT" && mvn -B -q -ntp -N dependency:copy -Dartifact="$a" -DoutputDirectory="$lib" >&2)
    fi
  done
}

# The operators' tools (functions/tools: import-plan, load-plan, credentials, job) compiled with what they
# use; prints their runtime class path (run from $XILIAN_ROOT). test-compile with tests skipped: the tools'
# tests use the jobs module's test jar, which the reactor resolves only from that phase on; test classes are
# kept off the path.
tools_classpath() {
  mvn -q -B -ntp -pl functions/tools -am test-compile dependency:build-classpath -Dmaven.test.skip=true \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null
  printf 'functions/tools/target/classes:%s' \
    "$(tr ':' '\n' < functions/tools/target/classpath.txt | grep -v '/test-classes/\?$' | paste -sd:)"
}
