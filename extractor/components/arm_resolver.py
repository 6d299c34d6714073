"""Which arm does this text name? One resolver per document, built once.

A trial's arms are printed under many names: a table header ("Group A
(XELIRI-Bev) N = 143"), a regimen abbreviation ("the TEL group"), a drug
("in the erlotinib arm"), a letter ("groups A and B"), an abbreviation the
paper defines ("observation (OBS)"). `ArmResolver` keeps, for each main arm,
the words that tell it apart from the other arms, and answers two questions:

- `role_of(label)`: which arm a table column or printed label names;
- `attribute(sentence, values)`: which arm each value of a sentence is stated
  for ("49% in the XELIRI and 48% in the FOLFIRI arm", "2.9 and 3.4 months in
  the placebo and erlotinib arms", "In group B, 57 patients (40.1%) ...").

It knows nothing of outcomes or adverse events: callers pass value spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from litkg.extractor.components.arm_words import (
    GENERIC_NAME,
    GENERIC_WORDS,
    N_PART,
    label_tokens,
    own_words,
)
from litkg.extractor.vocab import load_vocab

_NOUN = r"(?:groups?|arms?|cohorts?)"
# a designator: "group A", "arm 2", "B group", "cohort II"
_DESIGNATOR = re.compile(
    rf"(?i:\b{_NOUN})\s+(?P<a>[A-Z]|\d{{1,2}}|I{{1,3}}|IV)\b|\b(?P<b>[A-Z]|\d{{1,2}})\s+(?i:{_NOUN})\b"
)
_PREFIXED = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z]-[A-Za-z][A-Za-z0-9]+")
_CONTROL_WORDS = load_vocab("control_arms")
CONTROL_CUES = re.compile(
    r"\b(?:" + "|".join(_CONTROL_WORDS["labels"] + _CONTROL_WORDS["comparators"]) + r")\b"
    r"|(?:^|[\s(])(?:non-|no\s|without\s)",
    re.I,
)
OVERALL_CUES = re.compile(r"^\s*(?:all|total|overall|entire|whole|combined)\b", re.I)
# "in the whole population", "for all patients", "the overall study population"
_OVERALL_MENTION = re.compile(
    r"\b(?:(?:in|for|of|among)\s+(?:the\s+)?(?:whole|entire|overall|total)\s+(?:study\s+)?"
    r"(?:population|cohort|group|series|sample)|(?:in|for|among)\s+all\s+(?:\d+\s+)?patients"
    r"|overall\s+study\s+population)\b",
    re.I,
)
# the arms named by their role
_ROLE_WORDS = {
    "control": re.compile(rf"\b(?:control|comparator|placebo)\s+{_NOUN}\b", re.I),
    "intervention": re.compile(
        rf"\b(?:experimental|investigational|intervention|study[- ]drug)\s+{_NOUN}\b", re.I
    ),
}
# what joins two arms of a coordinated list: "A and B", "A vs B", "A compared with B"
_JOIN = re.compile(
    rf"^\s*(?:{_NOUN}\s*)?(?:,|and|or|vs\.?|versus|compared\s+(?:with|to)|than)\s+"
    r"(?:(?:in\s+)?the\s+)?(?:\d+\s+)?$",
    re.I,
)
# what may stand between two values of one list ("18% and 44% in group A")
_VALUE_GAP = re.compile(
    r"^\s*(?:%|months?|days?|weeks?|years?)?\s*(?:[(\[][^()\[\]]*[)\]]\s*)?"
    r"(?:,\s*(?:and\s+)?|and\s+|or\s+|/\s*)$",
    re.I,
)
# between two values set against each other: "98.2% versus 86.7%", "20.0% (4.3% to 48.1%) vs"
_PAIR_GAP = re.compile(
    r"^\s*(?:%|months?|days?|weeks?|years?)?\s*(?:[(\[][^()\[\]]*[)\]]\s*)?,?\s*(?:versus|vs\b\.?)\s*$",
    re.I,
)
# what sets one value against another: "75% versus 55%", "compared with 55%"
_CONTRAST = re.compile(r"\b(?:versus|vs\b\.?|compared\s+(?:with|to)|than)\s", re.I)
# "14.2 months for both", "in both arms": a value stated for every arm
_BOTH = re.compile(rf"\b(?:for|in)\s+both(?:\s+(?:the\s+)?(?:treatment\s+)?{_NOUN})?\b", re.I)
# where a clause ends (outside parentheses)
# what stands between an arm's name closing one conjunct and the value opening the next
_NEXT_CONJUNCT = re.compile(rf"^(?:\s+{_NOUN})?\s*(?:,\s*)?\b(?:and|or|but|versus|vs\.?)\s*$", re.I)
_BOUNDARY = re.compile(r";|:\s|,\s*(?:and|while|whereas|but)\b|\.\s|\bwhile\b|\bwhereas\b", re.I)

# "both study groups", "each treatment arm": not one arm
_NOT_EVERY = "".join(
    f"(?<!{w} )" for w in ("both", "each", "all", "either", "two", "three", "four")
)


# a dose an arm is named by: "10-mg group", "TCZ at 8 mg/kg", "Drug X 0.5 mg (n = 40)"
_DOSE_UNIT = (
    r"(?:mg/kg|mg/m2|mg/m²|mg/d(?:ay)?|[µμu]g/kg|mcg/kg|g/kg|mL/kg|ml/kg|IU/kg|U/kg|"
    r"mg|[µμu]g|mcg|g|mL|ml|IU|MU|Gy|mmol)"
)
_DOSE = re.compile(rf"(?<![\w.,])(?P<n>\d+(?:[.,]\d+)?)\s*-?\s*(?P<u>{_DOSE_UNIT})(?![\w/])")


def _doses(text: str) -> set[tuple[float, str]]:
    """The doses a label prints, as (amount, unit): "10-mg" -> (10.0, "mg")."""
    out = set()
    for m in _DOSE.finditer(N_PART.sub(" ", text)):
        unit = m.group("u").replace("μ", "µ").replace("²", "2").lower()
        out.add((float(m.group("n").replace(",", ".")), unit))
    return out


def _dose_rxs(amount: float, unit: str) -> list[re.Pattern[str]]:
    """Where a text names one dose: "10 mg", "10-mg", and the first of "the 10-
    and 15-mg groups" / "10 or 20 mg" (its unit printed after the next amount)."""
    n = f"{amount:g}".replace(".", r"[.,]")
    num = rf"(?<![\w.,])0*{n}0*(?![\d])"
    u = re.escape(unit).replace("µ", "[µμu]").replace("2", "[2²]")
    other = r"\d+(?:[.,]\d+)?"
    return [
        re.compile(rf"{num}\s*-?\s*{u}(?![\w/])", re.I),
        re.compile(
            rf"{num}(?:\s*-)?(?=(?:\s*(?:,|and|or|&)\s*{other}(?:\s*-)?)+\s*-?\s*{u}(?![\w/]))",
            re.I,
        ),
    ]


@dataclass(frozen=True)
class ArmName:
    """A main arm and what it is called."""

    label: str
    role: str  # intervention | control
    n: int | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArmMention:
    """A span of a sentence that names an arm."""

    start: int
    end: int
    role: str


@dataclass(frozen=True)
class ValueSpan:
    """A value of a sentence to attribute: where it stands and what it measures."""

    start: int
    end: int
    key: str = ""  # what it measures (endpoint or event term): values of one key zip with arm lists
    ratio: bool = False  # a ratio compares the arms; it is not zipped with them


def _designators(text: str) -> set[str]:
    return {m.group("a") or m.group("b") for m in _DESIGNATOR.finditer(text)}


def _word_rx(tok: str) -> re.Pattern[str]:
    esc = re.escape(tok)
    if tok.isupper() or any(c.isdigit() for c in tok):
        return re.compile(rf"(?<![A-Za-z0-9*]){esc}(?![A-Za-z0-9*])")
    return re.compile(rf"(?<![A-Za-z0-9*‐–-]){esc}(?:e?s)?(?![A-Za-z0-9*])", re.I)


def _depths(s: str) -> list[int]:
    out, d = [], 0
    for ch in s:
        if ch in "([":
            d += 1
        out.append(d)
        if ch in ")]" and d > 0:
            d -= 1
    return out


@dataclass
class ArmResolver:
    """Names of a document's main arms, and which arm a text names."""

    arms: list[ArmName]
    overall_n: int | None = None
    _keys: list[tuple[str, list[re.Pattern[str]], set[str], set[str]]] = field(
        default_factory=list, init=False, repr=False
    )
    #: the doses (amount, unit) each arm alone is named by
    _doses: list[set[tuple[float, str]]] = field(default_factory=list, init=False, repr=False)
    #: sentence -> its arm mentions (the components ask about the same sentences)
    _mentions: dict[str, tuple[ArmMention, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        toks = [
            {t.lower() for a in (arm.label, *arm.aliases) for t in label_tokens(a)}
            for arm in self.arms
        ]
        desig = [
            set().union(*(_designators(a) for a in (arm.label, *arm.aliases))) for arm in self.arms
        ]
        generic = [
            {
                m.group("w").lower()
                for a in (arm.label, *arm.aliases)
                if (m := GENERIC_NAME.match(a.strip()))
            }
            for arm in self.arms
        ]
        doses = [set().union(*(_doses(a) for a in (arm.label, *arm.aliases))) for arm in self.arms]
        for i, arm in enumerate(self.arms):
            others = set().union(*(t for j, t in enumerate(toks) if j != i))
            other_d = set().union(*(d for j, d in enumerate(desig) if j != i))
            words: dict[str, str] = {}
            for a in (arm.label, *arm.aliases):
                for t in label_tokens(a):
                    low = t.lower()
                    if low in GENERIC_WORDS or low in others or len(t) < 2 or t.isdigit():
                        continue
                    words.setdefault(low, t)
                # "i-gel", "t-PA": a word after a one-letter prefix is named only with it
                for c in _PREFIXED.findall(a):
                    if c.split("-")[1].lower() in words and c.lower() not in others:
                        words.setdefault(c.lower(), c)
            rxs = [_word_rx(t) for t in words.values()]
            # "the 10-mg group" beside "the 15-mg group": a dose no other arm is named by
            own_doses = doses[i] - set().union(*(d for j, d in enumerate(doses) if j != i))
            for amount, unit in sorted(own_doses):
                rxs += _dose_rxs(amount, unit)
            self._doses.append(own_doses)
            # "study group" beside "control group": generic words, one arm's name
            for w in sorted(
                generic[i] - set().union(*(g for j, g in enumerate(generic) if j != i))
            ):
                rxs.append(re.compile(rf"{_NOT_EVERY}\b{w}\s+(?:group|arm|cohort)\b(?!s)", re.I))
            self._keys.append((arm.role, rxs, set(words), desig[i] - other_d))

    @property
    def roles(self) -> list[str]:
        return [a.role for a in self.arms]

    def __len__(self) -> int:
        return len(self.arms)

    def role_of(self, label: str | None) -> str | None:
        """The role of the arm a printed label names ("Group A (XELIRI-Bev)",
        "Placebo + fulvestrant (n = 50)"); `overall` for a total column; None
        when it names no arm or several."""
        if not label or not label.strip():
            return None
        if OVERALL_CUES.match(label):
            return "overall"
        i = self.index_of(label)
        return self.arms[i].role if i is not None else None

    def _scores(self, label: str) -> list[int]:
        text = N_PART.sub(" ", label)
        words = {t.lower() for t in label_tokens(text)}
        desig = _designators(text)
        if re.fullmatch(r"\s*(?:[A-Z]|\d{1,2})\s*", text):
            desig.add(text.strip())  # "48 for DZ and 46 for D": a bare designator
        doses = _doses(label)
        return [
            len(keys & words) + 2 * len(ds & desig) + 2 * len(own & doses)
            for (_role, _rxs, keys, ds), own in zip(self._keys, self._doses, strict=True)
        ]

    def role_of_group(self, label: str | None) -> str | None:
        """The role of the arm a sentence's group label names, read more loosely
        than `role_of`: the role the label's arms share where it names several
        equally ("patients receiving memantine" in a trial of memantine and
        placebo arms per subgroup), or the arm whose name the label abbreviates
        ("the IM group" beside "Integrative Medicine group" and "Usual care
        group"), or whose abbreviated name the label writes out ("N-acetylcysteine"
        beside "NAC"); the best fits must share a role. None where that still
        leaves it open."""
        if not label or not label.strip():
            return None
        role = self.role_of(label)
        if role is not None:
            return role
        scores = self._scores(label)
        best = max(scores, default=0)
        if best > 0:
            roles = {self.arms[i].role for i, s in enumerate(scores) if s == best}
            return roles.pop() if len(roles) == 1 else None
        # the arms whose names hold all of the label's words
        words = {t.lower() for t in label_tokens(N_PART.sub(" ", label))} - GENERIC_WORDS
        holding = {
            arm.role
            for arm in self.arms
            if words
            and any(
                words <= {t.lower() for t in label_tokens(name)}
                for name in (arm.label, *arm.aliases)
            )
        }
        if holding:
            return holding.pop() if len(holding) == 1 else None
        short = label.strip()
        if not _ABBREVIATION.fullmatch(short):
            # "patients who received N-acetylcysteine" beside the "NAC" arm: the arm's
            # name abbreviates the label
            fits = [
                max(
                    (
                        _abbreviation_fit(name.strip(), short)
                        for name in (arm.label, *arm.aliases)
                        if _ABBREVIATION.fullmatch(name.strip())
                    ),
                    default=-1,
                )
                for arm in self.arms
            ]
        else:
            fits = [
                max(
                    (_abbreviation_fit(short, name) for name in (arm.label, *arm.aliases)),
                    default=-1,
                )
                for arm in self.arms
            ]
        top = max(fits, default=-1)
        roles = {self.arms[i].role for i, f in enumerate(fits) if f == top and f >= 0}
        return roles.pop() if len(roles) == 1 else None

    def index_of(self, label: str) -> int | None:
        """Which main arm (its index) a printed label names, or None."""
        text = N_PART.sub(" ", label)
        words = {t.lower() for t in label_tokens(text)}
        scores = self._scores(label)
        best = max(scores, default=0)
        if best > 0:
            top = [i for i, s in enumerate(scores) if s == best]
            return top[0] if len(top) == 1 else None
        # an arm with no word of its own ("HLA-A*2402" beside "non-HLA-A*2402"):
        # the label holds all of its words
        cands = [
            i
            for i, a in enumerate(self.arms)
            if words and {t.lower() for t in label_tokens(a.label)} <= words
        ]
        return cands[0] if len(cands) == 1 else None

    def mentions(self, sent: str) -> list[ArmMention]:
        """Spans of `sent` naming an arm, in order (adjacent words of one arm merged)."""
        hit = self._mentions.get(sent)
        if hit is None:
            hit = self._mentions[sent] = tuple(self._find_mentions(sent))
        return list(hit)

    def _find_mentions(self, sent: str) -> list[ArmMention]:
        spans: list[ArmMention] = []
        for role, rxs, _keys, ds in self._keys:
            for rx in rxs:
                spans += [ArmMention(m.start(), m.end(), role) for m in rx.finditer(sent)]
            for d in ds:
                rx = re.compile(
                    rf"(?i:\b{_NOUN})\s+{re.escape(d)}\b|\b{re.escape(d)}\s+(?i:{_NOUN})\b"
                )
                spans += [ArmMention(m.start(), m.end(), role) for m in rx.finditer(sent)]
        # "groups A and B", "arms 1 and 2"
        all_d = [(d, role) for role, _r, _k, ds in self._keys for d in ds]
        if len(all_d) >= 2:
            alt = "|".join(re.escape(d) for d, _ in all_d)
            rx = re.compile(
                rf"(?i:\b(?:groups|arms|cohorts))\s+(?P<x>{alt})\s*(?:,|and|or|vs\.?|versus)\s*(?P<y>{alt})\b"
            )
            by_d = dict(all_d)
            for m in rx.finditer(sent):
                spans.append(ArmMention(m.start("x"), m.end("x"), by_d[m.group("x")]))
                spans.append(ArmMention(m.start("y"), m.end("y"), by_d[m.group("y")]))
        roles = [a.role for a in self.arms]
        for role, rx in _ROLE_WORDS.items():
            if roles.count(role) == 1:
                spans += [ArmMention(m.start(), m.end(), role) for m in rx.finditer(sent)]
        for m in _OVERALL_MENTION.finditer(sent):
            spans.append(ArmMention(m.start(), m.end(), "overall"))
        for m in _BOTH.finditer(sent):
            spans.append(ArmMention(m.start(), m.end(), "both"))
        spans.sort(key=lambda s: (s.start, -s.end))
        merged: list[ArmMention] = []
        for s in spans:
            if merged and s.start < merged[-1].end:
                continue  # overlapping: the first (longest) wins
            if (
                merged
                and merged[-1].role == s.role
                and re.fullmatch(r"[\s+/-]*(?:plus\s+|\+\s*)?", sent[merged[-1].end : s.start])
            ):
                merged[-1] = ArmMention(merged[-1].start, s.end, s.role)
                continue
            merged.append(s)
        return merged

    def attribute(self, sent: str, values: Sequence[ValueSpan]) -> list[str | None]:
        """The arm role each value of `sent` is stated for, or None where the
        sentence does not say. Coordinated lists of arms ("in the placebo and
        erlotinib arms", "for groups A and B, respectively") take the values of
        each measure in order; otherwise a value belongs to the arm named
        right after it in its clause ("49% in the XELIRI arm"), else to the arm
        its clause opens with ("In group B, 57 patients (40.1%) ...")."""
        ments = self.mentions(sent)
        out: list[str | None] = [None] * len(values)
        if not ments:
            return out
        depth = _depths(sent)
        bounds = [m.start() for m in _BOUNDARY.finditer(sent) if depth[m.start()] == 0]

        def broken(a: int, b: int) -> bool:
            return any(a <= x < b for x in bounds)

        order = sorted(range(len(values)), key=lambda i: values[i].start)
        # 1. coordinated lists
        lists: list[list[ArmMention]] = []
        for m in ments:
            if (
                lists
                and lists[-1][-1].role != m.role
                and m.role not in {x.role for x in lists[-1]}
                and _JOIN.match(sent[lists[-1][-1].end : m.start])
            ):
                lists[-1].append(m)
            else:
                lists.append([m])
        used: set[int] = set()
        for lst in (x for x in lists if len(x) >= 2):
            roles = [m.role for m in lst]
            tail = sent[lst[-1].end : lst[-1].end + 40]
            resp = bool(re.match(r"^[^.;]{0,25}?\brespectively\b", tail))
            before = [
                i
                for i in order
                if values[i].end <= lst[0].start
                and (resp or not broken(values[i].end, lst[0].start))
                and not any(values[i].end <= m.start < lst[0].start for m in ments)
            ]
            cands = before or [
                i
                for i in order
                if values[i].start >= lst[-1].end and not broken(lst[-1].end, values[i].start)
            ]
            by_key: dict[str, list[int]] = {}
            for i in cands:
                if not values[i].ratio and i not in used:
                    by_key.setdefault(values[i].key, []).append(i)
            for idx in by_key.values():
                if len(idx) == len(roles):
                    for i, role in zip(idx, roles, strict=True):
                        out[i] = role
                        used.add(i)
        # 1b. "higher in group A than in group B (98.2% versus 86.7%)", "in the X vs Y
        # arms were progressive disease (55.3% vs 80.0%), AEs (21.3% vs 2.0%)": a pair
        # of values set against each other after the two sides, in their order
        for a, b in zip(order, order[1:], strict=False):
            va, vb = values[a], values[b]
            if {a, b} & used or va.ratio or vb.ratio or va.key != vb.key:
                continue
            if not _PAIR_GAP.match(sent[va.end : vb.start]):
                continue
            before = [m for m in ments if m.end <= va.start]
            if len(before) < 2:
                continue
            m1, m2 = before[-2], before[-1]
            between = sent[m1.end : m2.start]
            if (
                m1.role == m2.role
                or va.start - m2.end > 120
                or broken(m1.end, va.start)
                or not (_JOIN.match(between) or _CONTRAST.search(between))
            ):
                continue
            out[a], out[b] = m1.role, m2.role
            used.update((a, b))
        # 2. the arm named next to the value in its clause, the nearer of the one
        # right after it ("49% in the XELIRI arm") and the one before it ("for
        # the XELIRI arm was 30.7 months"); a mention that took the values
        # before it ("38.5% in group A and 57 (40.1%) in group B") takes no later one
        took_before: set[int] = set()
        for i in order:
            if i in used or values[i].ratio:
                continue
            v = values[i]
            a_idx = next((k for k, m in enumerate(ments) if m.start >= v.end), None)
            if a_idx is not None and not self._reaches(sent, v, ments[a_idx], values, broken):
                a_idx = None
            b_idx = max((k for k, m in enumerate(ments) if m.end <= v.start), default=None)
            if b_idx is not None and (
                b_idx in took_before
                or broken(ments[b_idx].end, v.start)
                or _CONTRAST.search(sent, ments[b_idx].end, v.start)
            ):
                # "higher in the TOS group (75% versus 55%)": the value set against
                # the named arm's is the other arm's, which the sentence leaves unnamed
                b_idx = None
            if (
                a_idx is not None
                and b_idx is not None
                and _NEXT_CONJUNCT.search(sent[ments[b_idx].end : v.start])
            ):
                # "2.7 months for the DZ group and 2.6 months for the D group": a value
                # opening the next conjunct is not the arm's that closed the last one
                b_idx = None
            if a_idx is not None and b_idx is not None:
                after_gap = ments[a_idx].start - v.end
                before_gap = v.start - ments[b_idx].end
                if ments[a_idx].role in ("overall", "both") or after_gap <= before_gap:
                    b_idx = None
                else:
                    a_idx = None
            if a_idx is not None:
                out[i] = ments[a_idx].role
                took_before.add(a_idx)
            elif b_idx is not None:
                out[i] = ments[b_idx].role
        # 3. a sentence about one arm, named before its values ("The TE group
        # consisted of ..., and presented an ORR of 73.0%")
        named = [m for m in ments if m.role not in ("overall", "both")]
        plain = [values[i] for i in order if not values[i].ratio]
        # (not a value the sentence sets against the named arm's: "... versus 55%")
        against = {
            i
            for i in order
            if named
            and named[0].end <= values[i].start
            and _CONTRAST.search(sent, named[0].end, values[i].start)
        }
        if named and plain and len({m.role for m in named}) == 1 and named[0].end <= plain[0].start:
            out = [
                named[0].role if r is None and not values[i].ratio and i not in against else r
                for i, r in enumerate(out)
            ]
        return out

    @staticmethod
    def _reaches(sent: str, v: ValueSpan, m: ArmMention, values, broken) -> bool:
        """Whether arm mention `m`, after value `v`, is the one `v` is stated
        for: close, in its clause, with only values of one list between."""
        if m.start - v.end > 100:
            return False
        between = sorted((x for x in values if v.end <= x.start < m.start), key=lambda x: x.start)
        prev = v
        for x in between:
            if x.key == v.key or not _VALUE_GAP.match(sent[prev.end : x.start]):
                return False
            prev = x
        # a clause break or comma between the list's last value and the mention ends
        # the clause (the commas of the list itself do not: "88.9%, 82.4%, and 74.8%
        # for arm A" are arm A's rates at three landmarks)
        if broken(prev.end, m.start):
            return False
        # "After a median follow-up of 31 months, 25 (89%) in the X group"
        depth = _depths(sent)
        return m.role in ("overall", "both") or not any(
            sent[k] == "," and depth[k] == 0 for k in range(prev.end, m.start)
        )


#: a group's abbreviation: 2-6 letters or digits, two capitals at least ("IM", "IVT", "UC")
_ABBREVIATION = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9]{1,5}")


def _abbreviation_fit(short: str, name: str) -> int:
    """How well `short` abbreviates an arm's `name` (its words but the generic
    ones, "Integrative Medicine group" -> "IM"): -1 where it does not (its letters
    must stand in the name in order, the first starting the name's first word),
    else how many of its letters start a word of the name, at best ("IVT" fits
    "intravitreal triamcinolone" by 2, "intravitreal bevacizumab" by 1)."""
    words = [w for w in re.findall(r"[A-Za-z0-9]+", name) if w.lower() not in GENERIC_WORDS]
    if not words:
        return -1
    text = " ".join(words).lower()
    letters = short.lower()
    if text[0] != letters[0]:
        return -1

    @cache
    def fit(k: int, pos: int) -> int:
        # the best count of word starts for letters[k:] placed after text[pos - 1]
        if k == len(letters):
            return 0
        best = -1
        at = text.find(letters[k], pos)
        while at >= 0:
            rest = fit(k + 1, at + 1)
            if rest >= 0:
                best = max(best, rest + (text[at - 1] == " "))
            at = text.find(letters[k], at + 1)
        return best

    rest = fit(1, 1)
    return rest + 1 if rest >= 0 else -1


def title_sides(title: str | None) -> tuple[str, str] | None:
    """The two sides of a title's comparison: "A versus B", "A compared with B",
    "X with or without Y" (-> ("X with Y", "X")), or None."""
    if not title:
        return None
    m = re.search(
        r"(?P<a>[^:;]+?)\s+(?:versus|vs\.?|compared\s+(?:to|with))\s+(?P<b>[^:;]+)", title, re.I
    )
    w = re.search(r"(?P<x>[^:;]*?)\s+with\s+or\s+without\s+(?P<y>[^:;,]+)", title, re.I)
    if w:
        return (f"{w.group('x')} with {w.group('y')}", f"{w.group('x')} alone")
    if m:
        # the second side ends where the title goes on to the population
        b = re.split(r"\s+(?:in|for|as|among|after|with|on)\s+", m.group("b"), maxsplit=1)[0]
        # the first starts after what the title says it does: "Comparison of the A versus B"
        a = re.sub(
            r"^(?:(?:a|the)\s+)?(?:(?:randomi[sz]ed\s+)?(?:comparison|comparative\s+study|evaluation"
            r"|efficacy|effects?|effectiveness|safety|outcomes?|trial)\s+of\s+|comparing\s+)"
            r"(?:(?:the|a|an)\s+)?",
            "",
            m.group("a").strip(),
            flags=re.I,
        )
        return a or m.group("a"), b
    return None


def assign_roles(labels: Sequence[str], title: str | None = None) -> list[str]:
    """Roles of a trial's main arms, in the order printed.

    An arm whose label says so is the control (placebo, observation,
    standard, "X alone", "non-X"); of two arms otherwise, the experimental one
    is the side the title names first ("A versus B"), or the one adding to the
    other's regimen ("X plus Y" beside "X"; "TEL" beside "TE"), else the one
    printed first."""
    n = len(labels)
    if n == 0:
        return []
    if n == 1:
        return ["intervention"]
    cues = [bool(CONTROL_CUES.search(x)) for x in labels]
    if 0 < sum(cues) < n:
        return ["control" if c else "intervention" for c in cues]
    if n != 2:
        return ["intervention"] * n
    own = own_words(labels)
    sides = title_sides(title)
    if sides:
        sw = [{t.lower() for t in label_tokens(s)} for s in sides]
        a_hits = [len(own[k] & sw[0]) - len(own[k] & sw[1]) for k in range(2)]
        if a_hits[0] != a_hits[1]:
            return (
                ["intervention", "control"]
                if a_hits[0] > a_hits[1]
                else ["control", "intervention"]
            )
    # one regimen extends the other
    abbr = [[t for t in label_tokens(x) if t.isupper() and len(t) <= 8] for x in labels]
    for k in range(2):
        other = 1 - k
        if any(a != b and a.startswith(b) for a in abbr[k] for b in abbr[other]) and not any(
            b != a and b.startswith(a) for a in abbr[k] for b in abbr[other]
        ):
            return ["intervention", "control"] if k == 0 else ["control", "intervention"]
    words = [{t.lower() for t in label_tokens(x) if len(t) > 1} - GENERIC_WORDS for x in labels]
    if words[1] and words[0] > words[1]:
        return ["intervention", "control"]
    if words[0] and words[1] > words[0]:
        return ["control", "intervention"]
    return ["intervention", "control"]


def resolver_for(arms: Iterable[ArmName], overall_n: int | None = None) -> ArmResolver:
    """An `ArmResolver` over the main (intervention and control) arms."""
    return ArmResolver([a for a in arms if a.role in ("intervention", "control")], overall_n)


# ------------------------------------------------------------ paired names

# an arm's other name printed beside it: "the ketamine group (K group)", "group K
# (ketamine)", "received ketamine (group K)", "[selenium group, SeG]"
_PAIR_PAREN = re.compile(r"[(\[](?P<inner>[^()\[\]]{1,48})[)\]]")
_PAIR_INNER = re.compile(r"[A-Za-z][A-Za-z'+/-]*(?:[ -][A-Za-z][A-Za-z'+/-]*){0,3}")
# words that end a name read backwards from a parenthesis
_PAIR_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "to",
        "in",
        "of",
        "and",
        "or",
        "with",
        "for",
        "by",
        "from",
        "on",
        "at",
        "as",
        "into",
        "onto",
        "than",
        "vs",
        "versus",
        "were",
        "was",
        "is",
        "are",
        "be",
        "been",
        "being",
        "received",
        "receiving",
        "receive",
        "given",
        "giving",
        "give",
        "allocated",
        "assigned",
        "randomized",
        "randomised",
        "randomly",
        "either",
        "both",
        "each",
        "all",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "their",
        "its",
        "his",
        "her",
        "patients",
        "patient",
        "participants",
        "participant",
        "subjects",
        "subject",
        "underwent",
        "undergoing",
        "treated",
        "while",
        "whereas",
        "but",
        "also",
        "had",
        "has",
        "have",
        "only",
        "one",
        "two",
        "three",
        "four",
    ]
)
# words that say an arm's role, not what it received
_ROLE_ONLY = frozenset(load_vocab("role_words")["role_only"])  # (`ontology/vocab/role_words.json`)
# words of a clause, not of a name, inside a parenthesis
_PAIR_CLAUSE = frozenset(
    ["not", "no", "non", "before", "after", "during", "other", "per", "within", "without"]
)
# a side of a pair that is a group's name: "ketamine group", "group K", "(K)"
_GROUP_SIDE = re.compile(rf"(?i:\b{_NOUN}\b)|^\s*[A-Z]\s*$")
# a parenthesis that says where to look or who, not what the arm is called
_PAIR_NOT_NAME = re.compile(
    r"^(?:tables?|fig(?:ure)?s?|see|refs?|appendix|supplement\w*|online|data|p|n|ns|men|women"
    r"|males?|females?|children|adults|patients|participants|subjects|respectively|i\.e|e\.g|(?-i:ie|eg)"
    r"|et|or|and|vs|versus|mean|median|range|sd|se|iqr|ci|total|overall|all|both|none|one|two"
    r"|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth)\b",
    re.I,
)


def _stem(tok: str) -> str:
    low = tok.lower()
    return low[:-1] if len(low) > 3 and low.endswith("s") and not low.endswith("ss") else low


def _stems(text: str) -> set[str]:
    return {_stem(t) for t in label_tokens(text)} - {_stem(g) for g in GENERIC_WORDS}


def _side_designators(text: str) -> set[str]:
    d = _designators(text)
    if re.fullmatch(r"\s*(?:[A-Z]|\d{1,2})\s*", text):
        d.add(text.strip())  # "(K)": a bare designator
    return d


def _name_before(text: str) -> str | None:
    """The name printed right before a parenthesis: up to four words read
    backwards, a group noun kept ("the selenium group" -> "selenium group",
    "to receive ketamine" -> "ketamine"), a designator whole ("group K")."""
    d = re.search(rf"(?i:\b{_NOUN})\s+(?:[A-Z]{{1,4}}\d{{0,2}}|\d{{1,2}}|I{{1,3}}|IV)\s*$", text)
    if d:
        return d.group(0).strip()
    words = re.findall(r"[A-Za-z][\w'+/-]*|\S", text[-80:])
    out: list[str] = []
    for w in reversed(words):
        if len(out) == 4 or not re.match(r"[A-Za-z]", w) or w.lower() in _PAIR_STOP:
            break
        out.insert(0, w)
    return " ".join(out) or None


# wording that gives patients a treatment: a name printed after it in the
# sentence is what an arm received ("received nebulised melatonin (group M)")
_GIVEN_CUE = re.compile(
    r"\b(?:receiv(?:e|ed|ing)|given|allocated|assigned|randomi[sz]ed|treated\s+with)\b", re.I
)
# a short code standing for a group: "SeG", "CG", "WB", "MI-E"
_CODE = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9+-]{1,4}")


def _is_code(text: str) -> bool:
    """A designator ("group K", "K group", "(K)") or a short code ("SeG",
    "WB group"): what a paper calls a group for short."""
    t = text.strip()
    if _side_designators(t):
        return True
    core = re.sub(rf"(?i)\s+{_NOUN}$|^{_NOUN}\s+", "", t)
    return bool(_CODE.fullmatch(core))


def _plain_name(text: str) -> bool:
    """A name of at most three words with none of the words a clause has
    ("difference not significant", "as the control group")."""
    words = text.split()
    return 0 < len(words) <= 3 and not any(
        w.lower() in _PAIR_STOP or w.lower() in _PAIR_CLAUSE for w in words
    )


def _pair_sides(sent: str) -> list[tuple[str, str, bool]]:
    """The (name, other name, given) pairs a sentence prints with a
    parenthesis or a bracketed list; `given` where the sentence gives the
    name before the parenthesis as a treatment."""
    out: list[tuple[str, str, bool]] = []
    for m in _PAIR_PAREN.finditer(sent):
        inner = m.group("inner").strip()
        parts = [p.strip() for p in inner.split(",")]
        if len(parts) == 2 and all(_PAIR_INNER.fullmatch(p) for p in parts):
            out.append((parts[0], parts[1], False))  # "[selenium group, SeG]"
            continue
        if not _PAIR_INNER.fullmatch(inner) or _PAIR_NOT_NAME.match(inner):
            continue
        head = sent[: m.start()].rstrip()
        before = _name_before(head)
        if before:
            given = bool(_GIVEN_CUE.search(head[: len(head) - len(before)]))
            out.append((before, re.sub(r"(?i)^the\s+", "", inner), given))
    return out


def paired_names(
    texts: Iterable[str],
    names: Sequence[Sequence[str]],
    row_labels: Iterable[str] = (),
) -> list[list[str]]:
    """Other names of a trial's arms that its text pairs with the ones known:
    "the ketamine group (K group)" or "group K (ketamine)" gives the arm known
    as "K" the name "ketamine group" (and the arm known as the ketamine group
    the name "K group"); "[selenium group, SeG]" gives "SeG" to the arm named
    selenium. `names[i]` are arm i's label and aliases.

    A name is taken where the other side of the pair names exactly one arm
    (with no word that arm is not called by) and it names none, and where no
    other pair gives it to another arm. One side is a group's code or
    designator, or the new name is a group's name ("the stereotype group
    (group A)"); a plain name is taken inside a parenthesis after a
    designator ("group M (melatonin)") or before one where the sentence gives
    it as a treatment ("received melatonin (group M)"). A name whose words
    are a row label of a table whose columns are the arms (`row_labels`) is a
    condition measured in every arm, not an arm's name."""
    stems = [set().union(*(_stems(x) for x in arm)) for arm in names]
    desig = [set().union(*(_side_designators(x) for x in arm)) for arm in names]
    own = [
        s - set().union(*(o for j, o in enumerate(stems) if j != i)) for i, s in enumerate(stems)
    ]
    generic = [
        {m.group("w").lower() for x in arm if (m := GENERIC_NAME.match(x.strip()))} for arm in names
    ]
    rows = [st for r in row_labels if (st := _stems(r))]

    def arm_of(text: str) -> int | None:
        st, sd = _stems(text), _side_designators(text)
        g = GENERIC_NAME.match(text.strip())
        scores = [
            len(own[i] & st)
            + 2 * len(desig[i] & sd)
            + (2 if g and g.group("w").lower() in generic[i] else 0)
            for i in range(len(names))
        ]
        best = max(scores, default=0)
        top = [i for i, s in enumerate(scores) if s == best]
        if best <= 0 or len(top) != 1:
            return None
        i = top[0]
        # "school-based community intervention" does not name the arm called
        # "intervention": every word of the side is one of the arm's
        return i if (desig[i] & sd) or st <= stems[i] else None

    def names_none(text: str) -> bool:
        st, sd = _stems(text), _side_designators(text)
        g = GENERIC_NAME.match(text.strip())
        return not any(
            stems[i] & st or desig[i] & sd or (g and g.group("w").lower() in generic[i])
            for i in range(len(names))
        )

    def useful(text: str) -> bool:
        return bool(_stems(text) or _side_designators(text) or GENERIC_NAME.match(text.strip()))

    def may_name(other: str, known: str, other_inner: bool, given: bool) -> bool:
        if _is_code(other):
            return True
        if re.search(rf"(?i)\b{_NOUN}$", other):
            # "the stereotype group (group A)", "group A (control group)"
            return _plain_name(re.sub(rf"(?i)\s*\b{_NOUN}$", "", other) or "group")
        if not _plain_name(other) or not _stems(other) - _ROLE_ONLY:
            return False  # "group 2 (control)", "group 1 (test)": a role, not a name
        # a plain name: explained by a designator, or given as a treatment
        return bool(_side_designators(known)) if other_inner else given

    given_to: dict[str, set[int]] = {}
    spelled: dict[str, str] = {}
    for sent in texts:
        for a, b, given in _pair_sides(sent):
            if not any(_GROUP_SIDE.search(x) for x in (a, b)):
                continue  # "MI-E (three sessions)" pairs no group names
            for known, other, other_inner in ((a, b, True), (b, a, False)):
                i = arm_of(known)
                if i is None or not useful(other) or not names_none(other):
                    continue
                if not may_name(other, known, other_inner, given):
                    continue
                if _stems(other) and any(_stems(other) == r for r in rows):
                    continue  # "stereotype-consistent" is also a table's row
                if re.fullmatch(r"\s*(?:[A-Z]|\d{1,2})\s*", other):
                    other = f"group {other.strip()}"  # "(K)" is group K
                key = other.lower()
                given_to.setdefault(key, set()).add(i)
                spelled.setdefault(key, other)
    out: list[list[str]] = [[] for _ in names]
    taken = {key: next(iter(arms)) for key, arms in given_to.items() if len(arms) == 1}
    # a plain name ("group 1 (local injection)") is the arm's treatment; where not
    # every arm's is known, a sentence setting them against each other ("better for
    # local injection than for dry needling (80% vs 40%)") would give the one known
    # both values: plain names are taken only when every arm has one
    plain = {key for key in taken if not _is_code(spelled[key])}
    plain = {key for key in plain if not re.search(rf"(?i)\b{_NOUN}$", spelled[key])}
    if {taken[key] for key in plain} != set(range(len(names))):
        taken = {key: i for key, i in taken.items() if key not in plain}
    for key, i in taken.items():
        out[i].append(spelled[key])
    return out


#: the designator series of a two-arm trial: one arm's designator names the other's
_DESIGNATOR_PAIRS = {"A": "B", "B": "A", "1": "2", "2": "1", "I": "II", "II": "I"}


def complement_designators(texts: Iterable[str], names: Sequence[Sequence[str]]) -> list[list[str]]:
    """In a trial of two arms where one is known by a designator ("placebo (arm B)")
    and the other by none, the other's designator of the same series where the text
    prints it ("... 20 ml m⁻² daily for 21 days (arm A) or placebo (arm B)"): the
    name of the second arm of a pair is the first's. `names[i]` are arm i's label
    and aliases; returns the names to add, per arm."""
    out: list[list[str]] = [[] for _ in names]
    if len(names) != 2:
        return out
    desig = [set().union(*(_designators(x) for x in arm)) for arm in names]
    if bool(desig[0]) == bool(desig[1]):
        return out
    i = 0 if desig[0] else 1
    partners = {_DESIGNATOR_PAIRS.get(d) for d in desig[i]} - {None}
    if len(partners) != 1:
        return out
    (partner,) = partners
    for text in texts:
        for m in _DESIGNATOR.finditer(text):
            if (m.group("a") or m.group("b")) == partner:
                out[1 - i] = [re.sub(r"\s+", " ", m.group(0))]
                return out
    return out


# ------------------------------------------------------------ names of what a group was given

# "Group A patients were given betahistine 16 mg", "group II received intravenous fentanyl",
# "the K group was administered 0.5 mg/kg of ketamine": the designator and what it got
_GIVEN_TO = re.compile(
    r"(?:(?i:\b(?:group|arm))\s+(?P<a>[A-Z]{1,3}\d{0,2}|\d{1,2})|\b(?P<b>[A-Z]{1,3}\d{0,2})"
    r"\s+(?i:group|arm))\s+(?:(?:patients|participants|subjects|children|women|men)\s+)?"
    r"(?:(?:was|were)\s+(?:then\s+|also\s+|only\s+)?)?(?:received|given|administered|treated\s+with)\s+"
    r"(?:(?:an?|the)\s+)?(?:(?:intravenous|oral|iv|i\.v\.|topical|inhaled|intranasal|nebuli[sz]ed"
    r"|intrathecal|subcutaneous)\s+)?(?:\d[\d.,]*\s*[^\s\d]{0,12}\s+(?:of\s+)?)?"
    r"(?P<what>(?![A-Za-z]+ly\b)[A-Za-z][\w+-]*(?:\s+(?!(?:and|or|in|at|as|for|with|by|on|of|to|via|before|after"
    r"|during|once|twice|daily|plus|while|whereas|which|that|was|were|group|arm|intravenously"
    r"|orally|respectively)\b)[A-Za-z][\w+-]*){0,2})",
)


def given_names(texts: Iterable[str], names: Sequence[Sequence[str]]) -> list[list[str]]:
    """Names of designator-named arms taken from what the Methods say each was
    given, where the paper also calls a group so: "Group A patients were given
    betahistine 16 mg ... group B patients were given placebo" and "in the
    betahistine group" / "in the placebo group" give group A the name
    "betahistine" and group B "placebo". `names[i]` are arm i's label and
    aliases. Taken only when every arm gets exactly one name, no two arms the
    same, none a word another arm is called by: where one arm alone had a name,
    a sentence setting it against the other's unnamed treatment would give the
    named arm both values."""
    texts = list(texts)
    desig = [set().union(*(_side_designators(x) for x in arm)) for arm in names]
    stems = [set().union(*(_stems(x) for x in arm)) for arm in names]
    found: list[set[str]] = [set() for _ in names]
    spelled: dict[str, str] = {}
    for sent in texts:
        for m in _GIVEN_TO.finditer(sent):
            d = m.group("a") or m.group("b")
            arms = [i for i, ds in enumerate(desig) if d in ds]
            if len(arms) != 1:
                continue
            words = m.group("what").split()
            # the longest start of what it got that the paper names a group by
            for k in range(len(words), 0, -1):
                name = " ".join(words[:k])
                if name.lower() in _PAIR_STOP or not _stems(name) - _ROLE_ONLY:
                    continue
                rx = re.compile(rf"(?<![\w-]){re.escape(name)}\s+(?:group|arm)\b", re.I)
                if any(rx.search(t) for t in texts):
                    found[arms[0]].add(name.lower())
                    spelled.setdefault(name.lower(), name)
                    break
    if not all(len(f) == 1 for f in found):
        return [[] for _ in names]
    keys = [next(iter(f)) for f in found]
    if len(set(keys)) != len(keys):
        return [[] for _ in names]
    for i, key in enumerate(keys):
        if any(_stems(key) & stems[j] for j in range(len(names)) if j != i):
            return [[] for _ in names]
    return [[spelled[key]] for key in keys]


# ------------------------------------------------------------ names of what a role-named group received

# what may stand between a group's name and the verb giving it a treatment: "the control
# group patients were given", "the study group, who received", "arm 2 was then administered"
_RECEIVER_GAP = (
    r"\s*(?:(?:groups?|arms?|cohorts?)\s+)?(?:(?:patients|participants|subjects|children|women"
    r"|men|infants|volunteers)\s+)?,?\s*(?:(?:who|that|which)\s+)?(?:(?:was|were|had\s+been|had)\s+)?"
    r"(?:(?:then|also|only|additionally)\s+)?"
)
# the words that end a treatment's name: "midazolam before induction", "saline at the same rate"
_NAME_END = (
    r"(?:and|or|in|at|as|for|with|by|on|of|to|via|before|after|during|once|twice|daily|plus|while"
    r"|whereas|which|that|was|were|is|are|had|has|groups?|arms?|cohorts?|intravenously|orally"
    r"|respectively|but|the|each|every|per|from|until|than|versus|vs)"
)
# the treatment a group got, after the verb: articles, "the same volume of", a route and a
# dose are passed over ("received 0.5 mg/kg intravenous midazolam")
_WHAT = (
    r"(?:(?:an?|the)\s+)?(?:(?:same|equal|identical|equivalent)\s+(?:volume|amount|dose|number)\s+of\s+)?"
    r"(?:\d[\d.,]*\s*(?:%|[^\s\d]{0,12})\s+(?:of\s+)?)?"
    r"(?:(?:intravenous|oral|iv|i\.v\.|topical|inhaled|intranasal|nebuli[sz]ed|intrathecal"
    r"|subcutaneous|intramuscular)\s+)?"
    rf"(?P<what>(?![A-Za-z]+ly\b)[A-Za-z][\w+-]*(?:\s+(?!{_NAME_END}\b)[A-Za-z][\w+-]*){{0,2}})"
)
_RECEIVED = re.compile(
    _RECEIVER_GAP + r"(?:received|receive|given|administered|treated\s+with)\s+" + _WHAT, re.I
)
# "In the control group, sterile water was injected": the group named first, then what it got
_GOT_IN = re.compile(
    r"\s*(?:groups?|arms?)?\s*,\s*" + _WHAT + r"(?:\s+\d[\d.,]*\s*(?:%|[^\s\d]{0,12}))?"
    r"\s+(?:was|were)\s+(?:then\s+|also\s+)?"
    r"(?:given|administered|injected|infused|applied|used|instilled|delivered)\b",
    re.I,
)
_IN_BEFORE = re.compile(r"(?i:\bin)\s+(?:the\s+)?$")
# what a group received that is no treatment of its own: "received no treatment", "the
# same protocol", "their usual medication"
_NO_TREATMENT = re.compile(
    r"^(?:no|nothing|none|same|similar|identical|both|all|either|only|this|these|those|their"
    r"|its|his|her|other|another)$",
    re.I,
)
# words that name no treatment on their own ("received care as usual", "received instructions")
_NOT_A_NAME = frozenset(
    ["information", "instruction", "questionnaire", "survey", "assessment", "baseline", "care",
     "treatment", "therapy", "intervention", "injection", "dose", "dosage", "medication", "drug",
     "session", "follow-up", "standard", "usual", "routine"]
)  # fmt: skip
_DESIGNATOR_TOKEN = re.compile(r"^(?:[A-Za-z]|\d{1,2}|I{1,3}|IV|VI{0,3})$")


def _content_stems(text: str) -> set[str]:
    """The stems of a name's words that say what its arm is, not which one it
    is: no generic or role word, no designator ("study group", "control group",
    "Group B" have none)."""
    return {
        _stem(t)
        for t in label_tokens(text)
        if not _DESIGNATOR_TOKEN.match(t) and t.lower() not in GENERIC_WORDS
    } - _role_words()


@cache
def _role_words() -> frozenset[str]:
    """The words naming an arm by its role: the intervention's
    (`ontology/vocab/role_words.json`) and "control"."""
    words = {_stem(w) for w in load_vocab("role_words")["intervention"] if " " not in w}
    return frozenset(words | {_stem(w) for w in _ROLE_ONLY})


def _arm_at(resolver: ArmResolver, sent: str, m: ArmMention) -> int | None:
    """Which arm (its index) mention `m` names: the one its words name, or the
    one arm of its role."""
    i = resolver.index_of(sent[m.start : m.end])
    if i is not None:
        return i
    roles = [a.role for a in resolver.arms]
    return roles.index(m.role) if roles.count(m.role) == 1 else None


def _cued(name: str, texts: Sequence[str], drugs: Sequence[str], shorter: bool = False) -> bool:
    """Whether the paper calls a group, or patients, by a treatment ("the
    midazolam group", "patients receiving midazolam") in `texts`, or it is a
    drug the trial assigns. `shorter`: the name is the start of what the
    Methods gave, and a cue must print it whole, not as the start of another
    name ("normal" is no name where the cues say "given normal saline" or
    "given normal fluids")."""
    if any(re.fullmatch(re.escape(name), d.strip(), re.I) for d in drugs):
        return True
    esc = re.escape(name) + (rf"(?!\s+(?!{_NAME_END}\b)[A-Za-z])" if shorter else "")
    group = re.compile(rf"(?<![\w-]){esc}\s+(?:groups?|arms?|cohorts?)\b", re.I)
    given = re.compile(
        rf"\b(?:receiv(?:e|ed|ing)|given|treated\s+with|allocated\s+to|assigned\s+to"
        rf"|randomi[sz]ed\s+to)\s+(?:\S+\s+){{0,3}}?{esc}(?![\w-])",
        re.I,
    )
    return any(group.search(t) or given.search(t) for t in texts)


def received_names(
    texts: Iterable[str], arms: Sequence[ArmName], drugs: Sequence[str] = ()
) -> list[list[str]]:
    """Names of arms the paper calls by their role or a designator only ("the
    study group", "the control group", "group 2") taken from what the Methods
    say each received: "The study group received 0.5 mg/kg midazolam and the
    control group received saline" or "In the control group, saline was
    injected" give the study group the name "midazolam" and the control group
    "saline", so results naming "the midazolam group" or "patients receiving
    saline" go to those arms. A name is taken only where the paper calls a
    group or patients by it in a sentence not naming that arm otherwise, or it
    is one of the trial's `drugs` (see `_cued`); one with no word of its own
    (found for several arms, or all its words another arm's) names none (the
    words it shares with another arm name neither, as in every resolver's
    names); and names are taken
    only when every arm then has one (an arm named beside one left unnamed
    would take the values the text sets against it). Returns the names to
    add, per arm."""
    texts = list(texts)
    none: list[list[str]] = [[] for _ in arms]
    if len(arms) < 2:
        return none
    resolver = ArmResolver(list(arms))
    # (an alias of more than three words is a phrase read around a name, not a name)
    stems = [
        set().union(*(_content_stems(x) for x in (a.label, *a.aliases) if len(x.split()) <= 3))
        for a in arms
    ]
    unnamed = [not s for s in stems]
    if not any(unnamed):
        return none
    mentions = [resolver.mentions(t) for t in texts]
    # per sentence, the arms it names by their role or designator
    named_in = [
        {i for m in ms if (i := _arm_at(resolver, t, m)) is not None}
        for t, ms in zip(texts, mentions, strict=True)
    ]
    # per arm, the sentences that do not name it
    elsewhere = [
        [t for t, named in zip(texts, named_in, strict=True) if i not in named]
        for i in range(len(arms))
    ]
    found: list[dict[str, str]] = [{} for _ in arms]
    for sent, ms in zip(texts, mentions, strict=True):
        for m in ms:
            i = _arm_at(resolver, sent, m) if m.role not in ("overall", "both") else None
            if i is None or not unnamed[i] or _content_stems(sent[m.start : m.end]):
                continue  # ("antibiotics were given" names no group: "Group C (no antibiotics)")
            got = _RECEIVED.match(sent, m.end)
            if got is None and _IN_BEFORE.search(sent[max(0, m.start - 12) : m.start]):
                got = _GOT_IN.match(sent, m.end)
            if got is None:
                continue
            words = got.group("what").split()
            if _NO_TREATMENT.match(words[0]):
                continue
            # the longest start of what it got that the paper calls a group or patients by
            for k in range(len(words), 0, -1):
                name = " ".join(words[:k])
                if not {_stem(w) for w in words[:k]} - _NOT_A_NAME - _role_words():
                    continue
                if _cued(name, elsewhere[i], drugs, k < len(words)):
                    found[i].setdefault(name.lower(), name)
                    break
    # a name with no word of its own (found for two arms, or all of its words another
    # arm's) names neither: "fentanyl" beside "midazolam plus fentanyl"
    new = [set().union(*(_content_stems(x) for x in f)) for f in found]
    out: list[list[str]] = [[] for _ in arms]
    for i, f in enumerate(found):
        others = set().union(*(stems[j] | new[j] for j in range(len(arms)) if j != i))
        out[i] = [name for name in f.values() if _content_stems(name) - others]
    if not all(out[i] or not unnamed[i] for i in range(len(arms))):
        return none
    return out
