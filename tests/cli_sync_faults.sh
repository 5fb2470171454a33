#!/usr/bin/env bash
# `litfass sync --once` against tests/servers/misbehave.py, a server that misbehaves on
# purpose. A good bundle A is installed first; then, for each misbehaviour of the manifest
# or of the one changed image of bundle B: exit 1, the installed bundle is byte for byte
# unchanged (nothing in the cache changes but status.json), no staging-* or *.tmp remains,
# status.json's last_error says what went wrong, stderr names the URL, and the sync gives up
# by itself (its own limits end a hanging transfer; run_sync's guard only catches a hang).
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"

A=$TMP/A
B=$TMP/B
CACHE=$TMP/cache
CONF=$TMP/litfass.conf
CHANGED=images/poster-wochen-gegen-rassismus.png
MAX_ASSET=1048576   # max_asset_bytes below: larger than any sample image

cp -r "$SRC/assets/content" "$A"
sign_bundle "$A" --serial 1
cp -r "$A" "$B"
"$PYTHON" "$SERVERS/png_text.py" "$B/$CHANGED" "bundle B"
sign_bundle "$B" --serial 2

# A certificate for the https server below, trusted through [sync] ca_file.
TLS=$TMP/tls
if tls_cert "$TLS"; then ok "a certificate for 127.0.0.1 made with openssl"
else bad "openssl could not make a certificate"; sed 's/^/  /' "$TLS/openssl.log" | head -5; fi

# Small limits so that the drip, the endless body and the huge length fail fast.
sync_config "transfer_timeout_seconds = 8" "low_speed_bytes = 512" "low_speed_seconds = 2" \
  "max_asset_bytes = $MAX_ASSET" "trusted_keys = $TRUSTED" "ca_file = $TLS/cert.pem" >"$CONF"

if ! start_misbehave "$A" "$B"; then
  bad "misbehave.py started on 127.0.0.1"
  finish
  exit
fi

# nginx with https, whose redirects lead to misbehave.py's plain http (the *-tlsdown cases):
# allow_http = yes (sync_config) must not let an https:// address be downgraded to http://.
# /tls-moved/ is redirected to /tls-b/ (bundle B) on the same https server: allowed.
mkdir -p "$TMP/www"
TLS_URL=""
if NGX_TLS_DIR=$TLS NGX_LOCATIONS="
        location = /m-tlsdown/content.json { return 302 $MB_URL/next/content.json; }
        location /m-tlsdown/ { alias $B/; }
        location /a-tlsdown/images/ { rewrite ^/a-tlsdown/(.*)\$ $MB_URL/next/\$1 redirect; }
        location /a-tlsdown/ { alias $B/; }
        location /tls-moved/ { rewrite ^/tls-moved/(.*)\$ https://127.0.0.1:\$server_port/tls-b/\$1 redirect; }
        location /tls-b/ { alias $B/; }" start_nginx "$TMP/www"; then
  TLS_URL=https://127.0.0.1:$NGX_PORT
  ok "nginx with https started on 127.0.0.1"
else
  bad "nginx with https did not start"
fi

run_sync "$TMP/good" --config "$CONF" --url "$MB_URL/ok/content.json"
[ "$RC" -eq 0 ] && ok "bundle A installs from /ok/ (exit 0)" ||
  { bad "installing A: exit $RC"; sed 's/^/  stderr: /' "$TMP/good.err" | head -20; }
cmp -s "$CACHE/current/content.json" "$A/content.json" && ok "current is bundle A" ||
  bad "current/content.json is not A's manifest"
FP=$(fingerprint "$CACHE")
LIST=$(cache_listing "$CACHE")
# A case that wrongly changes the cache would spoil the ones after it: the cache is then
# put back from this copy (same path, so the links stay valid) and the baseline retaken.
cp -a "$CACHE" "$TMP/cache.pristine"

# case table: PREFIX  what-fails(manifest|asset)  regex-the-error-must-match  description
CASES=(
  "m-truncate  manifest partial|truncat|incomplete|closed|short|remaining|size   manifest body cut short"
  "m-reset     manifest reset|recv|receiv|connection|partial                     connection reset during the manifest"
  "m-500       manifest 500                                                      manifest HTTP 500"
  "m-503       manifest 503.*120|120.*503                                        manifest HTTP 503 with Retry-After: 120"
  "m-404       manifest 404                                                      manifest HTTP 404"
  "m-drip      manifest slow|speed|time                                          manifest dripping 1 byte/s"
  "m-endless   manifest large|limit|exceed|size|bytes|big                        endless manifest"
  "m-hugelen   manifest large|limit|exceed|size|bytes|big                        manifest with Content-Length 10 GiB"
  "m-badjson   manifest signature.does.not.verify                                manifest with broken JSON (the signature no longer fits)"
  "m-invalid   manifest signature.does.not.verify                                manifest that is no valid bundle (the signature no longer fits)"
  "m-nofiles   manifest signature.does.not.verify                                manifest without a \"files\" list (the signature no longer fits)"
  "m-badhash   manifest signature.does.not.verify                                manifest whose sha256 do not match the images (the signature no longer fits)"
  "m-evilpath  manifest signature.does.not.verify                                manifest naming a file at ../escape.png (the signature no longer fits)"
  "m-redirfile manifest redirect|protocol|file|support|allow                     manifest redirected to file:///etc/passwd"
  "m-redirftp  manifest redirect|protocol|support|allow                          manifest redirected to ftp://127.0.0.1"
  "m-redirloop manifest redirect                                                 manifest in a redirect loop"
  "m-304       manifest 304.*not.conditional                                     manifest 304 to a request that was not conditional"
  "m-bighead   manifest header.*larger                                           manifest with 200 KiB of header lines"
  "m-gzip      manifest sent.compressed.data.\(Content-Encoding:.gzip\).that.was.not.asked.for manifest gzip-compressed without being asked"
  "m-portal    manifest web.page.*login                                          manifest answered by a hotspot's login page (200, text/html)"
  "m-206       manifest 206                                                      manifest 206 Partial Content to a request for the whole file"
  "m-shortlen  manifest signature.does.not.verify                                manifest with a Content-Length one byte short (its last byte left on the kept-alive connection)"
  "m-slowhead  manifest slow|speed|time                                          manifest whose header lines never end (one a second)"
  "m-nothttp   manifest not.HTTP.*web.server                                     manifest address answering no HTTP at all"
  "s-empty     manifest content.json.sig.*lines                                  signature file of 0 bytes"
  "s-huge      manifest larger.than.1024                                         signature file of 10 MiB"
  "s-junk      manifest content.json.sig.*text                                   signature file of binary junk"
  "a-206       asset    206                                                      image 206 Partial Content to a request for the whole file"
  "a-shortlen  asset    got.63067.bytes                                          image with a Content-Length one byte short"
  "a-slowhead  asset    slow|speed|time                                          image whose header lines never end (one a second)"
  "a-nothttp   asset    not.HTTP.*web.server                                     image address answering no HTTP at all"
  "a-gzip      asset    sent.compressed.data.\(Content-Encoding:.gzip\).that.was.not.asked.for image gzip-compressed without being asked"
  "a-304       asset    304                                                      image 304 to a request that was not conditional"
  "a-bighead   asset    header.*larger                                           image with 200 KiB of header lines"
  "a-truncate  asset    partial|truncat|incomplete|closed|short|remaining|size   image body cut short"
  "a-reset     asset    reset|recv|receiv|connection|partial                     connection reset during an image"
  "a-500       asset    500                                                      image HTTP 500"
  "a-503       asset    503.*120|120.*503                                        image HTTP 503 with Retry-After: 120"
  "a-404       asset    404                                                      image HTTP 404"
  "a-drip      asset    slow|speed|time                                          image dripping 1 byte/s"
  "a-endless   asset    large|limit|exceed|size|bytes|big                        endless image"
  "a-hugelen   asset    large|limit|exceed|size|bytes|big                        image with Content-Length 10 GiB"
  "a-badhash   asset    sha|hash|checksum|mismatch|match                         image whose hash does not match"
  "a-badsize   asset    size|bytes|length|large|mismatch|match                   image one byte longer than listed"
  "a-redirfile asset    redirect|protocol|file|support|allow                     image redirected to file:///etc/passwd"
  "a-redirftp  asset    redirect|protocol|support|allow                          image redirected to ftp://127.0.0.1"
  "a-redirloop asset    redirect                                                 image in a redirect loop"
  "m-tlsdown   manifest https.*only.followed.to.https.*never.*http://.*allow_http  https:// manifest redirected to http:// (allow_http = yes)"
  "a-tlsdown   asset    https.*only.followed.to.https.*never.*http://.*allow_http  https:// image redirected to http:// (allow_http = yes)"
)

n_failed_runs=0
for row in "${CASES[@]}"; do
  read -r prefix target pattern what <<<"$row"
  base=$MB_URL
  case $prefix in *-tls*) base=$TLS_URL ;; esac
  [ -n "$base" ] || { bad "$what ($prefix): no https server"; continue; }
  url=$base/$prefix/content.json
  if [ "$target" = asset ]; then failing=$base/$prefix/$CHANGED
  else failing=$url; fi
  if [ "$(cache_listing "$CACHE")" != "$LIST" ] || [ -n "$(leftovers "$CACHE")" ]; then
    rm -rf "$CACHE"
    cp -a "$TMP/cache.pristine" "$CACHE"
    LIST=$(cache_listing "$CACHE")
    n_failed_runs=0
  fi
  before=$(status_field "$CACHE" consecutive_failures)
  run_sync "$TMP/$prefix" --config "$CONF" --url "$url"
  n_failed_runs=$((n_failed_runs + 1))
  problems=()
  # each failure is counted (the sum is checked after the last case as well)
  counted=$(status_field "$CACHE" consecutive_failures)
  [ "$counted" = $((before + 1)) ] ||
    problems+=("consecutive_failures $before before the sync, $counted after it")
  if [ "$RC" -eq 137 ]; then problems+=("did not give up by itself: killed by run_sync's guard")
  elif [ "$RC" -ne 1 ]; then problems+=("exit $RC, wanted 1"); fi
  [ "$(fingerprint "$CACHE")" = "$FP" ] || problems+=("the installed bundle changed")
  [ "$(cache_listing "$CACHE")" = "$LIST" ] || problems+=("files in the cache changed:
$(diff <(echo "$LIST") <(cache_listing "$CACHE") | head -8)")
  left=$(leftovers "$CACHE")
  [ -z "$left" ] || problems+=("left behind: $(echo "$left" | tr '\n' ' ')")
  err=$(status_field "$CACHE" last_error)
  case "$err" in
    null | MISSING | BROKEN) problems+=("status.json last_error: $err") ;;
    *) echo "$err" | grep -qiE "$pattern" || problems+=("last_error does not say /$pattern/: $err") ;;
  esac
  grep -qF -- "$failing" "$TMP/$prefix.err" || problems+=("stderr does not name $failing")
  if [ ${#problems[@]} -eq 0 ]; then
    ok "$what: refused, A untouched, error recorded ($err)"
  else
    bad "$what ($prefix):"
    printf '  %s\n' "${problems[@]}"
    sed 's/^/  stderr: /' "$TMP/$prefix.err" | head -6
  fi
done

[ -z "$(find "$TMP" -name 'escape.png*')" ] && ok "no file was written at ../escape.png" ||
  bad "a file escaped the bundle: $(find "$TMP" -name 'escape.png*')"

# The ceilings hold while receiving: an endless body is cut off near the limit, not read
# to the end (the server reports how much it could send).
for prefix in a-endless a-hugelen m-endless m-hugelen; do
  sent=$(grep -E "^REQ GET /$prefix/.* (endless|hugelen) sent=" "$MB_LOG" | tail -1 | sed 's/.*sent=//')
  if [ -n "$sent" ] && [ "$sent" -lt $((32 * 1024 * 1024)) ]; then
    ok "$prefix: the client hung up after $sent bytes"
  else
    bad "$prefix: the server sent '${sent:-?}' bytes before the client hung up"
  fi
done

# A dripping transfer is ended by the low-speed limit, not read to its end: the server
# (which writes its line once its next byte finds the connection gone) sent less than all.
for row in "m-drip content.json" "a-drip $CHANGED"; do
  read -r prefix file <<<"$row"
  line=""
  for _ in $(seq 600); do # a condition, waited for up to 60 s
    line=$(grep -E "^REQ GET /$prefix/.* drip sent=" "$MB_LOG" | tail -1)
    [ -n "$line" ] && break
    sleep 0.1
  done
  sent=${line##*sent=}
  size=$(stat -c %s "$B/$file")
  if [ -n "$line" ] && [ "$sent" -lt "$size" ]; then
    ok "$prefix: the client hung up after $sent of $size bytes"
  else
    bad "$prefix: the server's line '${line:-none}' (the file has $size bytes)"
  fi
done

[ "$(status_field "$CACHE" consecutive_failures)" = "$n_failed_runs" ] &&
  ok "status.json counts $n_failed_runs consecutive failures" ||
  bad "consecutive_failures '$(status_field "$CACHE" consecutive_failures)', wanted $n_failed_runs"
grep -q '^REQ GET /m-redirloop/.* 302' "$MB_LOG" &&
  [ "$(grep -c '^REQ GET /m-redirloop/' "$MB_LOG")" -le 6 ] &&
  ok "a redirect loop is followed at most 5 times" ||
  bad "redirect loop: $(grep -c '^REQ GET /m-redirloop/' "$MB_LOG") requests"

# Control: the same server's B (the bundle behind every fault) is fine and installs.
run_sync "$TMP/next" --config "$CONF" --url "$MB_URL/next/content.json"
[ "$RC" -eq 0 ] && ok "then bundle B installs from /next/ (exit 0)" ||
  { bad "installing B: exit $RC"; sed 's/^/  stderr: /' "$TMP/next.err" | head -20; }
cmp -s "$CACHE/current/$CHANGED" "$B/$CHANGED" && ok "current has B's changed image" ||
  bad "current does not have B's changed image"
[ "$(status_field "$CACHE" last_error)" = "null" ] &&
  [ "$(status_field "$CACHE" consecutive_failures)" = "0" ] &&
  ok "success clears last_error and consecutive_failures" ||
  bad "after success: last_error '$(status_field "$CACHE" last_error)', consecutive_failures '$(status_field "$CACHE" consecutive_failures)'"
[ -z "$(leftovers "$CACHE")" ] && ok "no leftovers after B" || bad "leftovers: $(leftovers "$CACHE" | tr '\n' ' ')"

# An https:// address redirected to another https:// address is followed (B again: up to
# date); the downgrades above were refused for their scheme, not for being redirects.
if [ -n "$TLS_URL" ]; then
  run_sync "$TMP/tlsmoved" --config "$CONF" --url "$TLS_URL/tls-moved/content.json"
  [ "$RC" -eq 0 ] && grep -q '^GET /tls-b/content.json 200 ' "$NGX_ACCESS" &&
    ok "an https:// manifest redirected to https:// is followed (exit 0)" ||
    { bad "https -> https redirect: exit $RC"; sed 's/^/  stderr: /' "$TMP/tlsmoved.err" | head -8; }
fi

# A server whose ETag and Last-Modified change at every answer while B's manifest stays the
# same (misbehave.py churn): each look says "up to date", downloads no image again and
# rewrites nothing but state.json (the validators) and status.json.
no_state() { cache_listing "$CACHE" | grep -v '^\./state\.json '; }
LIST_B=$(no_state)
for i in 1 2; do
  run_sync "$TMP/churn$i" --config "$CONF" --url "$MB_URL/m-churn/content.json"
  [ "$RC" -eq 0 ] && grep -q 'up to date' "$TMP/churn$i.out" &&
    ok "validators changing with the same manifest (look $i): up to date" ||
    { bad "churn look $i: exit $RC"; sed 's/^/  /' "$TMP/churn$i.out" "$TMP/churn$i.err" | head -8; }
done
[ "$(no_state)" = "$LIST_B" ] && ok "changing validators rewrite nothing in the cache but state.json" ||
  bad "the cache changed: $(diff <(echo "$LIST_B") <(no_state) | head -6)"
n=$(grep -c '^REQ GET /m-churn/images/' "$MB_LOG")
[ "$n" -eq 0 ] && ok "changing validators fetch no image again" || bad "$n image requests under /m-churn/"

# Plain http needs allow_http: without it the URL is refused before any request.
cat >"$TMP/strict.conf" <<EOF
[sync]
cache_dir = $CACHE
trusted_keys = $TRUSTED
EOF
# count only requests for the URL of this check: handlers of earlier
# faults (a drip, an endless body) may still log theirs seconds later
ok_requests() { grep -c '^REQ [A-Z]* /ok/' "$MB_LOG"; }
sleep 0.5
before=$(ok_requests)
run_sync "$TMP/strict" --config "$TMP/strict.conf" --url "$MB_URL/ok/content.json"
sleep 0.5
after=$(ok_requests)
{ [ "$RC" -eq 1 ] || [ "$RC" -eq 2 ]; } && [ "$before" = "$after" ] && ok "http:// without allow_http is refused without a request" ||
  bad "http:// without allow_http: exit $RC, $((after - before)) requests"
grep -qiE 'https|http' "$TMP/strict.err" && ok "the refusal says why" ||
  { bad "the refusal does not mention http(s)"; sed 's/^/  stderr: /' "$TMP/strict.err" | head -5; }

stop_misbehave
stop_nginx
finish
