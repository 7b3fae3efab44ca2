"""Shared pieces of the training pipeline: text normalisation, tokenisation with head+tail truncation, the model.

The architecture is sized for latency inside workerd (see bench/classifier/README.md): a 2-layer d=96 encoder over
at most 96 tokens costs about a third of the first d=128/ffn=512/128-token model with the same macro-F1 budget.
"""
import json
import re

import torch
import torch.nn as nn

ARCH = {"d": 96, "heads": 4, "layers": 2, "ffn": 256, "max_tokens": 96, "head_tokens": 48}
CHAR_WINDOW = 400  # characters kept at each end before tokenizing; mirrors src/classifier/engine.ts
PAD_ID, UNK_ID = 0, 1


def normalize(text: str) -> str:
    # Mirrors the tokenizer.json normalizer after Precompiled: Lowercase, collapse runs of spaces, strip.
    return re.sub(r" {2,}", " ", text.lower()).strip()


def char_window(text: str, window: int = CHAR_WINDOW) -> str:
    # 48 tokens are ~200 characters of English; tokenizing a whole 1 MB prompt to keep them would be waste.
    if len(text) <= 2 * window:
        return text
    return text[:window] + " " + text[len(text) - window:]


def head_tail(ids, max_tokens, head):
    # Long prompts keep their first and last tokens: instructions sit at either end.
    if len(ids) <= max_tokens:
        return ids
    return ids[:head] + ids[len(ids) - (max_tokens - head):]


def encode(sp, text, arch):
    return head_tail(sp.encode(normalize(char_window(text))), arch["max_tokens"], arch["head_tokens"]) or [UNK_ID]


def read_jsonl(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


class IntentModel(nn.Module):
    """Encoder with two heads. The complexity logit adds a linear bag-of-tokens term (one weight per token,
    averaged) to the encoder's head: the "wide" path keeps lexical cues a small encoder smooths away."""

    def __init__(self, vocab_size, n_classes, d, heads, layers, ffn, max_tokens, dropout=0.1, **_):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d, padding_idx=PAD_ID)
        self.pos = nn.Embedding(max_tokens, d)
        layer = nn.TransformerEncoderLayer(d, heads, ffn, dropout=dropout, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d)
        self.class_head = nn.Linear(d, n_classes)
        self.complexity_head = nn.Linear(d, 1)
        self.complexity_tokens = nn.Embedding(vocab_size, 1, padding_idx=PAD_ID)
        nn.init.zeros_(self.complexity_tokens.weight)

    def forward(self, input_ids, attention_mask):
        # attention_mask: 1 for real tokens, 0 for padding
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.embed(input_ids) + self.pos(positions)
        pad = attention_mask == 0
        x = self.encoder(x, src_key_padding_mask=pad)
        m = attention_mask.unsqueeze(-1).to(x.dtype)
        count = m.sum(1).clamp(min=1.0)
        pooled = self.norm((x * m).sum(1) / count)
        wide = (self.complexity_tokens(input_ids) * m).sum(1) / count
        return self.class_head(pooled), (self.complexity_head(pooled) + wide).squeeze(-1)


class SingleSequenceEncoder(nn.Module):
    """The same computation for one unpadded sequence, written so the ONNX graph stays small: no padding mask,
    constant-shape reshapes, one fused QKV projection. torch's own encoder export is ~350 nodes of shape
    arithmetic, and per-node overhead dominated inference for short prompts."""

    def __init__(self, model: IntentModel):
        super().__init__()
        self.m = model

    def forward(self, input_ids):
        m = self.m
        ids = input_ids[0]
        x = m.embed(ids) + m.pos.weight[: ids.shape[0]]
        for layer in m.encoder.layers:
            attn = layer.self_attn
            d, heads = attn.embed_dim, attn.num_heads
            dh = d // heads
            q, k, v = nn.functional.linear(layer.norm1(x), attn.in_proj_weight, attn.in_proj_bias).split(d, dim=-1)
            q = (q * dh ** -0.5).reshape(-1, heads, dh).transpose(0, 1)
            k = k.reshape(-1, heads, dh).permute(1, 2, 0)
            v = v.reshape(-1, heads, dh).transpose(0, 1)
            o = (torch.softmax(q @ k, dim=-1) @ v).transpose(0, 1).reshape(-1, d)
            x = x + attn.out_proj(o)
            x = x + layer.linear2(torch.relu(layer.linear1(layer.norm2(x))))
        pooled = m.norm(x.mean(0, keepdim=True))
        wide = m.complexity_tokens(ids).mean(0, keepdim=True)
        return m.class_head(pooled), (m.complexity_head(pooled) + wide).squeeze(-1)


def model_from_labels(labels):
    return IntentModel(labels["vocabSize"], len(labels["classes"]), **labels["arch"])
