"""BERT's uncased WordPiece tokenizer, from the model's own vocab.txt: the steps of
`BertTokenizer` (clean, lower-case, strip accents, split on whitespace and punctuation, CJK
characters alone, then greedy longest-match word pieces). Written out here so the runtime needs
numpy only; tests/search/test_semantic_model.py checks it against the model's reference ids."""

import unicodedata


def _is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp):
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def _clean(text):
    out = []
    for ch in text:
        cp = ord(ch)
        if (
            cp == 0
            or cp == 0xFFFD
            or (unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t\n\r")
        ):
            continue
        if ch in " \t\n\r" or unicodedata.category(ch) == "Zs":
            out.append(" ")
        elif _is_cjk(cp):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    return "".join(out)


def basic_tokens(text):
    """Lower-cased, accent-free words and single punctuation marks."""
    tokens = []
    for word in _clean(text).split():
        word = unicodedata.normalize("NFD", word.lower())
        word = "".join(ch for ch in word if unicodedata.category(ch) != "Mn")
        current = []
        for ch in word:
            if _is_punctuation(ch):
                if current:
                    tokens.append("".join(current))
                    current = []
                tokens.append(ch)
            else:
                current.append(ch)
        if current:
            tokens.append("".join(current))
    return tokens


class WordPiece:
    MAX_WORD = 100

    def __init__(self, vocab_path):
        with open(vocab_path, encoding="utf-8") as fh:
            self.vocab = {line.rstrip("\n"): i for i, line in enumerate(fh)}
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]
        self._cache = {}

    def word_ids(self, word):
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        ids = self._pieces(word)
        if len(self._cache) < 50_000:
            self._cache[word] = ids
        return ids

    def _pieces(self, word):
        if len(word) > self.MAX_WORD:
            return [self.unk]
        ids, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return [self.unk]
            ids.append(found)
            start = end
        return ids

    def encode(self, text, max_length):
        """[CLS] ids... [SEP], cut to `max_length` ids in all."""
        ids = []
        limit = max_length - 2
        for word in basic_tokens(text):
            ids.extend(self.word_ids(word))
            if len(ids) >= limit:
                break
        return [self.cls, *ids[:limit], self.sep]
