"""Turning what staff type into index queries: words, synonyms, light stemming.

A parsed query is a list of clauses that must all match; each clause is a list of
alternatives (a synonym group), each alternative a tuple of words (a phrase when longer than
one word). Every word is made of letters and digits only, so the strings built here can be
handed to FTS5 MATCH and PostgreSQL to_tsquery without any escaping problems."""

import re

from . import normalise
from .models import WORD_RE

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "our",
        "the",
        "to",
        "with",
        "my",
        "we",
    ]
)
MAX_WORDS = 12
PREFIX_MIN = 5
SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s")


def words(text):
    return WORD_RE.findall((text or "").lower())[:MAX_WORDS]


def stem(word):
    """A deliberately light stemmer for SQLite, whose FTS5 tokenizer does not stem: the stem is
    used as a prefix ("policies" -> polic*, "planning" -> plann*)."""
    if len(word) < 5 or word.isdigit():
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


class ParsedQuery:
    """`known`: a function from a set of words to those the index holds (search/normalise.py
    asks it about joined and split spellings); without it only shorthand is folded."""

    def __init__(self, text, synonym_groups=(), known=None):
        self.text = text
        self.words = words(text)
        vocabulary = known(normalise.compound_candidates(self.words)) if known else set()
        self.clauses = self._expand(self.words, synonym_groups, vocabulary)

    @staticmethod
    def _expand(tokens, synonym_groups, vocabulary=frozenset()):
        """Left to right, at each word: year / key stage shorthand, else the longest synonym
        phrase, else two words the index knows joined, else the word (and the two words it
        may be read as)."""
        phrases = {}
        for group in synonym_groups:
            for term in group:
                phrases.setdefault(tuple(term.split()), group)
        longest = max((len(p) for p in phrases), default=1)
        clauses, i = [], 0
        while i < len(tokens):
            if found := normalise.shorthand(tokens, i):
                clauses.append(found[0])
                i += found[1]
                continue
            for size in range(min(longest, len(tokens) - i), 0, -1):
                key = tuple(tokens[i : i + size])
                if key in phrases:
                    alternatives = [tuple(t.split()) for t in phrases[key]]
                    clauses.append(alternatives)
                    i += size
                    break
            else:
                if pair := normalise.joined(tokens, i, vocabulary):
                    clauses.append(pair)
                    i += 2
                    continue
                word = tokens[i]
                clauses.append([(word,), *normalise.split_alternatives(word, vocabulary)])
                i += 1
        return clauses

    def __bool__(self):
        return bool(self.clauses)

    def required_clauses(self):
        """Clauses without bare stop words (unless nothing else is left)."""
        kept = [
            c for c in self.clauses if not (len(c) == 1 and c[0][0] in STOPWORDS and len(c[0]) == 1)
        ]
        return kept or self.clauses

    def highlight_terms(self):
        """Every word (stemmed) that a snippet should mark."""
        out = set()
        for clause in self.clauses:
            for alternative in clause:
                for word in alternative:
                    if word not in STOPWORDS or len(self.clauses) == 1:
                        out.add(stem(word))
        return sorted(out, key=len, reverse=True)

    # --- SQLite FTS5 ---------------------------------------------------------------------
    @staticmethod
    def _fts_alternative(alternative):
        # FTS5 does not stem: a word of five letters or more also finds its longer forms
        # ("model" -> "models"), the last word of a phrase too ("subject access requests").
        last = alternative[-1]
        if len(alternative) > 1:
            phrase = '"' + " ".join(alternative) + '"'
            return phrase + "*" if len(last) >= PREFIX_MIN and last.isalpha() else phrase
        stemmed = stem(last)
        if stemmed != last:
            return f'("{last}" OR "{stemmed}"*)'
        return f'"{last}"*' if len(last) >= PREFIX_MIN and last.isalpha() else f'"{last}"'

    def fts5(self, mode="all"):
        parts = []
        for clause in self.required_clauses():
            alternatives = [self._fts_alternative(a) for a in clause]
            parts.append(
                alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
            )
        return (" AND " if mode == "all" else " OR ").join(parts)

    # --- PostgreSQL to_tsquery --------------------------------------------------------------
    @staticmethod
    def _ts_alternative(alternative):
        if len(alternative) > 1:
            return "(" + " <-> ".join(alternative) + ")"
        return alternative[0]

    def tsquery(self, mode="all"):
        parts = []
        for clause in self.required_clauses():
            alternatives = [self._ts_alternative(a) for a in clause]
            parts.append("(" + " | ".join(alternatives) + ")")
        return (" & " if mode == "all" else " | ").join(parts)


def prefix_words(text):
    """For autocomplete: all words, the last one as a prefix."""
    return [w for w in words(text) if re.fullmatch(r"[^\W_]+", w)][:6]
