# Shared by tests/cli_sync_*.sh (sourced after tests/shell_lib.sh; not a test itself):
# web servers on 127.0.0.1 that the test starts and stops, fingerprints of an installed
# bundle, and reading status.json. Every server is stopped by the EXIT trap, by its pid.
SERVERS=$SRC/tests/servers
PYTHON=${PYTHON:-python3}
MB_PID=""
NGX_PID=""

stop_misbehave() {
  if [ -n "$MB_PID" ]; then
    kill "$MB_PID" 2>/dev/null
    wait "$MB_PID" 2>/dev/null
    MB_PID=""
  fi
}

stop_nginx() {
  if [ -n "$NGX_PID" ]; then
    kill -QUIT "$NGX_PID" 2>/dev/null
    local i
    for i in $(seq 50); do kill -0 "$NGX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$NGX_PID" 2>/dev/null
    wait "$NGX_PID" 2>/dev/null
    NGX_PID=""
  fi
}

sync_cleanup() {
  stop_misbehave
  stop_nginx
  rm -rf "$TMP"
}
trap sync_cleanup EXIT
trap 'exit 130' INT TERM

# free_port: a TCP port on 127.0.0.1 that was free a moment ago
free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_port PORT PID: true once 127.0.0.1:PORT accepts (up to 30 s: a busy machine), false
# if PID died
wait_port() {
  local i
  for i in $(seq 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# start_misbehave ROOT NEXT: tests/servers/misbehave.py serving ROOT on /ok/ and NEXT on
# /next/ and under the faults. Sets MB_URL (http://127.0.0.1:PORT) and MB_LOG. It stops with
# stop_misbehave or when this script ends (its stdin closes); its own time limit is only a
# last resort, past any test's ctest timeout (a limit of minutes stopped it in the middle
# of a test on a busy machine).
MB_TIME_LIMIT=1000
# the same last resort for nginx and sshd (cli_studio_remote): 290 s, under ctest's 300,
# stopped them in the middle of a test that a loaded machine made longer than that
SERVER_TIME_LIMIT=1000
start_misbehave() {
  MB_LOG=$TMP/misbehave.log
  coproc MB { exec "$PYTHON" "$SERVERS/misbehave.py" --root "$1" --next "$2" \
    --time-limit "$MB_TIME_LIMIT" 2>"$MB_LOG"; }
  local port=""
  read -r -t 60 port <&"${MB[0]}"
  if [ -z "$port" ]; then
    echo "misbehave.py did not start:"; sed 's/^/  /' "$MB_LOG"
    return 1
  fi
  MB_URL=http://127.0.0.1:$port
  wait_port "$port" "$MB_PID"
}

# start_nginx WWW: Debian's nginx serving folder WWW on 127.0.0.1:NGX_PORT with ETags
# (NGX_LOCATIONS, if set, replaces the plain "location / { }", e.g. for WebDAV; with
# NGX_TLS_DIR set, https with the certificate tls_cert below made there, else http),
# everything (config, pid file, logs, temp folders) under $TMP/nginx. Access log lines:
# "METHOD URI STATUS BYTES IF-NONE-MATCH" ("-": none sent) in $NGX_ACCESS.
start_nginx() {
  local www=$1 nginx try user_line="" locations=${NGX_LOCATIONS:-"location / { }"}
  local tls="" tls_lines=""
  if [ -n "${NGX_TLS_DIR:-}" ]; then
    tls=" ssl"
    tls_lines="ssl_certificate $NGX_TLS_DIR/cert.pem; ssl_certificate_key $NGX_TLS_DIR/key.pem;"
  fi
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  NGX=$TMP/nginx
  NGX_ACCESS=$NGX/logs/access.log
  mkdir -p "$NGX/logs" "$NGX/tmp"
  # As root the workers would switch to "nobody", who cannot enter the private $TMP.
  [ "$(id -u)" -eq 0 ] && user_line="user root root;"
  for try in 1 2 3; do
    NGX_PORT=$(free_port)
    cat >"$NGX/nginx.conf" <<EOF
daemon off;
$user_line
worker_processes 1;
pid $NGX/nginx.pid;
error_log $NGX/logs/error.log info;
events { worker_connections 64; }
http {
    types { application/json json; image/png png; image/jpeg jpg jpeg; }
    default_type application/octet-stream;
    log_format sync '\$request_method \$uri \$status \$body_bytes_sent \$http_if_none_match';
    access_log $NGX_ACCESS sync;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    server {
        listen 127.0.0.1:$NGX_PORT$tls;
        $tls_lines
        root $www;
        etag on;
        $locations
    }
}
EOF
    # timeout: should this script be killed outright, nginx still goes after $SERVER_TIME_LIMIT s
    timeout -s QUIT -k 5 "$SERVER_TIME_LIMIT" "$nginx" -e "$NGX/logs/error.log" -p "$NGX" \
      -c "$NGX/nginx.conf" >>"$NGX/logs/stdout.log" 2>&1 &
    NGX_PID=$!
    if wait_port "$NGX_PORT" "$NGX_PID"; then return 0; fi
    stop_nginx   # most likely the port was taken in between: another one
  done
  echo "nginx did not start:"; sed 's/^/  /' "$NGX/logs/error.log"
  return 1
}

# tls_cert DIR: a self-signed certificate for 127.0.0.1 (DIR/cert.pem, DIR/key.pem), to be
# both nginx's certificate (NGX_TLS_DIR=DIR) and the kiosk's CA ([sync] ca_file); false when
# openssl cannot make it
tls_cert() {
  mkdir -p "$1"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$1/key.pem" -out "$1/cert.pem" >"$1/openssl.log" 2>&1
}

# published_long_ago DIR N: every file under DIR gets the mtime of ten minutes ago plus N
# seconds (N: the publish's own number, so that two publishes never share a second, as
# they would not when a person publishes). nginx's ETag and Last-Modified are the mtime
# in whole seconds; a kiosk sends them back only when they lie a second before the
# answer's Date (sync/fetch.h), so a test that wants a 304 right after publishing
# publishes in the past.
published_long_ago() {
  find "$1" -type f -exec touch -d "@$(($(date +%s) - 600 + $2))" {} +
}

# fingerprint CACHE: the installed bundle byte for byte: where current points, every entry
# under it (type and name) and the SHA-256 of every file. Equal text = the same bundle.
fingerprint() {
  local c=$1
  if [ ! -L "$c/current" ]; then echo "no current link"; return; fi
  echo "current -> $(readlink "$c/current")"
  (cd "$c/current/" 2>/dev/null || exit 0
   find . -mindepth 1 -printf '%y %p\n' | LC_ALL=C sort
   find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

# cache_listing CACHE: every entry of the cache with size, mtime and inode, except
# status.json (it records each attempt) and owner.lock (who holds the store names itself
# there). Equal text = nothing was written.
cache_listing() {
  (cd "$1" && find . -mindepth 1 ! -name status.json ! -name owner.lock -printf '%p %y %s %T@ %i %l\n' |
    LC_ALL=C sort)
}

# leftovers CACHE: staging folders and temp files an install must not leave behind
leftovers() {
  find "$1" \( -name 'staging-*' -o -name '*.tmp' \) -printf '%P\n' 2>/dev/null
}

# unreferenced_bundles CACHE: bundles/<id> that neither current nor previous points to
unreferenced_bundles() {
  local c=$1 d cur prev
  cur=$(readlink -f "$c/current" 2>/dev/null)
  prev=$(readlink -f "$c/previous" 2>/dev/null)
  for d in "$c"/bundles/*; do
    [ -e "$d" ] || continue
    d=$(readlink -f "$d")
    [ "$d" = "$cur" ] || [ "$d" = "$prev" ] || echo "${d##*/}"
  done
}

# status_field CACHE KEY: a value of CACHE/status.json ("null" for null, "MISSING" when
# the file or key is absent, "BROKEN" when it is not JSON)
status_field() {
  "$PYTHON" - "$1/status.json" "$2" <<'EOF'
import json, sys
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
except FileNotFoundError:
    print("MISSING"); sys.exit()
except ValueError:
    print("BROKEN"); sys.exit()
if sys.argv[2] not in doc:
    print("MISSING")
else:
    v = doc[sys.argv[2]]
    print("null" if v is None else v)
EOF
}

# bundle_id DIR: the id the store gives DIR's manifest (first 16 hex of its SHA-256)
bundle_id() {
  sha256sum "$1/content.json" | cut -c1-16
}

# pack_bundle DIR: `litfass pack DIR`, counted as a check
pack_bundle() {
  if "$BIN" pack "$1" >"$TMP/pack.out" 2>"$TMP/pack.err"; then
    ok "litfass pack ${1##*/}"
  else
    bad "litfass pack ${1##*/} failed"; sed 's/^/  stderr: /' "$TMP/pack.err" | head -10
  fi
}

# signing_key: a key pair made once per script with `litfass keygen` ($TMP/ki.key,
# $TMP/ki.pub). Sets TRUSTED (the public key, for [sync] trusted_keys) and SIGN_CONF (a
# config file with only that key, for tests that give everything else as options).
signing_key() {
  [ -n "${TRUSTED:-}" ] && return 0
  if ! "$BIN" keygen --out "$TMP/ki" >"$TMP/keygen.out" 2>"$TMP/keygen.err"; then
    bad "litfass keygen failed"; sed 's/^/  stderr: /' "$TMP/keygen.err" | head -5
    return 1
  fi
  TRUSTED=$(sed -n 's/^trusted_keys = //p' "$TMP/keygen.out")
  SIGN_CONF=$TMP/trusted.conf
  printf '[sync]\ntrusted_keys = %s\n' "$TRUSTED" >"$SIGN_CONF"
}

# sign_bundle DIR [ARGS...]: `litfass sign DIR --key $TMP/ki.key ARGS` (packs it too: the
# "files" list, the next serial, created, expires, content.json.sig), counted as a check.
# Kiosks with a sync URL install only signed bundles.
sign_bundle() {
  local d=$1
  shift
  signing_key || return 1
  if "$BIN" sign "$d" --key "$TMP/ki.key" "$@" >"$TMP/sign.out" 2>"$TMP/sign.err"; then
    ok "litfass sign ${d##*/}"
  else
    bad "litfass sign ${d##*/} failed"; sed 's/^/  stderr: /' "$TMP/sign.err" | head -10
  fi
}

# sync_config [LINE...]: on stdout, the config `litfass sync` gets in these tests: the sample
# bundle as the content, the cache $CACHE, plain http allowed (the servers are on 127.0.0.1)
# and 2 s to connect; each LINE ("key = value") is one more line of [sync]
sync_config() {
  printf '[content]\ndir = %s\n[sync]\ncache_dir = %s\nallow_http = yes\nconnect_timeout_seconds = 2\n' \
    "$SRC/assets/content" "$CACHE"
  printf '%s\n' "$@"
}

# run_sync OUT_PREFIX ARGS...: `litfass sync --once ARGS` with a 60 s guard against a hang
# (killed: RC 137; generous, never a speed limit); sets RC and
# ELAPSED_MS, stdout/stderr in OUT_PREFIX.out/.err
run_sync() {
  local prefix=$1 t0 t1
  shift
  t0=$(date +%s%N)
  timeout -s KILL 60 "$BIN" sync --once "$@" >"$prefix.out" 2>"$prefix.err"
  RC=$?
  t1=$(date +%s%N)
  ELAPSED_MS=$(( (t1 - t0) / 1000000 ))
}
