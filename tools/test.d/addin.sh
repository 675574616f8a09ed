#!/usr/bin/env bash
# The add-in: unit, manifest-contract and headless-Chromium tests against the API in demo mode.
exec bash "$(dirname "$0")/../../addin/scripts/test.sh"
