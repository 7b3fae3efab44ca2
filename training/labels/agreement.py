"""Cohen's kappa between the two labelling passes, on the rows both labelled.

    python3 training/labels/agreement.py [REAL_PROMPTS_JSONL]

The prompts file is only used to check that every labelled id exists in it.
"""
import collections
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name)) as f:
        return {r["id"]: r["task_class"] for r in map(json.loads, f)}


def main():
    first, second = load("real_prompts_first_pass.jsonl"), load("real_prompts_second_pass.jsonl")
    if len(sys.argv) > 1:
        with open(sys.argv[1]) as f:
            known = {hashlib.sha1(json.loads(line)["prompt"].encode()).hexdigest()[:16] for line in f}
        missing = [i for i in list(first) + list(second) if i not in known]
        if missing:
            sys.exit(f"{len(missing)} labelled ids are not in {sys.argv[1]}")
    ids = sorted(set(first) & set(second))
    n = len(ids)
    observed = sum(first[i] == second[i] for i in ids) / n
    a, b = collections.Counter(first[i] for i in ids), collections.Counter(second[i] for i in ids)
    chance = sum(a[k] * b[k] for k in set(a) | set(b)) / (n * n)
    kappa = (observed - chance) / (1 - chance)
    print(f"rows {n}  agreement {observed:.3f}  chance {chance:.3f}  kappa {kappa:.3f}")
    for (x, y), count in collections.Counter((first[i], second[i]) for i in ids if first[i] != second[i]).most_common():
        print(f"  {x} (first) vs {y} (second): {count}")


if __name__ == "__main__":
    main()
