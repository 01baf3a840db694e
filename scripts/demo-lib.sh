# Shared by ./scripts/demo and ./scripts/cluster-demo (sourced, from the repository's root).

# The receipts service (serve, demo) and the audit service, which knows only the receipts API jar.
JAR=example/receipts-service/target/receipts-example.jar
AUDIT_JAR=example/receipts-audit/target/receipts-audit.jar

# Builds the example's runnable jars when one is missing or older than the sources. $1: a folder for the log.
build_when_needed() {
  if [[ -f "$JAR" && -f "$AUDIT_JAR" && -z "$(find pom.xml annotations runtime processor example -newer "$JAR" \
      \( -name '*.java' -o -name 'pom.xml' \) -not -path '*/target*' -print -quit)" \
      && -z "$(find example/receipts-api example/receipts-audit -newer "$AUDIT_JAR" \
      \( -name '*.java' -o -name 'pom.xml' \) -not -path '*/target*' -print -quit)" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || { echo "Maven (mvn) is needed to build the demo: install it first." >&2; exit 1; }
  echo "== building the example (first run only; this takes a minute or two)"
  # Only what the example needs (-am: annotations, runtime, processor, testing, receipts-api), without
  # tests. The processor, on the example's annotation processor paths, is resolved from this reactor.
  if ! mvn -q -B -ntp -Dmaven.test.skip=true -Dwee.build.dir=target -pl example/receipts-service,example/receipts-audit -am \
      package >"$1/build.log" 2>&1; then
    cat "$1/build.log" >&2
    echo "the build failed" >&2
    exit 1
  fi
}

# Prints the nats-server binary: NATS_SERVER_BIN, else the PATH, else the usual folders; exits when there is none.
find_nats_server() {
  local bin="${NATS_SERVER_BIN:-}"
  if [[ -z "$bin" ]]; then
    bin="$(command -v nats-server || true)"
  fi
  for candidate in /usr/sbin/nats-server /usr/local/bin/nats-server; do
    [[ -z "$bin" && -x "$candidate" ]] && bin="$candidate"
  done
  if [[ -z "$bin" ]]; then
    echo "nats-server not found. Install it (Debian/Ubuntu: sudo apt-get install -y nats-server)," >&2
    echo "point NATS_SERVER_BIN at one, or set NATS_URL to a running server." >&2
    exit 1
  fi
  echo "$bin"
}

# Whether something accepts TCP connections at host $1, port $2.
answers() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Sets FREE_PORT to a loopback port nothing listens on, and not handed out before.
USED_PORTS=" "
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if [[ "$USED_PORTS" != *" $port "* ]] && ! answers 127.0.0.1 "$port"; then
      USED_PORTS="$USED_PORTS$port "
      FREE_PORT=$port
      return 0
    fi
  done
  echo "no free loopback port found" >&2
  exit 1
}

# Waits (at most 30 s) until file $1 has a line matching $2 while process $3 runs. On failure returns
# 1, and when $4 names the process, says why on stderr with the file's content.
await_line() {
  local file="$1" pattern="$2" pid="$3" name="$4"
  for _ in $(seq 1 300); do
    grep -q "$pattern" "$file" 2>/dev/null && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      grep -q "$pattern" "$file" 2>/dev/null && return 0
      [[ -n "$name" ]] && { echo "$name stopped before it was ready:" >&2; cat "$file" >&2; }
      return 1
    fi
    sleep 0.1
  done
  [[ -n "$name" ]] && { echo "$name was not ready within 30 seconds:" >&2; cat "$file" >&2; }
  return 1
}

# Stops process $1 when it still runs: SIGTERM (a service drains and stops), then SIGKILL after 30 s.
stop_process() {
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
