#!/bin/bash
# Container health check without curl or wget (the JRE base image need not ship them):
# GET Camel's health endpoint over bash's /dev/tcp; healthy only on HTTP 200 (503 = a backend is down).
# Usage: healthcheck.sh [path]   (default /observe/health; the port follows HTTP_PORT like the app does)
exec 3<>"/dev/tcp/127.0.0.1/${HTTP_PORT:-8682}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "${1:-/observe/health}" >&3
read -r -t 5 _ status _ <&3 || exit 1
[ "$status" = 200 ]
