"""Three-way merge of a school's adaptation with a newer model policy, paragraph by paragraph.

The common ancestor is the model text the school adapted (its base version). Two diffs are taken
against it: base -> new model (the model's changes) and base -> school text (the school's own).
Hunks that touch the same base paragraphs (or insert at the same point) are grouped into one
region. A region holding at least one model hunk is a *change* the school must decide on: clean
when the school left that passage alone (the model's text is proposed as is), a conflict when the
school changed it too (the school's wording is kept until someone decides). Regions with only
school hunks are the school's own text and are always kept.

Pure functions on lists of paragraphs (see textdiff.paragraphs), so the rules are testable
without a database; services/merging.py stores the decisions."""

import difflib
import hashlib
import json
from dataclasses import dataclass, field

MODEL, SCHOOL = "model", "school"


@dataclass
class Hunk:
    side: str
    start: int  # base paragraphs [start, end) are replaced by paras
    end: int
    paras: list


@dataclass
class Region:
    start: int
    end: int
    hunks: list = field(default_factory=list)
    base: list = field(default_factory=list)
    model: list = field(default_factory=list)
    school: list = field(default_factory=list)

    @property
    def has_model(self):
        return any(h.side == MODEL for h in self.hunks)

    @property
    def has_school(self):
        return any(h.side == SCHOOL for h in self.hunks)

    @property
    def conflict(self):
        """Both changed the passage, differently (the same edit on both sides is no conflict)."""
        return self.has_model and self.has_school and self.model != self.school

    @property
    def same(self):
        return self.has_model and self.has_school and self.model == self.school

    @property
    def key(self):
        """Stable identity of the model's change: what it replaces and with what. It ignores
        the school's text so a decision survives the school editing elsewhere, and a later
        model version that leaves this change alone keeps the decision too."""
        data = json.dumps([self.base, self.model], ensure_ascii=False)
        return hashlib.sha256(data.encode()).hexdigest()[:16]


def hunks(base, other, side):
    """The side's edits of the base. A replacement of n paragraphs by n is split into n
    one-paragraph edits, so that two neighbouring model edits are two changes to decide (and
    a school edit of one of them does not make the other a conflict)."""
    out = []
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            out += [Hunk(side, i1 + k, i1 + k + 1, [other[j1 + k]]) for k in range(i2 - i1)]
        elif op == "replace":
            out += _aligned(base, other, i1, i2, j1, j2, side)
        else:
            out.append(Hunk(side, i1, i2, other[j1:j2]))
    return out


def _similar(a, b):
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _aligned(base, other, i1, i2, j1, j2, side):
    """A replacement of n paragraphs by m: each old paragraph paired (in order) with the most
    similar new one, if any shares at least 40% of its words; the rest are insertions and deletions.
    So "two paragraphs reworded and one added" are three changes, not one block."""
    out, j = [], j1
    for i in range(i1, i2):
        scored = [(_similar(base[i], other[k]), k) for k in range(j, j2)]
        best = max(scored, default=(0, None))
        if best[0] < 0.4:
            out.append(Hunk(side, i, i + 1, []))
            continue
        k = best[1]
        if k > j:
            out.append(Hunk(side, i, i, other[j:k]))
        if base[i] != other[k]:
            out.append(Hunk(side, i, i + 1, [other[k]]))
        j = k + 1
    if j < j2:
        out.append(Hunk(side, i2, i2, other[j:j2]))
    return out


def _touches(start, end, hunk):
    """Whether a hunk overlaps the base span [start, end): shared paragraphs, or an insertion
    at the same point (the order of the two insertions would be a guess)."""
    if hunk.start < end and start < hunk.end:
        return True
    return start == end == hunk.start == hunk.end


def _apply(base, start, end, side_hunks):
    out, pos = [], start
    for hunk in sorted(side_hunks, key=lambda h: (h.start, h.end)):
        out += base[pos : hunk.start] + hunk.paras
        pos = hunk.end
    return out + base[pos:end]


def regions(base, model, school):
    """Every region where the model or the school (or both) changed the base, in reading order."""
    every = hunks(base, model, MODEL) + hunks(base, school, SCHOOL)
    every.sort(key=lambda h: (h.start, h.end, h.side))
    groups = []
    for hunk in every:
        current = groups[-1] if groups else None
        if current is not None and _touches(current.start, current.end, hunk):
            current.hunks.append(hunk)
            current.end = max(current.end, hunk.end)
        else:
            groups.append(Region(hunk.start, hunk.end, [hunk]))
    for region in groups:
        region.base = base[region.start : region.end]
        region.model = _apply(
            base, region.start, region.end, [h for h in region.hunks if h.side == MODEL]
        )
        region.school = _apply(
            base, region.start, region.end, [h for h in region.hunks if h.side == SCHOOL]
        )
    return groups


def changes(base, model, school):
    """The model's changes, in reading order: regions with at least one model hunk."""
    return [r for r in regions(base, model, school) if r.has_model]


def build(base, model, school, choose):
    """The merged text: base paragraphs, with each region replaced by what `choose(region)`
    returns for model changes and by the school's text for the school's own regions."""
    out, pos = [], 0
    for region in regions(base, model, school):
        out += base[pos : region.start]
        out += choose(region) if region.has_model else region.school
        pos = region.end
    return out + base[pos:]
