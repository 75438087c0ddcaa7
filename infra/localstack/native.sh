#!/usr/bin/env bash
# LocalStack without Docker: installs it (pinned, Python >= 3.13) and its DynamoDB engine under .local/,
# starts and stops it. Used by infra/bin/test; usable by hand:
#
#   infra/localstack/native.sh start [PORT]   # prints the endpoint, e.g. http://127.0.0.1:4566
#   infra/localstack/native.sh stop
#
# Everything lives in .local/localstack/ ($XILIAN_LOCALSTACK_HOME): venv/ (localstack-core and its pins),
# fs/ (LocalStack's FILESYSTEM_ROOT: its lib folder with the DynamoDB engine, its temp and state folders),
# localstack.log, pid, endpoint. Nothing is written to /var/lib/localstack.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib.sh"
use_jdk

home="${XILIAN_LOCALSTACK_HOME:-$XILIAN_ROOT/.local/localstack}"
venv="$home/venv"
fs="$home/fs"
# LocalStack puts its libraries in <FILESYSTEM_ROOT>/var/lib/localstack/lib when it runs on a host
# (OVERRIDE_IN_DOCKER=0: some machines look like containers to it, then it would use /var/lib/localstack).
lib="$fs/var/lib/localstack/lib"
# Pins (stack notes): 4.14.0 is the last release that runs without an auth token; cbor2 6 lacks the decoder
# module it imports; pyopenssl 26 dropped X509.add_extensions; service_identity for its TLS setup.
pins="localstack-core[runtime]==4.14.0 cbor2<6 pyopenssl>=25,<26 service_identity"

python312() {
  # LocalStack 4.14.0 needs Python >= 3.13 in practice: its utils/tagging.py imports warnings.deprecated
  # (new in 3.13), so on 3.12 CreateTable and S3 calls fail with an ImportError; 3.11 fails earlier.
  local c
  for c in "${LOCALSTACK_PYTHON:-}" python3.13 /root/.pyenv/versions/3.13.*/bin/python3 \
           "$HOME"/.pyenv/versions/3.13.*/bin/python3 python3; do
    [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 || continue
    if "$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 13) else 1)' 2>/dev/null; then
      command -v "$c"; return 0
    fi
  done
  echo "error: LocalStack 4.14.0 needs Python >= 3.13 (pyenv install 3.13, or set LOCALSTACK_PYTHON)" >&2
  return 1
}

install_localstack() {
  if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.pins" 2>/dev/null)" = "$pins" ]; then
    return 0
  fi
  local py
  py="$(python312)"
  echo "installing $pins into $venv (python $("$py" -V 2>&1)) ..." >&2
  rm -rf "$venv"
  "$py" -m venv "$venv"
  # shellcheck disable=SC2086
  "$venv/bin/pip" install -q --disable-pip-version-check $pins >&2
  echo "$pins" > "$venv/.pins"
}

# LocalStack's DynamoDB provider runs DynamoDB Local on a "java/21" it would download; both come from here:
# the JDK this script found, and com.amazonaws:DynamoDBLocal:2.6.1 from Maven Central (pom next to this file).
install_dynamodb_engine() {
  local ddb="$lib/dynamodb-local/2"
  mkdir -p "$lib/java"
  ln -sfn "$JAVA_HOME" "$lib/java/21"
  [ -f "$ddb/DynamoDBLocal.jar" ] && [ -f "$ddb/ddb-local-loader-0.1.jar" ] && return 0
  echo "laying out DynamoDB Local 2.6.1 (Maven Central) in $ddb ..." >&2
  local tmp
  tmp="$(mktemp -d)"
  mkdir -p "$ddb/DynamoDBLocal_lib"
  mvn -B -ntp -q -f "$XILIAN_ROOT/infra/localstack/dynamodb-local/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$ddb/DynamoDBLocal_lib" >&2
  # sqlite4java looks for the unversioned name on java.library.path (= DynamoDBLocal_lib).
  cp "$ddb/DynamoDBLocal_lib/libsqlite4java-linux-amd64-"*.so "$ddb/DynamoDBLocal_lib/libsqlite4java-linux-amd64.so"
  # The launcher LocalStack runs with `java -jar`: only a manifest (main class, class path = the lib jars).
  {
    echo "Main-Class: com.amazonaws.services.dynamodbv2.local.main.ServerRunner"
    echo "Class-Path: ."
    for j in "$ddb/DynamoDBLocal_lib/"*.jar; do echo "  DynamoDBLocal_lib/$(basename "$j")"; done
  } > "$tmp/manifest.txt"
  # continuation lines are concatenated: each entry line starts with the continuation space + a separator
  "$JAVA_HOME/bin/jar" --create --file "$ddb/DynamoDBLocal.jar" --manifest "$tmp/manifest.txt"
  # LocalStack adds -javaagent:<its patch for >20 GSIs> (downloaded from GitHub); the table has 2, so a
  # no-op agent stands in for it.
  mkdir -p "$tmp/agent"
  printf 'public final class NoopAgent { public static void premain(String args) { } }\n' > "$tmp/agent/NoopAgent.java"
  "$JAVA_HOME/bin/javac" -d "$tmp/agent" "$tmp/agent/NoopAgent.java"
  printf 'Premain-Class: NoopAgent\n' > "$tmp/agent.mf"
  "$JAVA_HOME/bin/jar" --create --file "$ddb/ddb-local-loader-0.1.jar" --manifest "$tmp/agent.mf" -C "$tmp/agent" NoopAgent.class
  rm -rf "$tmp"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start() {
  local port="${1:-4566}"
  if [ "$port" = 0 ]; then port="$(free_port)"; fi
  if [ -f "$home/pid" ] && kill -0 "$(cat "$home/pid")" 2>/dev/null; then
    echo "LocalStack already runs (pid $(cat "$home/pid")) at $(cat "$home/endpoint"); stop it first" >&2
    return 1
  fi
  install_localstack
  install_dynamodb_engine
  mkdir -p "$fs"
  local endpoint="http://127.0.0.1:$port"
  # DYNAMODB streams v2: the default (kinesis-mock) provider lost writes made right after CreateTable.
  # DynamoDB Local in memory: nothing of a test run is kept. No SSL certificate download, no analytics.
  # S3 checks signatures (its default skips them): the evidence adapter signs its requests and the browser's
  # POST policy by hand, and a wrong signature must fail here as it would in AWS (access key test = secret test).
  OVERRIDE_IN_DOCKER=0 FILESYSTEM_ROOT="$fs" GATEWAY_LISTEN="127.0.0.1:$port" \
  PROVIDER_OVERRIDE_DYNAMODBSTREAMS=v2 DYNAMODB_IN_MEMORY=1 SKIP_SSL_CERT_DOWNLOAD=1 DISABLE_EVENTS=1 \
  S3_SKIP_SIGNATURE_VALIDATION=0 \
  LOCALSTACK_HOST="127.0.0.1:$port" JAVA_HOME="$JAVA_HOME" \
    setsid "$venv/bin/python" -m localstack.runtime.main >"$home/localstack.log" 2>&1 &
  echo $! > "$home/pid"
  echo "$endpoint" > "$home/endpoint"
  for _ in $(seq 1 120); do
    if curl -fsS "$endpoint/_localstack/health" 2>/dev/null | grep -q '"dynamodb"'; then
      echo "$endpoint"
      return 0
    fi
    kill -0 "$(cat "$home/pid")" 2>/dev/null || break
    sleep 0.5
  done
  echo "error: LocalStack did not start; its log ($home/localstack.log):" >&2
  tail -n 40 "$home/localstack.log" >&2
  stop
  return 1
}

stop() {
  [ -f "$home/pid" ] || return 0
  local pid
  pid="$(cat "$home/pid")"
  # SIGTERM: LocalStack shuts its services down (DynamoDB Local too), which takes > 6 s; then the group.
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$home/pid" "$home/endpoint"
}

mkdir -p "$home"
case "${1:-}" in
  install) install_localstack; install_dynamodb_engine ;;
  start) start "${2:-4566}" ;;
  stop) stop ;;
  *) echo "usage: $0 install | start [PORT|0] | stop" >&2; exit 2 ;;
esac
