#!/usr/bin/env bash
# litfass studio publishing to remote targets (tests/studio/remote.py): Debian's nginx with
# WebDAV (PUT/MOVE behind a password) and OpenSSH's sshd (SFTP, key login, known host key),
# both started here on 127.0.0.1 on free ports and stopped by their pids; nginx also serves
# both folders to a kiosk's `litfass sync --once`. Also four eyes and the built-in TLS.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"
SSHD_PID=""
stop_sshd() {
  if [ -n "$SSHD_PID" ]; then kill "$SSHD_PID" 2>/dev/null; wait "$SSHD_PID" 2>/dev/null; SSHD_PID=""; fi
}
trap 'stop_sshd; sync_cleanup' EXIT

DAV=$TMP/dav SFTPDIR=$TMP/sftp
mkdir -p "$DAV" "$SFTPDIR" "$TMP/nginx"
printf 'litfass:%s\n' "$(openssl passwd -apr1 Dav-Geheimnis-1)" > "$TMP/nginx/htpasswd"
# WebDAV (PUT, MOVE, MKCOL) behind a password at /dav/; both folders readable for kiosks
NGX_LOCATIONS="
        location /dav/ {
            alias $DAV/;
            dav_methods PUT DELETE MKCOL COPY MOVE;
            create_full_put_path on;
            dav_access user:rw group:r all:r;
            client_max_body_size 10m;
            auth_basic litfass;
            auth_basic_user_file $TMP/nginx/htpasswd;
        }
        location /pub-dav/ { alias $DAV/; }
        location /pub-sftp/ { alias $SFTPDIR/; }"
start_nginx "$TMP/empty" || exit 1

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
  timeout -s TERM -k 5 "$SERVER_TIME_LIMIT" /usr/sbin/sshd -D -e -f "$TMP/sshd_config" 2>"$TMP/sshd.log" &
  SSHD_PID=$!
  if wait_port "$SSH_PORT" "$SSHD_PID"; then break; fi
  stop_sshd
done
[ -n "$SSHD_PID" ] || { echo "sshd did not start"; sed 's/^/  /' "$TMP/sshd.log"; exit 1; }
ssh-keyscan -p "$SSH_PORT" 127.0.0.1 2>/dev/null > "$TMP/known_hosts"
# the same address with another host key: the studio must refuse it
sed "s|ssh-ed25519 .*|$(cut -d' ' -f1,2 "$TMP/stranger.pub")|" "$TMP/known_hosts" > "$TMP/other_known_hosts"

NGX_PORT=$NGX_PORT SSH_PORT=$SSH_PORT SSH_USER=$(id -un) DAV_DIR=$DAV SFTP_DIR=$SFTPDIR NGX_BODY_DIR=$NGX/tmp/body \
  studio_test remote.py
