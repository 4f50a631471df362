#!/bin/sh
# Parse time from 1 MB to 64 MB of adversarial single-line input (all quote marks, all
# capitalised words…), release build; exits non-zero if the time per MB grows more than 3x.
set -eu
cd "$(dirname "$0")/.."
exec cargo run --release --quiet --example linearity -- "${1:-64}"
