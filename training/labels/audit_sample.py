"""Draws the blind audit sample of the weakest leave-one-source-out families.

    python3 training/labels/audit_sample.py [--pool training/.cache/pool.jsonl] OUT.jsonl

Writes {id, family, text} only (no source label, no prediction), 60 rows per family, drawn with a fixed seed from
the rows prepare_data.py put into the pool, i.e. exactly the texts the classifier sees. The output holds
third-party prompt text, so it goes outside the repository; the audit labels (audit_weak_families.jsonl) hold ids.
`id` = first 16 hex characters of sha1(text), as in README.md.
"""
import argparse
import hashlib
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FAMILIES = ["llmrouter-commonsense_qa", "flask", "llmrouter-mmlu", "bfcl", "llmrouter-gpqa", "llmrouter-trivia_qa"]
PER_FAMILY = 60
SEED = 20261207


def prompt_id(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def sample(pool_path, families=FAMILIES, n=PER_FAMILY, seed=SEED):
    by_family = {f: [] for f in families}
    with open(pool_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["family"] in by_family:
                by_family[r["family"]].append(r)
    out = []
    for fam in families:
        rows = sorted(by_family[fam], key=lambda r: prompt_id(r["text"]))  # independent of pool order
        for r in random.Random(f"{seed}:{fam}").sample(rows, n):
            out.append({"id": prompt_id(r["text"]), "family": fam, "text": r["text"]})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pool", default=os.path.join(HERE, "..", ".cache", "pool.jsonl"))
    a = ap.parse_args()
    rows = sample(a.pool)
    with open(a.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows -> {a.out}")


if __name__ == "__main__":
    main()
