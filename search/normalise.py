"""How staff write the same thing differently, folded together on the query side:

- year and key stage shorthand: "y3", "Yr 3", "year three", "year3" are one clause whose
  alternatives are every way documents write it ("year 3", "y3", "yr3"); likewise "ks2",
  "KS 2", "key stage two" ("ks2", "key stage 2");
- hyphens, spaces and joined words: "pro forma" / "pro-forma" (two words to the tokenizer)
  also find "proforma" when the index knows that word, and "proforma" also finds the two
  words "pro forma" when the index knows both halves.

Shorthand needs no database; compounds ask the index's vocabulary through `known`, a
function taking a set of words and answering the subset the index holds (any document: the
alternatives only widen the match, which is restricted to what the user may see)."""

import re

NUMBERS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
}
YEAR_JOINED = re.compile(r"^(?:y|yr|year)(\d{1,2})$")
STAGE_JOINED = re.compile(r"^(?:ks|keystage)([1-5])$")
MIN_PART = 2


def number(token):
    if token.isdigit():
        return str(int(token))
    return NUMBERS.get(token)


def year_clause(n):
    return [("year", n), (f"y{n}",), (f"yr{n}",), ("yr", n)]


def stage_clause(n):
    return [(f"ks{n}",), ("key", "stage", n)]


def shorthand(tokens, i):
    """(clause, tokens used) for year / key stage shorthand starting at tokens[i], or None."""
    word = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if m := YEAR_JOINED.match(word):
        return year_clause(str(int(m.group(1)))), 1
    if m := STAGE_JOINED.match(word):
        return stage_clause(m.group(1)), 1
    if word in ("y", "yr", "year") and number(nxt):
        return year_clause(number(nxt)), 2
    if word in ("ks", "keystage") and number(nxt):
        return stage_clause(number(nxt)), 2
    after = tokens[i + 2] if i + 2 < len(tokens) else ""
    if word == "key" and nxt == "stage" and number(after):
        return stage_clause(number(after)), 3
    return None


def splits(word):
    """Ways of reading a joined word as two ("proforma" -> "pro" + "forma")."""
    if len(word) < 5 or not word.isalpha():
        return []
    out = [(word[:1], word[1:])] if word.startswith("e") else []  # e-safety, e-learning
    out += [(word[:k], word[k:]) for k in range(MIN_PART, len(word) - MIN_PART + 1)]
    return out


def compound_candidates(tokens):
    """Every joined pair and every split half the vocabulary is asked about, in one go."""
    words = set()
    for a, b in zip(tokens, tokens[1:], strict=False):
        if a.isalpha() and b.isalpha():
            words.add(a + b)
    for token in tokens:
        for left, right in splits(token):
            words.update((left, right))
    return words


def joined(tokens, i, vocabulary):
    """A clause for tokens[i] and tokens[i + 1] written apart that the index knows joined."""
    if i + 1 >= len(tokens):
        return None
    a, b = tokens[i], tokens[i + 1]
    if a.isalpha() and b.isalpha() and (a + b) in vocabulary:
        return [(a, b), (a + b,)]
    return None


def split_alternatives(token, vocabulary, limit=2):
    """The two-word readings of a joined token whose halves the index knows (a half of one
    or two letters, "e" or "up", counts as known: the word lists keep only longer words),
    the most even first."""
    found = [
        (left, right)
        for left, right in splits(token)
        if all(part in vocabulary or len(part) <= 2 for part in (left, right))
        and (len(left) > 1 or left == "e")
    ]
    return sorted(found, key=lambda pair: abs(len(pair[0]) - len(pair[1])))[:limit]
