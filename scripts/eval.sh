#!/usr/bin/env bash
# Score quote extraction and attribution on the shared, human-annotated dev set.
# Usage: scripts/eval.sh [--by-doc N]   (needs ../shared/eval; not part of `cargo test`)
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${EVAL_GOLD:-../shared/eval/dev.jsonl}
scorer=${EVAL_SCORER:-../shared/eval/score.py}
[ -f "$gold" ] || { echo "eval: $gold not found (the evaluation data is not part of the repo)" >&2; exit 2; }
cargo build --release --quiet
mkdir -p target/eval
./target/release/briefing quotes "$gold" --format jsonl > target/eval/pred.jsonl
python3 "$scorer" "$gold" target/eval/pred.jsonl "$@"
