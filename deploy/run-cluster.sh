#!/usr/bin/env bash
# Gateway Power on several nodes behind nginx, on one machine: deploy/run-cluster.sh start|stop|status
#
# start   (optionally) creates the PostgreSQL role and database, starts the nodes (the production jar with
#         the postgres profile, each with its own GATEWAY_NODE_ID, PORT and log), waits until each is ready
#         (/actuator/health/readiness), starts nginx with deploy/nginx.conf and prints the URL.
# stop    stops nginx, then the nodes (SIGTERM: a node finishes its in-flight requests; SIGKILL after 60 s).
# status  says which nodes and which nginx run, and whether each node is ready.
#
# Settings (environment; defaults in brackets):
#   GATEWAY_JAR              the production jar [target/gateway-power-*.jar of this checkout]
#   GATEWAY_RUN_DIR          pids, logs, the nginx prefix [./cluster]
#   GATEWAY_NODE_COUNT       how many nodes [2]
#   GATEWAY_NODE_PORTS       their ports ["8081 8082 ..."]
#   GATEWAY_PROXY_LISTEN     where nginx listens [8080]
#   GATEWAY_PREPARE_DB       1: create the role POSTGRES_USER and the database of POSTGRES_URL if missing
#                            (as the postgres superuser, on this machine) [0]
#   POSTGRES_URL, POSTGRES_USER, POSTGRES_PASS   the database [jdbc:postgresql://localhost:5432/gatewaypower,
#                            gatewaypower, gatewaypower]
#   GATEWAY_NODE_JAVA_OPTS   JVM options for each node [-Xmx512m]
#   GATEWAY_NODE_CONFIG      a .properties or .yml file every node reads besides its built-in configuration
#                            (spring.config.additional-location), e.g. the single sign-on providers and their
#                            gateway.sso.* claim mapping, whose keys environment variables cannot spell [none]
#   JAVA_HOME                a JDK or JRE 25 [java on the PATH]
# Everything else in the environment reaches the nodes too (GATEWAY_DEMO, GATEWAY_ADMIN_PASSWORD, ...).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
run_dir=$(mkdir -p "${GATEWAY_RUN_DIR:-./cluster}" && cd "${GATEWAY_RUN_DIR:-./cluster}" && pwd)
count=${GATEWAY_NODE_COUNT:-2}
read -r -a ports <<< "${GATEWAY_NODE_PORTS:-$(seq -s ' ' 8081 $((8080 + count)))}"
listen=${GATEWAY_PROXY_LISTEN:-8080}
export POSTGRES_URL=${POSTGRES_URL:-jdbc:postgresql://localhost:5432/gatewaypower}
export POSTGRES_USER=${POSTGRES_USER:-gatewaypower}
export POSTGRES_PASS=${POSTGRES_PASS:-gatewaypower}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

die() { echo "run-cluster: $*" >&2; exit 1; }

[[ $count =~ ^[1-9][0-9]?$ ]] || die "GATEWAY_NODE_COUNT must be a number from 1 to 99, not '$count'"
[[ ${#ports[@]} -ge $count ]] || die "GATEWAY_NODE_PORTS names ${#ports[@]} ports for $count nodes"

node_id() { echo "node-$1"; }
pid_of() { [[ -s $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null && cat "$1"; }
ready() { curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null; }

prepare_db() {
  # Creates, never drops: the role and the database named in POSTGRES_URL, owned by POSTGRES_USER.
  local db=${POSTGRES_URL##*/}
  db=${db%%\?*}
  [[ $db =~ ^[A-Za-z0-9_-]+$ ]] || die "cannot read a plain database name from POSTGRES_URL=$POSTGRES_URL"
  [[ $POSTGRES_USER =~ ^[A-Za-z0-9_]+$ ]] || die "POSTGRES_USER must be letters, digits or '_'"
  local psql=(psql -v ON_ERROR_STOP=1 -qtA)
  if [[ $(id -u) -eq 0 ]]; then psql=(su postgres -c "psql -v ON_ERROR_STOP=1 -qtA"); fi
  "${psql[@]}" <<SQL || die "could not prepare database $db (is PostgreSQL running? pg_ctlcluster 15 main start)"
do \$\$ begin if not exists (select from pg_roles where rolname = '$POSTGRES_USER') then
  create role "$POSTGRES_USER" login password '${POSTGRES_PASS//\'/\'\'}'; end if; end \$\$;
select 'create database "$db" owner "$POSTGRES_USER"' where not exists (select from pg_database where datname = '$db')
\gexec
SQL
  echo "database $db ready (owner $POSTGRES_USER)"
}

start_node() {
  local i=$1 port=${ports[$(($1 - 1))]} dir="$run_dir/$(node_id "$1")"
  mkdir -p "$dir"
  if pid_of "$dir.pid" >/dev/null; then
    echo "$(node_id "$i") already runs (pid $(cat "$dir.pid"))"
    return
  fi
  local args=()
  [[ -z $node_config ]] || args=("--spring.config.additional-location=file:$node_config")
  # shellcheck disable=SC2086 # the options are words on purpose
  (cd "$dir" && GATEWAY_NODE_ID=$(node_id "$i") PORT=$port SPRING_PROFILES_ACTIVE=postgres \
      exec nohup "$java" ${GATEWAY_NODE_JAVA_OPTS:--Xmx512m} -jar "$jar" "${args[@]}" </dev/null >"$dir.log" 2>&1) &
  echo $! > "$dir.pid"
  echo "$(node_id "$i") starting: pid $!, port $port, log $dir.log"
}

await_node() {
  local i=$1 port=${ports[$(($1 - 1))]} dir="$run_dir/$(node_id "$1")" deadline=$((SECONDS + 240))
  until ready "$port"; do
    if ! pid_of "$dir.pid" >/dev/null; then
      tail -n 40 "$dir.log" >&2 || true
      die "$(node_id "$i") stopped while starting (log: $dir.log)"
    fi
    ((SECONDS < deadline)) || die "$(node_id "$i") not ready within 240 s (log: $dir.log)"
    sleep 0.5
  done
  echo "$(node_id "$i") ready on port $port"
}

write_nginx_conf() {
  # Lines holding @N@ are repeated per node; @BACKUPS@ lists every other node as a backup server.
  local conf="$run_dir/nginx/nginx.conf" line i j backups
  mkdir -p "$run_dir/nginx/temp"
  : > "$conf"
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^[[:space:]]*# ]]; then
      printf '%s\n' "$line" >> "$conf"
      continue
    fi
    line=${line//@PREFIX@/$run_dir/nginx}
    line=${line//@LISTEN@/$listen}
    if [[ $line != *@N@* && $line != *@NODE@* ]]; then
      printf '%s\n' "$line" >> "$conf"
      continue
    fi
    for ((i = 1; i <= count; i++)); do
      backups=
      for ((j = 1; j <= count; j++)); do
        ((j == i)) || backups+="server 127.0.0.1:${ports[$((j - 1))]} backup; "
      done
      local l=${line//@N@/$i}
      l=${l//@ID@/$(node_id "$i")}
      l=${l//@NODE@/127.0.0.1:${ports[$((i - 1))]}}
      printf '%s\n' "${l//@BACKUPS@/$backups}" >> "$conf"
    done
  done < "$here/nginx.conf"
  echo "$conf"
}

start() {
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || die "nginx is missing (apt-get install nginx)"
  command -v curl >/dev/null || die "curl is missing (apt-get install curl)"
  jar=${GATEWAY_JAR:-$(ls "$here"/../target/gateway-power-*.jar 2>/dev/null | head -n 1 || true)}
  [[ -n $jar && -f $jar ]] || die "no production jar: build it (./mvnw -Pproduction -DskipTests package) or set GATEWAY_JAR"
  jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
  "$java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])' || die "$java is not Java 25 or later (set JAVA_HOME)"
  [[ ${GATEWAY_PREPARE_DB:-0} == 1 ]] && prepare_db
  node_config=
  if [[ -n ${GATEWAY_NODE_CONFIG:-} ]]; then
    # Absolute: each node runs in its own directory. Spring Boot reads a file by its extension only.
    [[ -f $GATEWAY_NODE_CONFIG && -r $GATEWAY_NODE_CONFIG ]] || die "GATEWAY_NODE_CONFIG names no readable file: $GATEWAY_NODE_CONFIG"
    [[ $GATEWAY_NODE_CONFIG =~ \.(properties|ya?ml)$ ]] || die "GATEWAY_NODE_CONFIG must end in .properties, .yml or .yaml: $GATEWAY_NODE_CONFIG"
    node_config=$(cd "$(dirname "$GATEWAY_NODE_CONFIG")" && pwd)/$(basename "$GATEWAY_NODE_CONFIG")
  fi

  # All nodes start together: Flyway's lock and the start-up lock (collaboration.ClusterStartupLock) make
  # the migrations and the start-up tasks (first administrator, demo seed) run once.
  for ((i = 1; i <= count; i++)); do start_node "$i"; done
  for ((i = 1; i <= count; i++)); do await_node "$i"; done

  local nginx_bin conf
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  conf=$(write_nginx_conf)
  if pid_of "$run_dir/nginx/nginx.pid" >/dev/null; then
    "$nginx_bin" -p "$run_dir/nginx" -c "$conf" -e "$run_dir/nginx/error.log" -s reload
  else
    "$nginx_bin" -p "$run_dir/nginx" -c "$conf" -e "$run_dir/nginx/error.log" </dev/null >/dev/null 2>>"$run_dir/nginx/error.log" \
        || { tail -n 20 "$run_dir/nginx/error.log" >&2; die "nginx did not start (config: $conf)"; }
  fi
  local url="http://localhost:${listen##*:}"
  local deadline=$((SECONDS + 30))
  until curl -fsS -m 2 -o /dev/null "$url/actuator/health/readiness"; do
    ((SECONDS < deadline)) || die "nginx does not answer on $url (log: $run_dir/nginx/error.log)"
    sleep 0.2
  done
  echo "Gateway Power: $url ($count nodes, logs in $run_dir)"
}

stop() {
  local pid i dir
  if pid=$(pid_of "$run_dir/nginx/nginx.pid"); then
    kill -QUIT "$pid" && echo "nginx stopping (pid $pid)"
  fi
  for dir in "$run_dir"/node-*.pid; do
    [[ -e $dir ]] || continue
    if pid=$(pid_of "$dir"); then
      kill -TERM "$pid" && echo "$(basename "$dir" .pid) stopping (pid $pid)"
    fi
  done
  for dir in "$run_dir"/node-*.pid; do
    [[ -e $dir ]] || continue
    pid=$(pid_of "$dir") || { rm -f "$dir"; continue; }
    for ((i = 0; i < 600; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" && echo "$(basename "$dir" .pid) killed after 60 s"
    rm -f "$dir"
  done
  echo "stopped"
}

status() {
  local f pid id port running=0
  for ((i = 1; i <= count; i++)); do
    id=$(node_id "$i")
    port=${ports[$((i - 1))]}
    if pid=$(pid_of "$run_dir/$id.pid"); then
      running=$((running + 1))
      if ready "$port"; then echo "$id: pid $pid, port $port, ready"; else echo "$id: pid $pid, port $port, not ready"; fi
    else
      echo "$id: not running"
    fi
  done
  f="$run_dir/nginx/nginx.pid"
  if pid=$(pid_of "$f"); then echo "nginx: pid $pid, listening on $listen"; else echo "nginx: not running"; fi
  ((running > 0))
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 start|stop|status (settings: see the top of this file)" ;;
esac
