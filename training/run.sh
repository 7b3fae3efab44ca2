#!/usr/bin/env bash
# Full pipeline: corpus -> splits -> tokenizer + model -> ONNX int8 -> parity check -> evaluation.
# Usage: training/run.sh [DATA_DIR]   (DATA_DIR holds classifier/ and routing/, default /work/shared/data)
# Needs Debian's python3-torch python3-onnx python3-numpy python3-sentencepiece libopenblas0-pthread.
set -euo pipefail
DATA="${1:-/work/shared/data}"
PY=/usr/bin/python3
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CACHE="$HERE/.cache"
mkdir -p "$CACHE"
cd "$HERE"
$PY corpus/generate.py "$CACHE/corpus.jsonl" --payloads "$DATA/classifier/llmrouter_queries_train.jsonl"
$PY prepare_data.py --llmrouter-train "$DATA/classifier/llmrouter_queries_train.jsonl" \
  --llmrouter-test "$DATA/classifier/llmrouter_queries_test.jsonl" --routing-dir "$DATA/routing" \
  --corpus "$CACHE/corpus.jsonl" --handwritten "$HERE/heldout_handwritten.jsonl" --out "$CACHE"
$PY train.py --cache "$CACHE" --epochs "${EPOCHS:-10}"
$PY export.py --cache "$CACHE" --out "$ROOT/src/classifier/model"
cd "$ROOT"
npx tsx training/verify_parity.ts "$CACHE/reference.json" | tee "$CACHE/parity.json"
npx tsx scripts/classify.ts "$CACHE/heldout_real.jsonl" > "$CACHE/pred_real.jsonl"
npx tsx scripts/classify.ts "$CACHE/heldout_routerbench.jsonl" > "$CACHE/pred_rb.jsonl"
$PY training/evaluate.py --cache "$CACHE" --pred-real "$CACHE/pred_real.jsonl" --pred-rb "$CACHE/pred_rb.jsonl" \
  --out "$HERE/report.json"
