"""Cross-fitted (out-of-fold) complexity for the RouterBench prompts the classifier trains on.

The shipped classifier has seen these prompts' outcomes, so its complexity on them is memorised: a router that
learns per-complexity-band quality from them (bench/routing/routing-quality.ts) would learn inflated band effects. This
script splits those prompts into K folds by a hash of their text, trains K classifiers (the shipped recipe, each
without one fold's RouterBench rows), exports each to int8 ONNX, and scores every prompt with the model that did
not see it, through the same TS pipeline as the Worker (scripts/classify.ts --model-dir).

Usage (repo root, after training/run.sh): /usr/bin/python3 training/oof_complexity.py [--folds 3] [--epochs 10]
Writes training/.cache/oof_complexity_routerbench.jsonl lines {"text", "complexity", "fold"}.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CACHE = os.path.join(HERE, ".cache")


def fold_of(text, k):
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % k


def run_fold(fold, k, epochs):
    work = os.path.join(CACHE, f"oof{fold}")
    os.makedirs(work, exist_ok=True)
    rows = [json.loads(l) for l in open(os.path.join(CACHE, "train.jsonl"))]
    held = [r for r in rows if r["source"] == "routerbench" and fold_of(r["text"], k) == fold]
    kept = [r for r in rows if not (r["source"] == "routerbench" and fold_of(r["text"], k) == fold)]
    with open(os.path.join(work, "train.jsonl"), "w") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in kept)
    shutil.copy(os.path.join(CACHE, "heldout_real.jsonl"), work)  # export.py writes its parity reference from it
    log = open(os.path.join(work, "train.log"), "w")
    subprocess.run([sys.executable, "train.py", "--cache", work, "--epochs", str(epochs)], cwd=HERE, stdout=log,
                   stderr=subprocess.STDOUT, check=True)
    subprocess.run([sys.executable, "export.py", "--cache", work, "--out", os.path.join(work, "model")], cwd=HERE,
                   stdout=log, stderr=subprocess.STDOUT, check=True)
    prompts = os.path.join(work, "held_prompts.jsonl")
    with open(prompts, "w") as f:
        f.writelines(json.dumps({"prompt": r["text"]}, ensure_ascii=False) + "\n" for r in held)
    out = subprocess.run(["npx", "tsx", "scripts/classify.ts", prompts, "--model-dir", os.path.join(work, "model")],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    scored = [json.loads(l) for l in out.splitlines() if l.strip()]
    return [{"text": p["prompt"], "complexity": p["complexity"], "fold": fold} for p in scored]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--parallel", type=int, default=2)
    a = ap.parse_args()
    with ThreadPoolExecutor(a.parallel) as pool:
        parts = list(pool.map(lambda f: run_fold(f, a.folds, a.epochs), range(a.folds)))
    out = os.path.join(CACHE, "oof_complexity_routerbench.jsonl")
    with open(out, "w") as f:
        for part in parts:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in part)
    print(f"wrote {sum(map(len, parts))} out-of-fold complexities to {out}")


if __name__ == "__main__":
    main()
