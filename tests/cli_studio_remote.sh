#!/usr/bin/env bash
# litfass studio publishing to remote targets (tests/studio/remote.py): Debian's nginx with
# WebDAV (PUT/MOVE behind a password) and OpenSSH's sshd (SFTP, key login, known host key),
# both started here on 127.0.0.1 on free ports and stopped by their pids; nginx also serves
# both folders to a kiosk's `litfass sync --once`. Also four eyes and the built-in TLS.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
SSHD_PID=""
stop_sshd() {
  if [ -n "$SSHD_PID" ]; then kill "$SSHD_PID" 2>/dev/null; wait "$SSHD_PID" 2>/dev/null; SSHD_PID=""; fi
}
trap 'stop_sshd; sync_cleanup' EXIT

DAV=$TMP/dav SFTPDIR=$TMP/sftp NGX=$TMP/nginx
mkdir -p "$DAV" "$SFTPDIR" "$NGX/logs" "$NGX/tmp"
nginx=$(command -v nginx || echo /usr/sbin/nginx)
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root root;"
printf 'litfass:%s\n' "$(openssl passwd -apr1 Dav-Geheimnis-1)" > "$NGX/htpasswd"
for try in 1 2 3; do
  NGX_PORT=$(free_port)
  cat >"$NGX/nginx.conf" <<CONF
daemon off;
$user_line
worker_processes 1;
pid $NGX/nginx.pid;
error_log $NGX/logs/error.log info;
events { worker_connections 64; }
http {
    types { application/json json; image/png png; image/jpeg jpg jpeg; }
    default_type application/octet-stream;
    access_log $NGX/logs/access.log;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    server {
        listen 127.0.0.1:$NGX_PORT;
        location /dav/ {
            alias $DAV/;
            dav_methods PUT DELETE MKCOL COPY MOVE;
            create_full_put_path on;
            dav_access user:rw group:r all:r;
            client_max_body_size 10m;
            auth_basic "litfass";
            auth_basic_user_file $NGX/htpasswd;
        }
        location /pub-dav/ { alias $DAV/; }
        location /pub-sftp/ { alias $SFTPDIR/; }
    }
}
CONF
  timeout -s QUIT -k 5 290 "$nginx" -e "$NGX/logs/error.log" -p "$NGX" -c "$NGX/nginx.conf" \
    >>"$NGX/logs/stdout.log" 2>&1 &
  NGX_PID=$!
  if wait_port "$NGX_PORT" "$NGX_PID"; then break; fi
  stop_nginx
done
[ -n "$NGX_PID" ] || { echo "nginx did not start"; sed 's/^/  /' "$NGX/logs/error.log"; exit 1; }

# sshd: a host key and a client key of our own, the client's public key as the only
# authorized one, on a free port of 127.0.0.1. As root sshd wants its privilege separation
# folder (systemd makes it; a bare container has none).
[ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ] && mkdir -m 0755 /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$TMP/host" && ssh-keygen -q -t ed25519 -N '' -f "$TMP/client" &&
  ssh-keygen -q -t ed25519 -N '' -f "$TMP/stranger" || exit 1
cp "$TMP/client.pub" "$TMP/authorized_keys"
for try in 1 2 3; do
  SSH_PORT=$(free_port)
  cat >"$TMP/sshd_config" <<CONF
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $TMP/host
PidFile $TMP/sshd.pid
AuthorizedKeysFile $TMP/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
Subsystem sftp internal-sftp
CONF
  timeout -s TERM -k 5 290 /usr/sbin/sshd -D -e -f "$TMP/sshd_config" 2>"$TMP/sshd.log" &
  SSHD_PID=$!
  if wait_port "$SSH_PORT" "$SSHD_PID"; then break; fi
  stop_sshd
done
[ -n "$SSHD_PID" ] || { echo "sshd did not start"; sed 's/^/  /' "$TMP/sshd.log"; exit 1; }
ssh-keyscan -p "$SSH_PORT" 127.0.0.1 2>/dev/null > "$TMP/known_hosts"
# the same address with another host key: the studio must refuse it
sed "s|ssh-ed25519 .*|$(cut -d' ' -f1,2 "$TMP/stranger.pub")|" "$TMP/known_hosts" > "$TMP/other_known_hosts"

STUDIO_TMP=$TMP NGX_PORT=$NGX_PORT SSH_PORT=$SSH_PORT SSH_USER=$(id -un) DAV_DIR=$DAV SFTP_DIR=$SFTPDIR \
  "$PY" "$SRC/tests/studio/remote.py"
