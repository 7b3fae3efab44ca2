"""Prompt -> model inputs. Mirrored line for line by src/classifier/features.ts (parity: test/classifier/parity.test.ts).

Tokens: runs of letters/marks/digits/underscore are words (lower-cased, cut at 40 chars); runs of scripts written
without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) become overlapping character bigrams; every other visible
character is a token of its own (braces, colons and `=` are what code, JSON and SQL look like). A long prompt
keeps its first HEAD_TOKENS and last TAIL_TOKENS tokens: instructions sit at either end. Whole-prompt features
(length, code/trace/SQL/JSON markers, scripts) are computed over a wider character window, so the model reads
more of a long prompt than its tokens.

Each token carries: a pretrained word row (English vectors, plus foreign cue words mapped onto English rows
by the hand-written lexicon), a hashed bucket of the token itself, hashed character trigrams when the token has
no pretrained row, and a hashed bucket of the (previous, current) token pair.
"""
import math
import re
import unicodedata

HEAD_TOKENS, TAIL_TOKENS = 128, 64
HEAD_CHARS, TAIL_CHARS = 3000, 1500  # characters tokenized at each end; whole-prompt features see FEATURE_CHARS
FEATURE_CHARS = 20000
MAX_WORD = 40
SUB_BUCKETS, PAIR_BUCKETS = 16384, 8192
MAX_GRAMS = 8
POS_BUCKETS = 17  # first 8 tokens, last 8 tokens, everything between
N_FEATURES = 32
MIN_STEM = 4

NOSPACE_RANGES = [(0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF), (0x31F0, 0x31FF),
                  (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F), (0x20000, 0x2FFFF)]
_cls_cache = {}


def char_class(ch):
    """0 space, 1 word char, 2 no-space script, 3 other visible character."""
    c = _cls_cache.get(ch)
    if c is None:
        cp = ord(ch)
        if any(lo <= cp <= hi for lo, hi in NOSPACE_RANGES):
            c = 2
        elif ch.isspace():
            c = 0
        elif ch == "_" or unicodedata.category(ch)[0] in "LMN":
            c = 1
        else:
            c = 3
        _cls_cache[ch] = c
    return c


def fnv(key):
    """FNV-1a over UTF-16 code units (what JavaScript's charCodeAt yields)."""
    h = 0x811C9DC5
    b = key.encode("utf-16-le")
    for i in range(0, len(b), 2):
        h = ((h ^ (b[i] | (b[i + 1] << 8))) * 16777619) & 0xFFFFFFFF
    return h


def window(text):
    if len(text) <= HEAD_CHARS + TAIL_CHARS:
        return text
    return text[:HEAD_CHARS] + "\n" + text[len(text) - TAIL_CHARS:]


def tokenize(text):
    """Returns [(token, kind)] with kind 1 word, 2 no-space bigram/char, 3 symbol."""
    t = window(text).lower()
    out = []
    i, n = 0, len(t)
    while i < n:
        c = char_class(t[i])
        if c == 0:
            i += 1
        elif c == 3:
            out.append((t[i], 3))
            i += 1
        else:
            j = i + 1
            while j < n and char_class(t[j]) == c:
                j += 1
            if c == 1:
                out.append((t[i:min(j, i + MAX_WORD)], 1))
            elif j - i == 1:
                out.append((t[i], 2))
            else:
                for k in range(i, j - 1):
                    out.append((t[k:k + 2], 2))
            i = j
    if len(out) > HEAD_TOKENS + TAIL_TOKENS:
        out = out[:HEAD_TOKENS] + out[len(out) - TAIL_TOKENS:]
    return out


def grams(word):
    w = "<" + word + ">"
    if len(w) < 4:
        return []
    # Long tokens (hashes, base64, identifiers) keep the trigrams of their two ends only.
    idx = list(range(len(w) - 2))
    if len(idx) > MAX_GRAMS:
        idx = idx[:MAX_GRAMS // 2] + idx[len(idx) - MAX_GRAMS // 2:]
    return [fnv("g" + w[k:k + 3]) % SUB_BUCKETS for k in idx]


class Lookup:
    """Word -> pretrained row: exact lexicon forms first (a foreign cue word beats an unrelated English row of the
    same spelling), then the English vocabulary, then lexicon stems for inflected foreign words."""

    def __init__(self, vocab, lexicon_exact, lexicon_stems):
        self.vocab = vocab            # word -> row
        self.exact = lexicon_exact    # form -> row
        self.stems = lexicon_stems    # stem -> row

    def row(self, tok, kind):
        r = self.exact.get(tok)
        if r is not None:
            return r
        if kind == 2:
            return self.exact.get(tok[0], -1) if len(tok) == 2 else -1
        r = self.vocab.get(tok)
        if r is not None:
            return r
        lo = 2 if "\uac00" <= tok[0] <= "\ud7a3" else MIN_STEM  # Hangul: particles attach to 2-syllable stems
        if kind == 1 and len(tok) >= lo:
            for k in range(min(len(tok), 12), lo - 1, -1):
                r = self.stems.get(tok[:k])
                if r is not None:
                    return r
        return -1


def pos_bucket(i, n):
    if i < 8:
        return i
    if n - 1 - i < 8:
        return 8 + (n - 1 - i)
    return 16


def encode_tokens(text, lookup):
    """Per token: (row, sub_bucket, pair_bucket, pos_bucket, [gram buckets])."""
    toks = tokenize(text)
    n = len(toks)
    out = []
    prev = ""
    for i, (tok, kind) in enumerate(toks):
        row = lookup.row(tok, kind)
        g = grams(tok) if row < 0 and kind == 1 else []
        out.append((row, fnv("w" + tok) % SUB_BUCKETS, fnv("p" + prev + " " + tok) % PAIR_BUCKETS,
                    pos_bucket(i, n), g))
        prev = tok
    return out


# re.ASCII: \b \w \d mean what they mean in JavaScript regexes without the u flag (features.ts uses the same text).
A = re.A
RE = {
    "fence": re.compile(r"```"),
    "indent": re.compile(r"^(?: {2,}|\t)\S", re.M | A),
    "trace": re.compile(r"traceback \(most recent|exception|error[:\]]|\bat [\w$.]+\(|line \d+|errno|panic:|segmentation fault|undefined is not|cannot read propert|stack trace", re.I | A),
    "sql": re.compile(r"\bselect\b[\s\S]{1,200}?\bfrom\b|\bjoin\b|\bgroup by\b|\bcreate table\b|\binsert into\b|\bwhere\b[\s\S]{1,80}?=", re.I | A),
    "json": re.compile(r"[{\[]\s*\"[^\"\n]{1,40}\"\s*:", A),
    "schema": re.compile(r"\"(?:parameters|properties|required)\"\s*:|\bfunction_call\b|\btool_calls?\b", re.I | A),
    "choices": re.compile(r"(?:^|\n)\s*(?:\(?[a-e]\)|[a-e]\.|\([a-e]\))\s+\S", re.I | A),
    "url": re.compile(r"https?://"),
    "list": re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+\S", re.M | A),
    "mathsym": re.compile(r"\d\s*[-+*/^=×÷]\s*\d|\\frac|\\sqrt|\$[^$\n]{1,80}\$", A),
    "quote": re.compile(r"[\"“”«»„]"),
}


def script_counts(text):
    """Letters per script: latin ascii, latin accented, cyrillic, greek, arabic/hebrew, indic, cjk+kana, hangul, thai+other."""
    c = [0] * 9
    for ch in text:
        cp = ord(ch)
        if cp < 128:
            if "a" <= ch.lower() <= "z":
                c[0] += 1
        elif cp < 0x250:
            if is_letter(ch):
                c[1] += 1
        elif 0x370 <= cp < 0x400:
            c[3] += 1
        elif 0x400 <= cp < 0x530:
            c[2] += 1
        elif 0x590 <= cp < 0x780:
            c[4] += 1
        elif 0x900 <= cp < 0xE00:
            c[5] += 1
        elif 0xAC00 <= cp < 0xD7B0 or 0x1100 <= cp < 0x1200:
            c[7] += 1
        elif char_class(ch) == 2 and not (0x0E00 <= cp < 0x1000 or 0x1000 <= cp < 0x1800):
            c[6] += 1
        elif is_letter(ch):
            c[8] += 1
    return c


def is_letter(ch):
    return unicodedata.category(ch)[0] == "L"


def prompt_features(text, has_tools, n_tokens, known_share):
    """N_FEATURES numbers, each roughly in [0, 1]."""
    t = text if len(text) <= FEATURE_CHARS else text[:FEATURE_CHARS // 2] + "\n" + text[len(text) - FEATURE_CHARS // 2:]
    chars = len(text)
    lines = t.count("\n") + 1
    nonspace = max(1, sum(1 for ch in t if ch not in " \t\n\r\f\v"))
    sym = sum(1 for ch in t if ch in "{}[]();=<>$#")
    digits = sum(1 for ch in t if "0" <= ch <= "9")
    upper = sum(1 for ch in t if "A" <= ch <= "Z")
    sc = script_counts(t)
    letters = max(1, sum(sc))
    f = [
        math.log1p(chars) / 10, math.log1p(lines) / 6, min(1.0, len(RE["fence"].findall(t)) / 4),
        min(1.0, len(RE["indent"].findall(t)) / max(1, lines) * 2), min(1.0, sym / nonspace * 5),
        min(1.0, len(RE["trace"].findall(t)) / 3), min(1.0, len(RE["sql"].findall(t)) / 3),
        min(1.0, len(RE["json"].findall(t)) / 3), min(1.0, len(RE["schema"].findall(t)) / 2),
        1.0 if t.rstrip().endswith("?") else 0.0, min(1.0, len(RE["choices"].findall(t)) / 3),
        1.0 if RE["url"].search(t) else 0.0, min(1.0, len(RE["list"].findall(t)) / 5),
        min(1.0, len(RE["mathsym"].findall(t)) / 3), min(1.0, len(RE["quote"].findall(t)) / 6),
        min(1.0, digits / nonspace * 4), min(1.0, upper / nonspace * 4),
        1.0 if has_tools else 0.0, math.log1p(n_tokens) / 6, known_share,
    ]
    f += [x / letters for x in sc]
    f += [1.0 if sum(1 for x in sc if x / letters > 0.15) > 1 else 0.0,  # two scripts: instruction + payload
          1.0 if chars < 40 else 0.0, 1.0 if chars > 2000 else 0.0]
    assert len(f) == N_FEATURES, len(f)
    return f


def read_lexicon(path):
    """[(english, form, is_stem)] from training/lexicon.tsv."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            english, forms = line.rstrip("\n").split("\t")
            for form in forms.split():
                form = form.lower()
                stem = form.endswith("*") or "\uac00" <= form[0] <= "\ud7a3"
                out.append((english, form.rstrip("*"), stem))
    return out


def build_lexicon(entries, vocab, protected):
    """Maps forms to the English rows. A form that is itself a frequent English word ("was", "list", "brief") is
    left to its English vector: `protected` holds those words."""
    exact, stems = {}, {}
    for english, form, stem in entries:
        row = vocab.get(english)
        if row is None or (form in protected and form != english):
            continue
        if all(char_class(ch) == 2 for ch in form) and len(form) > 2:
            form = form[:2]  # no-space scripts are matched by bigram tokens
        (stems if stem else exact).setdefault(form, row)
    return exact, stems
