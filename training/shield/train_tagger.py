"""Trains llmshield's name tagger and exports its int8 weights.

    /usr/bin/python3 training/shield/train_tagger.py [--epochs N] [--dim D] [--hidden H] [--seed S]
        [--cache DIR] [--out FILE] [--ctx-drop Q]

Input: training/shield/.cache/train/{train,valid}.* (or --cache DIR) written by export-features.ts (features computed by
the runtime's own TypeScript featurizer). Model: each token is the sum of its hashed feature embeddings
(D dims); a token's tag (other, person, place, organization) is read from the window of 2*WINDOW+1 token
vectors through one ReLU layer. Only candidate tokens (capitalized words, or any word in lower-case text)
are trained and tagged. Output: src/shield/model/tagger-weights.ts (base64 of the int8 weights), loaded by
src/shield/model/tagger.ts. Debian's python3-torch, CPU, one thread.
"""
import argparse
import base64
import json
import struct
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

CACHE = Path("training/shield/.cache/train")
OUT = Path("src/shield/model/tagger-weights.ts")
CLASSES = 4


def load(name, max_features, window):
    feat = np.fromfile(CACHE / f"{name}.feat", dtype="<i4").reshape(-1, max_features)
    tags = np.fromfile(CACHE / f"{name}.tags", dtype=np.uint8).astype(np.int64)
    cand = np.fromfile(CACHE / f"{name}.cand", dtype=np.uint8).astype(bool)
    offs = np.fromfile(CACHE / f"{name}.offs", dtype="<i4")
    sample = np.zeros(len(tags), dtype=np.int64)
    for s in range(len(offs) - 1):
        sample[offs[s] : offs[s + 1]] = s
    idx = np.nonzero(cand)[0]
    # Window of each candidate: token indices, -1 outside its own text.
    win = idx[:, None] + np.arange(-window, window + 1)[None, :]
    inside = (win >= 0) & (win < len(tags))
    win = np.where(inside, win, 0)
    inside &= sample[win] == sample[idx][:, None]
    win = np.where(inside, win, -1)
    return torch.from_numpy(feat.astype(np.int64)), torch.from_numpy(win), torch.from_numpy(tags[idx])


class Tagger(nn.Module):
    def __init__(self, buckets, dim, hidden, window):
        super().__init__()
        self.window = window
        self.emb = nn.Embedding(buckets + 1, dim, padding_idx=buckets)  # last row: unused feature slot
        self.hidden = nn.Linear((2 * window + 1) * dim, hidden)
        self.out = nn.Linear(hidden, CLASSES)
        self.buckets = buckets
        nn.init.normal_(self.emb.weight, std=0.05)
        with torch.no_grad():
            self.emb.weight[buckets].zero_()

    def token_vectors(self, feat, win, drop=0.0, word_drop=0.0, ctx_drop=0.0):
        ids = feat[win.clamp(min=0)]  # [B, W, F]
        ids = torch.where(ids < 0, torch.full_like(ids, self.buckets), ids)
        if drop > 0:
            # Feature dropout: no single feature (the word itself, one neighbour) may decide alone.
            p = torch.full(ids.shape, drop)
            # The word's own hash (slot 0) is dropped more often: a name never seen in training has only
            # its letters and its context to go by, so the model must learn to read those.
            p[:, :, 0] = max(drop, word_drop)
            ids = torch.where(torch.rand(ids.shape) < p, torch.full_like(ids, self.buckets), ids)
        vec = self.emb(ids).sum(dim=2)  # [B, W, D]
        keep = win >= 0
        if ctx_drop > 0:
            # Whole neighbouring tokens dropped: no single context word (a template's wording) may decide.
            gone = torch.rand(win.shape) < ctx_drop
            gone[:, self.window] = False
            keep = keep & ~gone
            # Inverted dropout on the neighbours: inference sees every token, at the same expected scale.
            scale = torch.full(win.shape, 1.0 / (1.0 - ctx_drop))
            scale[:, self.window] = 1.0
            return vec * (keep * scale).unsqueeze(-1)
        return vec * keep.unsqueeze(-1)

    def forward(self, feat, win, drop=0.0, word_drop=0.0, ctx_drop=0.0):
        v = self.token_vectors(feat, win, drop, word_drop, ctx_drop).flatten(1)
        return self.out(torch.relu(self.hidden(v)))


def evaluate(model, feat, win, tags):
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(feat, win[i : i + 4096]).argmax(1) for i in range(0, len(win), 4096)])
    model.train()
    tp = ((pred == 1) & (tags == 1)).sum().item()
    p = tp / max(1, (pred == 1).sum().item())
    r = tp / max(1, (tags == 1).sum().item())
    return p, r, (pred == tags).float().mean().item()


def confusions(model, feat, win, tags):
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(feat, win[i : i + 4096]).argmax(1) for i in range(0, len(win), 4096)])
    model.train()
    m = np.zeros((CLASSES, CLASSES), dtype=np.int64)
    np.add.at(m, (tags.numpy(), pred.numpy()), 1)
    return m


def quantize_rows(w):
    w = w.detach().numpy().astype(np.float32)
    scale = np.abs(w).max(axis=1) / 127.0
    scale[scale == 0] = 1e-8
    q = np.clip(np.round(w / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def export(model, dim, hidden, buckets, max_features, out=OUT):
    emb_q, emb_s = quantize_rows(model.emb.weight[:buckets])
    w1_q, w1_s = quantize_rows(model.hidden.weight)
    parts = [
        b"SHNT",
        struct.pack("<7I", 1, dim, model.window, hidden, CLASSES, buckets, max_features),
        emb_s.tobytes(),
        emb_q.tobytes(),
        w1_s.tobytes(),
        w1_q.tobytes(),
        model.hidden.bias.detach().numpy().astype("<f4").tobytes(),
        model.out.weight.detach().numpy().astype("<f4").tobytes(),
        model.out.bias.detach().numpy().astype("<f4").tobytes(),
    ]
    blob = b"".join(parts)
    b64 = base64.b64encode(blob).decode()
    # One string literal: a long chain of concatenations overflows parsers' recursion.
    Path(out).write_text(
        "// Generated by training/shield/train_tagger.py: int8 weights of the name tagger (format in tagger.ts).\n"
        "// prettier-ignore\n"
        f"export const TAGGER_WEIGHTS_BASE64 = '{b64}';\n"
    )
    return len(blob)


def quantized_copy(model, buckets):
    q = Tagger(buckets, model.emb.weight.shape[1], model.hidden.weight.shape[0], model.window)
    q.load_state_dict(model.state_dict())
    with torch.no_grad():
        for w in (q.emb.weight, q.hidden.weight):
            scale = w.abs().max(dim=1, keepdim=True).values / 127.0
            w.copy_(torch.round(w / scale.clamp(min=1e-8)).clamp(-127, 127) * scale)
    return q


def main():
    global CACHE
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--dim", type=int, default=16)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--drop", type=float, default=0.3)
    ap.add_argument("--word-drop", type=float, default=0.6)
    ap.add_argument("--ctx-drop", type=float, default=0.0, help="share of neighbouring tokens dropped whole in training")
    ap.add_argument("--window", type=int, default=3)
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--cache", default=str(CACHE), help="directory of the exported features (export-features.ts --dir)")
    ap.add_argument("--out", default=str(OUT), help="weights file to write (model choice on a fold writes elsewhere)")
    args = ap.parse_args()
    torch.set_num_threads(1)
    CACHE = Path(args.cache)
    torch.manual_seed(args.seed)
    meta = json.loads((CACHE / "meta.json").read_text())
    buckets, max_features = meta["buckets"], meta["maxFeatures"]
    feat, win, tags = load("train", max_features, args.window)
    vfeat, vwin, vtags = load("valid", max_features, args.window)
    print(f"train candidates {len(tags)}, valid {len(vtags)}; class counts {np.bincount(tags.numpy(), minlength=CLASSES)}")
    model = Tagger(buckets, args.dim, args.hidden, args.window)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()
    batch = 512
    steps = (len(tags) + batch - 1) // batch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps * args.epochs)
    for epoch in range(args.epochs):
        perm = torch.randperm(len(tags))
        total = 0.0
        for s in range(steps):
            b = perm[s * batch : (s + 1) * batch]
            loss = loss_fn(model(feat, win[b], args.drop, args.word_drop, args.ctx_drop), tags[b])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        p, r, acc = evaluate(model, vfeat, vwin, vtags)
        print(f"epoch {epoch + 1}: loss {total / steps:.4f}  valid person P {p:.3f} R {r:.3f}  acc {acc:.3f}", flush=True)
    print("valid confusion (rows gold other/person/place/org, columns predicted):")
    print(confusions(model, vfeat, vwin, vtags))
    qp, qr, qacc = evaluate(quantized_copy(model, buckets), vfeat, vwin, vtags)
    print(f"int8: valid person P {qp:.3f} R {qr:.3f} acc {qacc:.3f}")
    if not args.no_export:
        size = export(model, args.dim, args.hidden, buckets, max_features, args.out)
        print(f"wrote {args.out} ({size} bytes of weights)")


if __name__ == "__main__":
    main()
