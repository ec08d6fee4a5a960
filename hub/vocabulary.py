"""Matching what people write in a spreadsheet to the hub's vocabularies (resource types, key
stages, working groups, schools): by slug, code or name, case-insensitively, ignoring spaces
and punctuation ("KS 2" -> KS2, "training-cpd" -> Training / CPD), by a few school spellings
("Yr 3" -> Year 3), then by an unambiguous prefix of the slug, the name or one of its words
("training" -> Training / CPD, "cpd" -> Training / CPD). Used by `import_resources`."""

import re

NON_ALNUM = re.compile(r"[^0-9a-z]+")
# School spellings of the key stage codes and names (Y3, KS2).
ALIASES = (
    (re.compile(r"^(?:yr|year|yeargroup)(\d)$"), r"y\1"),
    (re.compile(r"^(?:keystage|stage)(\d)$"), r"ks\1"),
    (re.compile(r"^(?:foundationstage|earlyyears|reception)$"), "eyfs"),
    (re.compile(r"^(?:all|allyears|wholeschool)$"), "wholeschool"),
)


def compact(text):
    return NON_ALNUM.sub("", (text or "").lower())


def alias(key):
    for pattern, replacement in ALIASES:
        if pattern.match(key):
            return pattern.sub(replacement, key)
    return key


class Vocabulary:
    """`match(text)` -> (object or None, why not); `names` are the spellings of each object."""

    def __init__(self, objects, names):
        self.entries = []  # (compact spelling, object)
        self.words = []  # (compact word of a name, object)
        for obj in objects:
            for name in names(obj):
                self.entries.append((compact(name), obj))
                for word in re.split(r"[\s/,&()-]+", (name or "").lower()):
                    if len(word) > 1:
                        self.words.append((compact(word), obj))

    def match(self, text):
        key = alias(compact(text))
        if not key:
            return None, "empty"
        exact = {id(o): o for k, o in self.entries if k == key}
        if len(exact) == 1:
            return next(iter(exact.values())), ""
        found = {id(o): o for k, o in self.entries + self.words if k.startswith(key)}
        if len(found) == 1:
            return next(iter(found.values())), ""
        return None, "ambiguous" if found else "unknown"
