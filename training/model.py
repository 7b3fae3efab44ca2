"""The intent model: an attention-pooling encoder over pretrained + hashed token vectors, and the batching for it.

  x_t  = P·e(word_t) + S[token_t] + mean_g S[gram_g] + B[pair_t] + Pos[pos_t]     (d = D)
  a_qt = softmax_t(u_q · x_t / √D), q = 1..QUERIES                                   attention pooling
  h    = [Σ_t a_qt x_t for each q, mean_t x_t, max_t x_t, whole-prompt features]
  logits = W2 relu(W1 LayerNorm(h))
e(word) are the frozen pretrained vectors (a word never seen in training still lands near its synonyms), P is
trained; at export P·e is folded into one int8 table, so the runtime never multiplies by P. The queries read the
whole token sequence at O(n·d) cost, which keeps a 2,000-character prompt under a millisecond in the Worker.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from features import MAX_GRAMS, N_FEATURES, PAIR_BUCKETS, POS_BUCKETS, SUB_BUCKETS, encode_tokens, prompt_features

D, QUERIES, HIDDEN = 64, 4, 128


class IntentModel(nn.Module):
    def __init__(self, vectors, n_classes, dropout=0.0):
        super().__init__()
        self.drop = nn.Dropout(dropout)  # training only; no weights, so the exported model is unchanged
        v = torch.cat([torch.as_tensor(vectors), torch.zeros(1, vectors.shape[1])])  # last row: no word
        self.register_buffer("vectors", v)
        self.proj = nn.Linear(vectors.shape[1], D, bias=False)
        self.sub = nn.Embedding(SUB_BUCKETS + 1, D, padding_idx=SUB_BUCKETS)
        self.pair = nn.Embedding(PAIR_BUCKETS, D)
        self.pos = nn.Embedding(POS_BUCKETS, D)
        for emb in (self.sub, self.pair, self.pos):
            nn.init.normal_(emb.weight, std=0.05)
        with torch.no_grad():
            self.sub.weight[SUB_BUCKETS].zero_()
        self.queries = nn.Parameter(torch.randn(QUERIES, D) * 0.1)
        width = (QUERIES + 2) * D + N_FEATURES
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, n_classes)

    def tokens(self, b):
        # Trigram buckets only exist for words without a pretrained row: one flat bag per token (mean, empty = 0).
        grams = F.embedding_bag(b["gram_idx"], self.sub.weight, b["gram_off"], mode="mean").view(*b["sub"].shape, D)
        return (self.proj(self.vectors[b["rows"]]) + self.sub(b["sub"]) + grams + self.pair(b["pair"])
                + self.pos(b["pos"]))

    def pooled(self, b):
        x = self.tokens(b)
        mask = b["mask"]  # [B, T] bool, True for real tokens
        scores = torch.einsum("btd,qd->bqt", x, self.queries) / D ** 0.5
        scores = scores.masked_fill(~mask[:, None, :], -1e9)
        att = torch.einsum("bqt,btd->bqd", scores.softmax(-1), x).flatten(1)
        m = mask.unsqueeze(-1).to(x.dtype)
        mean = (x * m).sum(1) / m.sum(1).clamp(min=1)
        mx = x.masked_fill(~mask.unsqueeze(-1), -1e9).max(1).values
        return torch.cat([att, mean, mx, b["feats"]], -1)

    def hidden(self, b):
        return torch.relu(self.fc1(self.drop(self.norm(self.pooled(b)))))

    def forward(self, b):
        return self.fc2(self.drop(self.hidden(b)))


def encode_all(texts, has_tools, lookup):
    """Encodes once; returns a list of per-example dicts of numpy arrays."""
    out = []
    for text, tools in zip(texts, has_tools):
        toks = encode_tokens(text, lookup) or [(-1, 0, 0, 0, [])]
        n = len(toks)
        grams = np.full((n, MAX_GRAMS), SUB_BUCKETS, dtype=np.int32)
        for i, t in enumerate(toks):
            grams[i, :len(t[4])] = t[4]
        known = sum(1 for t in toks if t[0] >= 0) / n
        out.append({
            "rows": np.array([t[0] for t in toks], dtype=np.int32), "sub": np.array([t[1] for t in toks], dtype=np.int32),
            "pair": np.array([t[2] for t in toks], dtype=np.int32), "pos": np.array([t[3] for t in toks], dtype=np.int32),
            "grams": grams, "feats": np.array(prompt_features(text, tools, n, known), dtype=np.float32),
        })
    return out


def _pos_buckets(n):
    i = np.arange(n)
    return np.where(i < 8, i, np.where(n - 1 - i < 8, 8 + (n - 1 - i), 16))


def style_keep(n, aug, rng):
    """Which tokens an augmented copy keeps: sometimes a leading run is cut (a source's templated opening phrase),
    sometimes only a contiguous part of the prompt is kept (truncation), then random tokens are dropped. Returns the
    mask and whether positions must be recounted."""
    keep = np.ones(n, dtype=bool)
    moved = False
    if n > 6 and aug.get("head", 0) and rng.random() < aug["head"]:
        keep[:rng.integers(1, max(2, min(12, n // 3)) + 1)] = False
        moved = True
    if n > 12 and aug.get("crop", 0) and rng.random() < aug["crop"]:
        live = np.flatnonzero(keep)
        span = int(len(live) * rng.uniform(0.5, 1.0))
        start = rng.integers(0, len(live) - span + 1)
        keep[:] = False
        keep[live[start:start + span]] = True
        moved = True
    return keep, moved


# Position of the tools flag among features.prompt_features' values.
TOOLS_FEATURE = 17


def collate(examples, n_vectors, drop_tokens=0.0, drop_tools=0.0, rng=None, aug=None):
    """Pads a batch. Training drops random tokens (so no single cue word carries a class) and the tools flag
    (tools attached is a strong hint at run time, but only one source has it in the data). `aug` adds style noise:
    cut leading phrases, truncation, and dropped whole-prompt features (length, markers), so that what a source's
    format looks like carries less of the class than what is asked."""
    aug = aug or {}
    T = max(len(e["rows"]) for e in examples)
    B = len(examples)
    rows = np.full((B, T), n_vectors, dtype=np.int64)
    sub = np.full((B, T), SUB_BUCKETS, dtype=np.int64)
    pair = np.zeros((B, T), dtype=np.int64)
    pos = np.zeros((B, T), dtype=np.int64)
    gram_idx, gram_len = [], np.zeros((B, T), dtype=np.int64)
    mask = np.zeros((B, T), dtype=bool)
    feats = np.stack([e["feats"] for e in examples]).copy()
    for i, e in enumerate(examples):
        n = len(e["rows"])
        keep, moved = style_keep(n, aug, rng) if aug else (np.ones(n, dtype=bool), False)
        if drop_tokens and n > 3:
            keep &= rng.random(n) >= drop_tokens
            if not keep.any():
                keep[0] = True
        k = int(keep.sum())
        r = e["rows"][keep].astype(np.int64)
        rows[i, :k] = np.where(r < 0, n_vectors, r)
        sub[i, :k] = e["sub"][keep]
        pair[i, :k] = e["pair"][keep]
        pos[i, :k] = _pos_buckets(k) if moved else e["pos"][keep]
        g = e["grams"][keep]
        valid = g != SUB_BUCKETS
        gram_len[i, :k] = valid.sum(1)
        gram_idx.append(g[valid])
        mask[i, :k] = True
        if drop_tools and rng.random() < drop_tools:
            feats[i, TOOLS_FEATURE] = 0.0
        if aug.get("feats", 0) and rng.random() < aug["feats"]:
            drop = rng.random(feats.shape[1]) < 0.3
            drop[TOOLS_FEATURE] = False  # the tools flag has its own rate
            feats[i, drop] = 0.0
    t = torch.as_tensor
    offsets = np.concatenate([[0], np.cumsum(gram_len.ravel())[:-1]])
    return {"rows": t(rows), "sub": t(sub), "pair": t(pair), "pos": t(pos), "mask": t(mask), "feats": t(feats),
            "gram_idx": t(np.concatenate(gram_idx).astype(np.int64)), "gram_off": t(offsets)}
