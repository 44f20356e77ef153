#!/usr/bin/env bash
# Fails if the dependency tree of the shipped binary contains an HTTP, TLS or socket client.
# soc2-ready promises no telemetry and no network; this keeps the promise checkable.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(cargo tree --edges normal,build --prefix none --format '{p} {f}' --offline 2>/dev/null || cargo tree --edges normal,build --prefix none --format '{p} {f}')
deny='^(reqwest|hyper|hyper-util|ureq|curl|curl-sys|isahc|surf|attohttpc|h2|h3|quinn|tungstenite|tokio-tungstenite|native-tls|openssl|openssl-sys|rustls|socket2|tokio|async-std|smol|http|ws|websocket|sentry|opentelemetry) '
if found=$(grep -E "$deny" <<<"$tree" | sort -u) && [ -n "$found" ]; then
  echo "network-capable crates in the dependency tree:" >&2
  echo "$found" >&2
  exit 1
fi
echo "no network clients in the dependency tree ($(sort -u <<<"$tree" | wc -l) crates checked)"
