"""Trains the intent model (task classes) and its complexity head.

Usage: /usr/bin/python3 training/train.py [--cache training/.cache] [--epochs 8]
Reads pool.jsonl, outcomes.jsonl, vectors.npy, words.json from the cache; writes model.pt there (export.py turns
it into src/classifier/model/intent.bin).

Sampling: every class gets the same share of each epoch (CLASS_EXP = 0: the classes with the most rows, tool_use and
reasoning, come from a few styles, and a share growing with their size made tool_use over-predicted), and inside a
class each source family gets a share growing only with the square root of its size, so that no single benchmark's
style defines a class. The template corpus counts half.
"""
import argparse
import hashlib
import json
import math
import os
import pickle
import time
from collections import Counter

import numpy as np
import torch
import torch.nn.functional as F

from features import Lookup, build_lexicon, read_lexicon
from model import IntentModel, collate, encode_all

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ["sql", "debugging", "code_generation", "math", "reasoning", "creative_writing", "summarization",
           "translation", "extraction", "classification", "chat", "tool_use"]
FAMILY_WEIGHT = {"corpus": 0.5}
CLASS_EXP, FAMILY_EXP = 0.0, 0.5  # a class's share of an epoch grows as n_c^CLASS_EXP, a family's inside it as n^FAMILY_EXP
# Regularisation against learning a source's style (chosen by leave-one-source-out on a selection of families,
# bench/classifier/README.md): token dropout, style augmentation (see model.collate), dropout, the tools flag's drop
# rate, label smoothing, weight averaging over the last part of training (`swa`: share of steps averaged), a penalty
# on the variance of the per-family losses of a batch (`vrex`) and an adversary that tries to tell the source family
# from the hidden layer through a reversed gradient (`adv`: its weight).
RECIPE = {"drop_tokens": 0.1, "drop_tools": 0.5, "smoothing": 0.1, "aug": {"feats": 0.3}, "dropout": 0.2,
          "swa": 0.3, "vrex": 0.0, "adv": 0.0}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_lookup(cache):
    vectors = np.load(os.path.join(cache, "vectors.npy"))
    with open(os.path.join(cache, "words.json")) as f:
        meta = json.load(f)
    words = meta["words"]
    vocab = {w: i for i, w in enumerate(words)}
    exact, stems = build_lexicon(read_lexicon(os.path.join(HERE, "lexicon.tsv")), vocab, set(words[:meta["top"]]))
    return vectors, words, Lookup(vocab, exact, stems), exact, stems


def encode_cached(cache, name, texts, has_tools, lookup):
    key = hashlib.sha1(json.dumps([texts, has_tools]).encode() + open(os.path.join(HERE, "features.py"), "rb").read()
                       + open(os.path.join(HERE, "lexicon.tsv"), "rb").read()).hexdigest()[:12]
    path = os.path.join(cache, f"enc-{name}-{key}.pkl")
    if os.path.exists(path):
        with open(path, "rb") as f:
            return pickle.load(f)
    enc = encode_all(texts, has_tools, lookup)
    with open(path, "wb") as f:
        pickle.dump(enc, f)
    return enc


def sample_weights(labels, families, class_exp=None, family_exp=None):
    class_exp = CLASS_EXP if class_exp is None else class_exp
    family_exp = FAMILY_EXP if family_exp is None else family_exp
    n_c = Counter(labels)
    n_fc = Counter(zip(labels, families))
    root = Counter()
    for (c, f), n in n_fc.items():
        root[c] += n ** family_exp
    w = np.array([n_c[c] ** class_exp * n_fc[(c, f)] ** family_exp / root[c] / n_fc[(c, f)] * FAMILY_WEIGHT.get(f, 1.0)
                  for c, f in zip(labels, families)])
    return w / w.sum()


class _Reverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.view_as(x)

    @staticmethod
    def backward(ctx, g):
        return -g


def family_penalty(per_row, fam_ids):
    """Variance of the per-family mean losses in the batch (families with at least two rows)."""
    means = [per_row[fam_ids == f].mean() for f in torch.unique(fam_ids) if (fam_ids == f).sum() > 1]
    return torch.stack(means).var() if len(means) > 1 else per_row.sum() * 0


def train_model(vectors, examples, labels, families, epochs=8, per_epoch=24000, batch=128, seed=0, log=True,
                recipe=None):
    r = dict(RECIPE, **(recipe or {}))
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    y = np.array([CLASSES.index(c) for c in labels])
    fam_names = sorted(set(families))
    fam_y = torch.as_tensor(np.array([fam_names.index(f) for f in families]))
    p = sample_weights(labels, families)
    model = IntentModel(vectors, len(CLASSES), dropout=r["dropout"])
    params = [q for q in model.parameters() if q.requires_grad]
    adv = torch.nn.Linear(model.fc1.out_features, len(fam_names)) if r["adv"] else None
    if adv is not None:
        params += list(adv.parameters())
    opt = torch.optim.AdamW(params, lr=3e-3, weight_decay=1e-4)
    steps = epochs * (per_epoch // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.1)
    swa_from, swa_n, swa = steps - int(steps * r["swa"]), 0, None
    model.train()
    t0 = time.time()
    step = 0
    for ep in range(epochs):
        idx = rng.choice(len(examples), size=per_epoch, p=p)
        total = 0.0
        for s in range(0, per_epoch - batch + 1, batch):
            b_idx = idx[s:s + batch]
            b = collate([examples[i] for i in b_idx], len(vectors), drop_tokens=r["drop_tokens"],
                        drop_tools=r["drop_tools"], rng=rng, aug=r["aug"])
            h = model.hidden(b)
            per_row = F.cross_entropy(model.fc2(model.drop(h)), torch.as_tensor(y[b_idx]),
                                      label_smoothing=r["smoothing"], reduction="none")
            loss = per_row.mean()
            if r["vrex"]:
                loss = loss + r["vrex"] * family_penalty(per_row, fam_y[b_idx])
            if adv is not None:
                loss = loss + r["adv"] * F.cross_entropy(adv(_Reverse.apply(h)), fam_y[b_idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            if step > swa_from:
                with torch.no_grad():
                    if swa is None:
                        swa = {k: v.detach().clone() for k, v in model.named_parameters()}
                    else:
                        for k, v in model.named_parameters():
                            swa[k] += (v.detach() - swa[k]) / (swa_n + 1)
                swa_n += 1
            total += loss.item()
        if log:
            print(f"epoch {ep + 1}/{epochs} loss {total / (per_epoch // batch):.4f} {time.time() - t0:.0f}s", flush=True)
    if swa is not None:
        model.load_state_dict(swa, strict=False)
    model.eval()
    return model


@torch.no_grad()
def run_batches(model, examples, n_vectors, fn, batch=256):
    out = []
    for s in range(0, len(examples), batch):
        out.append(fn(collate(examples[s:s + batch], n_vectors)))
    return torch.cat(out).numpy()


def predict(model, examples, n_vectors):
    return run_batches(model, examples, n_vectors, lambda b: model(b).softmax(-1))


def pooled(model, examples, n_vectors):
    return run_batches(model, examples, n_vectors, model.pooled)


def fit_complexity(X, soft, epochs=300, l2=1e-3):
    """Logistic regression on the pooled representation, soft targets, standardised inputs."""
    mu, sd = X.mean(0), X.std(0) + 1e-6
    Xt = torch.as_tensor((X - mu) / sd, dtype=torch.float32)
    t = torch.as_tensor(soft, dtype=torch.float32)
    w = torch.zeros(X.shape[1], requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=epochs, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(Xt @ w + b, t) + l2 * (w * w).sum()
        loss.backward()
        return loss
    opt.step(closure)
    # Fold the standardisation into the weights: logit = x·(w/sd) + (b - mu·w/sd).
    wf = w.detach().numpy() / sd
    return wf.astype(np.float32), float(b.item() - (mu * wf).sum())


def centred_soft(rows, target=0.3):
    """Soft complexity targets with each source's mean moved to `target`: sources measure "hard" on different
    scales (AlpacaEval's ~0.7 loss rate against GPT-4 Turbo is not harder prompts than RouterBench's ~0.3), so the
    head learns which prompts are harder within a source, not which source a prompt looks like."""
    fam = np.array([r["family"] for r in rows])
    soft = np.array([r["soft"] for r in rows], dtype=np.float64)
    for f in set(fam):
        m = fam == f
        soft[m] = np.clip(soft[m] - soft[m].mean() + target, 0.0, 1.0)
    return soft


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(HERE, ".cache"))
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--complexity-only", action="store_true", help="refit the complexity head of model.pt")
    a = ap.parse_args()
    torch.set_num_threads(1)  # the build machine is shared
    vectors, words, lookup, _, _ = load_lookup(a.cache)
    if a.complexity_only:
        model = IntentModel(vectors, len(CLASSES))
        model.load_state_dict(torch.load(os.path.join(a.cache, "model.pt"))["state"])
        model.eval()
    else:
        pool = read_jsonl(os.path.join(a.cache, "pool.jsonl"))
        ex = encode_cached(a.cache, "pool", [r["text"] for r in pool], [r["has_tools"] for r in pool], lookup)
        model = train_model(vectors, ex, [r["label"] for r in pool], [r["family"] for r in pool], epochs=a.epochs)
    outcomes = read_jsonl(os.path.join(a.cache, "outcomes.jsonl"))
    oex = encode_cached(a.cache, "outcomes", [r["text"] for r in outcomes], [False] * len(outcomes), lookup)
    cw, cb = fit_complexity(pooled(model, oex, len(vectors)), centred_soft(outcomes))
    torch.save({"state": model.state_dict(), "complexity_w": cw, "complexity_b": cb}, os.path.join(a.cache, "model.pt"))
    print("saved", os.path.join(a.cache, "model.pt"))


if __name__ == "__main__":
    main()
