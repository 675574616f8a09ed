#!/usr/bin/env bash
# Mints an HS256 access token for Auth:Mode=LocalJwt trials (openssl only; nothing leaves the machine).
# Usage: tools/mint-jwt.sh [--role Handoff.Admin|Handoff.Sdr]... [--name "Ada Admin"] [--minutes 60]
# Reads HANDOFF_JWT_KEY (base64, the Auth:LocalJwt:SigningKey), HANDOFF_JWT_ISSUER and HANDOFF_JWT_AUDIENCE.
# Make a key with: openssl rand -base64 32
set -euo pipefail
key=${HANDOFF_JWT_KEY:?set HANDOFF_JWT_KEY to the base64 Auth:LocalJwt:SigningKey}
issuer=${HANDOFF_JWT_ISSUER:-handoff-local}
audience=${HANDOFF_JWT_AUDIENCE:-handoff-api}
name="Local admin"
minutes=60
roles=()
while [ $# -gt 0 ]; do
  case "$1" in
    --role) roles+=("$2"); shift 2 ;;
    --name) name=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ ${#roles[@]} -gt 0 ] || roles=(Handoff.Admin)

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
now=$(date +%s)
role_list=$(for r in "${roles[@]}"; do json_string "$r"; done | paste -sd, -)
header='{"alg":"HS256","typ":"JWT"}'
payload="{\"iss\":$(json_string "$issuer"),\"aud\":$(json_string "$audience"),\"iat\":$now,\"nbf\":$now,\"exp\":$((now + minutes * 60)),\"name\":$(json_string "$name"),\"sub\":\"local-$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '-')\",\"roles\":[$role_list]}"
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
hexkey=$(printf '%s' "$key" | openssl base64 -d -A | od -An -vtx1 | tr -d ' \n')
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hexkey" -binary | b64url)
echo "$unsigned.$signature"
