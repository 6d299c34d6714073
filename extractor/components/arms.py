"""Arms and cohorts with their sizes, from table headers and from sentences.

Baseline tables name their arms in the header ("Blinatumomab (N=21)");
prose states how many were analysed ("21 patients ... were included in the
analysis", "all nine enrolled patients") and names subgroups ("Of the 15
patients in their first CR with undetectable MRD, ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from litkg.extractor.components import allocated, arm_counts, arm_lists
from litkg.extractor.components.arm_words import label_tokens
from litkg.extractor.document import Table
from litkg.extractor.numbers import NUMBER_WORDS, words_to_int
from litkg.extractor.tables.labels import is_time
from litkg.extractor.vocab import load_vocab

CONTROL_CUES = re.compile(
    r"\b(?:" + "|".join(load_vocab("control_arms")["labels"]) + r")\b",
    re.I,
)
OVERALL_CUES = re.compile(r"^\s*(?:all|total|overall|entire|whole|combined)\b", re.I)
_N_IN_CELL = re.compile(r"[(\[]?\s*\b[Nn]\s*=\s*(\d[\d,]*)\s*[)\]]?")


@dataclass(frozen=True)
class ArmMatch:
    label: str
    role: str
    n: int | None
    start: int  # offset in the sentence/row text
    end: int
    rule: str


def role_for_label(label: str) -> str:
    """overall / control / intervention from an arm's printed label."""
    if OVERALL_CUES.match(label):
        return "overall"
    if CONTROL_CUES.search(label):
        return "control"
    return "intervention"


# spellings of one occasion word: "pre-test", "Post test", "follow up", "data collection"
_OCCASION_JOINED = re.compile(
    r"\b(pre|post|re|follow|mid|end|data|time|t)[\s-]+(test(?:ing)?|interventions?|treatment|"
    r"program(?:me)?|up|line|point|term|collection)\b"
)
_OCCASION_TOKEN = re.compile(r"[a-z]+\d*|\d+(?:st|nd|rd|th)?")
_YEARISH = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|[a-z]\d{1,2})$")  # "1998", "2nd", "T1", "W2"


@lru_cache(maxsize=4096)
def is_occasion(label: str) -> bool:
    """Whether a column label names an occasion the same cohort was measured on
    ("Baseline Survey (Pre-Test)", "Wave 2", "Fall 1998 Follow-Up Survey", "Round 3",
    "Second interview"), not an arm: a time point, or a label of occasion words
    only (ontology/vocab/occasions.json), one at least a time or a measuring
    occasion's noun with the word that says which."""
    text = _N_IN_CELL.sub(" ", label)
    if is_time(text):
        return True
    v = _occasion_vocab()
    low = _OCCASION_JOINED.sub(r"\1\2", text.lower().replace("t-test", "ttest"))
    toks = _OCCASION_TOKEN.findall(low)
    if not toks:
        return False
    allowed = v["nouns"] | v["times"] | v["qualifiers"] | v["fillers"]
    if not all(t in allowed or _YEARISH.match(t) for t in toks):
        return False
    # a time word names an occasion; a noun alone ("Visit", "Assessment": a column
    # of the visits' labels) only with the word or number that says which one
    which = any(t in v["qualifiers"] or _YEARISH.match(t) for t in toks)
    return any(t in v["times"] for t in toks) or (which and any(t in v["nouns"] for t in toks))


@lru_cache(maxsize=1)
def _occasion_vocab() -> dict[str, frozenset[str]]:
    v = load_vocab("occasions")
    return {k: frozenset(v[k]) for k in ("nouns", "times", "qualifiers", "fillers")}


def arms_from_table_header(table: Table) -> dict[int, ArmMatch]:
    """Columns of a table whose header names an arm with its size ("Drug (N=21)").

    Looks at the first two rows; returns column index -> ArmMatch. When two
    arms have no control cue, the first is taken as the intervention and the
    second as the control (the order tables print experimental arms in);
    the rule id says so.
    """
    found: dict[int, ArmMatch] = {}
    for row in table.rows[:2]:
        for col, cell in enumerate(row):
            if col == 0:
                continue
            m = _N_IN_CELL.search(cell)
            if not m:
                continue
            label = cell[: m.start()].strip(" ,;:(") or cell.strip()
            if is_occasion(label):
                continue  # "Baseline survey (N = 450) | Follow-up survey (N = 371)": one cohort
            n = int(m.group(1).replace(",", ""))
            found[col] = ArmMatch(label, role_for_label(label), n, 0, 0, "arms.table.header_n")
    non_overall = [c for c, a in found.items() if a.role != "overall"]
    if len(non_overall) == 2 and all(found[c].role == "intervention" for c in non_overall):
        c2 = sorted(non_overall)[1]
        a = found[c2]
        found[c2] = ArmMatch(a.label, "control", a.n, 0, 0, "arms.table.order")
    return found


_SUBJ = allocated.nouns("people", plural_only=True)
_NUM = rf"(?P<n>\d[\d,]*|{NUMBER_WORDS})"
_ANALYSED = re.compile(
    rf"\b{_NUM}\s+(?:[\w-]+\s+){{0,2}}?{_SUBJ}\b"
    r"(?P<mid>[^.;]{0,90}?)\b(?:were|was)\s+(?:(?:thus|finally|ultimately)\s+)?"
    r"(?P<verb>included|enrolled|recruited|analy[sz]ed|evaluable|evaluated|treated|randomi[sz]ed"
    r"|assigned)\b",
    re.I,
)
_ALL_ENROLLED = re.compile(
    rf"\ball\s+{_NUM}\s+(?:(?P<verb>enrolled|treated|evaluable|included|randomi[sz]ed)\s+{_SUBJ}\b"
    rf"|{_SUBJ}\s+(?P<verb2>received|completed|underwent)\b)",
    re.I,
)
_TOTAL_OF = re.compile(
    rf"\b(?:a total of|overall,?)\s+{_NUM}\s+{_SUBJ}\s+(?:\w+\s+){{0,3}}?(?P<verb>were|received|underwent|had)\b",
    re.I,
)
_IN_N = re.compile(
    rf"\b(?:efficacy|safety|outcomes?|analysis|analyses)\b[^.;]{{0,60}}?\bin\s+{_NUM}\s+{_SUBJ}\b",
    re.I,
)
# "Of the 15 patients in CR1 ...,", "..., of 21 patients who underwent R0 resection, 19
# ...", "the HR among the 75 patients who started the study drug was ..."
_OF_THE = re.compile(
    rf"(?:\b[Oo]f\s+the|(?:^|[,;:]\s*)[Oo]f)\s+{_NUM}\s+{_SUBJ}\s+"
    r"(?P<label>(?:in|with|who)\b[^,;.]{4,80}?)\s*,",
    re.I,
)
_AMONG_THE = re.compile(
    rf"\b[Aa]mong\s+(?:the\s+)?{_NUM}\s+{_SUBJ}\s+"
    r"(?P<label>(?:with|who)\b[^,;.()]{4,80}?)(?:\s*,|\s+(?=(?:was|were)\b))",
    re.I,
)
# a "subset" that is the study population itself: "Of the 128 patients who were enrolled, ..."
_WHOLE_POPULATION = re.compile(
    r"^who\s+(?:were\s+|had\s+been\s+)?(?:enrolled|randomi[sz]ed|included|eligible|evaluable"
    r"|recruited|screened|registered|analy[sz]ed|completed\s+(?:the\s+)?(?:study|trial|follow-up))\b"
    r"|^(?:in|with)\s+(?:the|this)\s+(?:study|trial)\b",
    re.I,
)
_ARM_N_PAREN = re.compile(
    r"(?P<label>\b[A-Za-z][\w/+-]*(?:\s+[\w/+-]+){0,4}?)\s*\(\s*n\s*=\s*(?P<n>\d[\d,]*)\s*\)"
)
_VERB_RANK = {"included": 0, "analysed": 0, "analyzed": 0, "evaluable": 1, "evaluated": 1,
              "enrolled": 2, "recruited": 2, "randomised": 2, "randomized": 2, "assigned": 2, "treated": 3,
              "completed": 3, "were": 4, "received": 4, "underwent": 4, "had": 4, "in": 5}  # fmt: skip


def _n(text: str) -> int | None:
    t = text.replace(",", "")
    return int(t) if t.isdigit() else words_to_int(t)


def study_population_sizes(sent: str) -> list[tuple[int, int, int, int]]:
    """(n, rank, start, end) of statements of how many were analysed.

    A lower rank is a stronger statement (included/analysed beats enrolled,
    which beats treated).
    """
    out: list[tuple[int, int, int, int]] = []
    for rx in (_ANALYSED, _ALL_ENROLLED, _TOTAL_OF):
        # try every start so that a rejected match does not hide a later one
        starts = {m.start() for m in re.finditer(r"\b\w", sent)}
        matches = [m for pos in sorted(starts) if (m := rx.match(sent, pos))]
        for m in matches:
            if rx is _ANALYSED and re.search(
                rf"\b(?:\d+|{NUMBER_WORDS})\s+(?:[\w-]+\s+)?{_SUBJ}\b", m.group("mid"), re.I
            ):
                continue
            n = _n(m.group("n"))
            if n is None or n < 2:
                continue
            verb = (m.group("verb") or m.groupdict().get("verb2") or "").lower()
            rank = _VERB_RANK.get(verb, 4)
            if rx is _ANALYSED and re.search(r"\b(?:not|never|excluded)\b", m.group("mid")):
                continue
            out.append((n, rank, m.start(), m.end()))
    for m in _IN_N.finditer(sent):
        n = _n(m.group("n"))
        if n and n >= 2:
            out.append((n, _VERB_RANK["in"], m.start("n"), m.end()))
    return out


def subgroups(sent: str) -> list[ArmMatch]:
    """Named subsets: "Of the 15 patients in their first CR with undetectable MRD, ..."."""
    return list(_subgroups(sent))


@lru_cache(maxsize=4096)
def _subgroups(sent: str) -> tuple[ArmMatch, ...]:
    # memoised: the arms and the outcomes components ask about the same sentences
    out: list[ArmMatch] = []
    for m in (*_OF_THE.finditer(sent), *_AMONG_THE.finditer(sent)):
        n = _n(m.group("n"))
        if n is None:
            continue
        raw = m.group("label").strip()
        if _WHOLE_POPULATION.match(raw):
            continue
        label = re.sub(r"^(?:in|with|who)\s+(?:their\s+|the\s+)?", "", raw)
        out.append(ArmMatch(label, "subgroup", n, m.start(), m.end(), "arms.sentence.of_the"))
    return tuple(out)


def arms_with_n(sent: str) -> list[ArmMatch]:
    """Arms printed with their size in parentheses: "placebo (n = 494)"."""
    out: list[ArmMatch] = []
    for m in _ARM_N_PAREN.finditer(sent):
        # the label starts after the verb or the list word before it: "randomly
        # divided into control group (n=29)", "X (n = 20) or Y (n = 21)"
        label = re.split(
            r"\b(?:to|into|or|and|versus|vs\.?|with|received|receiving|between|either)\s+",
            m.group("label"),
        )[-1]
        label = _LEAD_WORDS.sub("", label)
        if (
            not re.search(r"[A-Za-z]{3}", label)
            or re.fullmatch(r"(?i)patients?|cases?|total", label)
            or not_an_arm(label)
        ):
            continue
        out.append(
            ArmMatch(label.strip(), role_for_label(label), int(m.group("n").replace(",", "")),
                     m.start(), m.end(), "arms.sentence.n_paren")
        )  # fmt: skip
    return out


# words before an arm's name that are no part of it: "to receive either a multivitamin
# (n = 50)", "2 groups: a control group (n = 23)"
_LEAD_WORDS = re.compile(r"^(?:(?:the|a|an|either|receive|be\s+given|undergo)\s+)+", re.I)


_GROUP_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\b)(?:[Ff]or|[Aa]mong|[Ii]n)\s+(?!all\b|these\b|those\b|the entire\b|each\b|both\b)"
    r"(?P<label>(?:the\s+)?[\w/+-]+(?:\s+[\w/+-]+){0,5}?)\s+patients\s*,"
    r"|\b(?:for|among|in)\s+patients\s+(?P<label2>who\s+(?:achieved|had|received|were)\s+[^,;.]{3,60}?)(?=\s*(?:,|;|\.|$|\band\b))"
    # the subject of a result: "patients with B-ALL transplanted in CR1 had a 5-year CIR of 9.9%"
    r"|\b[Pp]atients\s+(?P<label3>(?:with|who)\b[^;.,]{4,140}?)\s+(?:had|showed|achieved|experienced)\s+(?:an?\s+|the\s+)?(?:improved|better|superior|lower|higher|longer|shorter|reduced|increased|\d|\w+-year|\w+\s+(?:survival|incidence|rate|response|remission))"
    # the comparator of a result: "... compared to 26.5% in those who did not receive X"
    r"|\bin\s+those\s+(?P<label4>who\b[^,;.()]{4,80}?)(?=\s*[,;.)]|$)",
)


# a label that only sizes or qualifies the whole study population names no subset:
# a count ("among 285 eligible patients", "for the planned 120 patients") or the
# population's own words alone ("for unselected patients", "in evaluable patients")
_NO_SUBSET = re.compile(
    r"(?<!\bstage)(?<!\bgrade)(?<!\bclass)(?<!\btype)(?<!\bgroup)(?<!\bcohort)(?<!\barm)"
    r"(?<!\blevel)(?<!\bcycle)(?<!\bphase)\s\d[\d,]*(?:\s+[a-z-]+)?$|^\d[\d,]*(?:\s+[a-z-]+)?$"
    r"|\bplanned\b"
    r"|^(?:(?:all|unselected|eligible|evaluable|enrolled|included|randomi[sz]ed|treated|analy[sz]ed"
    r"|recruited|remaining|consecutive|study|trial|such)\s*)+$",
    re.I,
)


def subgroup_subjects(sent: str) -> list[ArmMatch]:
    """Subsets a result sentence is about, without their size:
    "For non-refractory B-ALL patients, the 1-year OS was 100%" or
    "... was 7.4 months for patients who achieved CR/CRh in the first 2 cycles"."""
    return list(_subgroup_subjects(sent))


@lru_cache(maxsize=4096)
def _subgroup_subjects(sent: str) -> tuple[ArmMatch, ...]:
    # memoised: the arms and the outcomes components ask about the same sentences
    out: list[ArmMatch] = []
    for m in _GROUP_SUBJECT.finditer(sent):
        label = (
            m.group("label") or m.group("label2") or m.group("label3") or m.group("label4") or ""
        ).strip()
        label = re.sub(r"\s*\([^()]*\)", "", label)
        label = re.sub(r"^the\s+", "", label)
        if not label or len(label) < 3 or (m.group("label") and _NO_SUBSET.search(label)):
            continue
        out.append(ArmMatch(label, "subgroup", None, m.start(), m.end(), "arms.sentence.subject"))
    return tuple(out)


def subgroup_size(label: str, sentences: list[str]) -> int | None:
    """The size of a "who achieved X" subgroup when a sentence counts it:
    "(29 of 64) achieved a CR/CRh" or "29 patients achieved CR/CRh"."""
    m = re.match(r"who\s+(achieved|had|received)\s+(?:an?\s+|the\s+)?(\S+)", label)
    if not m:
        return None
    verb, obj = m.group(1), re.escape(m.group(2))
    rx = re.compile(
        rf"(?:\(\s*(?P<a>\d+)\s+of\s+\d+\s*\)|\b(?P<b>\d+)\s+(?:of\s+(?:the\s+)?\d+\s+)?{_SUBJ})"
        rf"\s+(?:\w+\s+){{0,2}}?{verb}\s+(?:an?\s+|the\s+)?{obj}"
    )
    for sent in sentences:
        hit = rx.search(sent)
        if hit:
            return int(hit.group("a") or hit.group("b"))
    return None


_RECEIVED_PAIR = re.compile(
    r"\b(?P<n1>\d[\d,]*)\s+(?:(?:participants|patients|subjects|children|women|men)\s+)?"
    r"(?:were\s+(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to|received|were\s+given)\s+"
    r"(?P<l1>(?:the\s+)?[\w+/-]+(?:\s+(?!and\b)[\w+/-]+){0,2}?)\s+and\s+(?P<n2>\d[\d,]*)\s+"
    r"(?:(?:to|received|were\s+given)\s+)?(?P<l2>(?:the\s+)?[\w+/-]+(?:\s+(?!and\b|of\b|were\b)[\w+/-]+){0,2}?)(?=[\s,.;)]|$)",
    re.I,
)


def arms_received(sent: str) -> list[ArmMatch]:
    """Two arms counted in prose: "978 received moxidectin and 494 ivermectin"."""
    m = _RECEIVED_PAIR.search(sent)
    if not m:
        return []
    out = []
    for i, (lab, num) in enumerate(
        ((m.group("l1"), m.group("n1")), (m.group("l2"), m.group("n2")))
    ):
        label = re.sub(r"^the\s+", "", lab.strip(), flags=re.I)
        role = role_for_label(label)
        if i == 1 and role == "intervention" and out[0].role == "intervention":
            role = "control"  # the second of two treatments is the comparator
        out.append(
            ArmMatch(
                label,
                role,
                int(num.replace(",", "")),
                m.start(),
                m.end(),
                "arms.sentence.received_pair",
            )
        )
    return out


_STAT_COLUMN = re.compile(
    r"(?i)^\s*(?:p(?:[- ]?value)?|hr|hazard ratio|or|odds ratio|rr|relative risk|risk ratio|"
    r"95\s*%\s*ci|ci|difference|diff\.?|effect|estimate|total|overall|all|statistic|test)\b"
)


def arm_columns(table: Table) -> dict[int, ArmMatch]:
    """Arm columns of a results table: headers with sizes ("Drug (n=21)") when
    printed, else plain arm labels ("Drug", "Placebo"), leaving out statistic
    columns (P, HR, 95% CI, difference, total)."""
    found = arms_from_table_header(table)
    if found or not table.rows:
        return found
    header = table.rows[0]
    labels = {
        j: c.strip()
        for j, c in enumerate(header)
        if j > 0
        and c.strip()
        and not _STAT_COLUMN.match(c)
        and re.search(r"[A-Za-z]{3}", c)
        and not is_occasion(c)
    }
    if not 1 <= len(labels) <= 4:
        return {}
    out = {
        j: ArmMatch(c, role_for_label(c), None, 0, 0, "arms.table.header_label")
        for j, c in labels.items()
    }
    non_overall = [c for c, a in out.items() if a.role != "overall"]
    if len(non_overall) == 2 and all(out[c].role == "intervention" for c in non_overall):
        c2 = sorted(non_overall)[1]
        out[c2] = ArmMatch(out[c2].label, "control", None, 0, 0, "arms.table.order")
    return out


# ------------------------------------------------------------------ the one header reader

# a data cell: a number, a count with its percent, a range ("34–77"), "<1%"
_DATA_CELL = re.compile(r"^\s*[<>≤≥]?\s*\d[\d.,·]*\s*(?:%|\(|\[|/|[–—−-]\s*\d|$)")
_STAT_PIECE = re.compile(
    r"(?i)^\s*(?:p(?:[- ]?values?)?\*?|wald.*p|hr|hazard ratio|or|odds ratio|rr|95\s*%\s*ci|ci|"
    r"difference|test|statistic)\s*[*†‡§ᵃᵇ]?\s*$"
)


def header_rows(table: Table) -> int:
    """How many rows at the top of a table are header rows: rows none of whose
    cells (after the stub) holds a data value."""
    k = 0
    for row in table.rows[:4]:
        cells = [c for c in row[1:] if c.strip()]
        if not cells or any(_DATA_CELL.match(c) for c in cells):
            break
        k += 1
    return k


def header_columns(table: Table) -> dict[int, list[str]]:
    """Each column's header pieces, top row first. A header cell spanning
    several columns (printed once, its neighbours left empty) covers the empty
    cells to its right in all but the last header row."""
    k = header_rows(table)
    out: dict[int, list[str]] = {}
    for r in range(k):
        row = table.rows[r]
        last = ""
        for j in range(1, len(row)):
            cell = row[j].strip()
            if cell:
                last = cell
            elif r < k - 1 and last:
                cell = last
            if cell and cell != table.rows[r][0].strip():
                out.setdefault(j, []).append(cell)
    return out


def header_arms(table: Table) -> dict[int, tuple[str, int | None]]:
    """Columns whose header names an arm or a total: grid column -> (label, n).

    Read from the shared table model (stacked header rows, spans, grade
    bands and n/% column pairs resolved there): "Group A" / "(XELIRI-Bev)" /
    "N = 143" -> ("Group A (XELIRI-Bev)", 143). Statistic columns (P, HR,
    95% CI) are left out. This is the one place arm sizes are read from
    table headers."""
    from litkg.extractor.tables import read_table

    out: dict[int, tuple[str, int | None]] = {}
    try:
        model = read_table(table)
    except (ValueError, IndexError):
        return out
    from litkg.extractor.tables import labels as tlab

    for col in model.columns:
        if not col.arm or col.is_test or _STAT_PIECE.match(col.arm):
            continue
        arm = col.arm
        if col.group and col.member and (is_occasion(col.member) or tlab.is_population(col.member)):
            arm = (
                col.group
            )  # "PLA" over "Initial | Final", "Control" over "Randomised | Per protocol"
        elif is_occasion(arm) or tlab.is_population(arm):
            # "Pre- (n = 11) | Post- (n = 11)", "Fall 1998 | Baseline survey (N = 450)":
            # one group's time points, no arms
            continue
        elif len(col.names) >= 2 and tlab.is_change(col.names[-1]):
            arm = " ".join(col.names[:-1])  # "CHC (N=95)" over "Mean change": the arm CHC
        label = re.sub(r"\s+", " ", _N_IN_CELL.sub(" ", arm)).strip(" ,;:*†‡")
        if not re.search(r"[A-Za-z]{2}", label):
            continue
        # only a size printed as one ("N = 63"): a bare "(60)" beside the name is
        # often a safety population, and the baseline header names the arm's size
        n = col.arm_n if _N_IN_CELL.search(" ".join(col.labels)) else None
        for j in col.indices:
            out[j] = (label, n)
    if not out:
        # a PDF table whose caption was read as its first row: sizes in the row below
        out = {
            j: (a.label, a.n)
            for j, a in arms_from_table_header(table).items()
            if not tlab.is_population(a.label)
        }
    return out


# ------------------------------------------------------------------ arms allocated in prose

# a count; a comma inside it only groups thousands ("1,204"), one after it ends it ("CD 31, CD 34");
# the last words of "one hundred and twelve" are no count of their own
_CNT = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+|(?<!hundred and )(?<!hundred ){NUMBER_WORDS})"
_LBL_STOPS = r"and\b|or\b|versus\b|vs\b|were\b|was\b"
_LBL = rf"(?P<label>[\w*+/-]+(?:\s+(?!{_LBL_STOPS})[\w*+/-]+){{0,4}}?)"
# a decimal point is none of a label's ends ("11 patients in whom the 3.2-mm drain was used")
_LBL_ENDS = r"[,;)(\[]|\.(?!\d)|\band\b|\bor\b|\bversus\b|\bvs\b|\bwhile\b|\bwhereas\b"
_LBL_END = rf"(?=\s*(?:{_LBL_ENDS}|$))"
# the arm a count is allocated to ends before the verb of its clause ("7 assigned to the
# study group received X"; in a bare count the verb may be the name: "15 who underwent X")
_ALLOC_LBL = rf"(?P<label>[\w*+/-]+(?:\s+(?!{_LBL_STOPS}|received\b|underwent\b)[\w*+/-]+){{0,4}}?)"
_ALLOC_LBL_END = rf"(?=\s*(?:{_LBL_ENDS}|\breceived\b|\bunderwent\b|$))"
_ALLOC_ITEM = re.compile(
    # "112 (52.6%) participants were randomized into ...": the count's share after it
    rf"(?<![\w.]){_CNT}\s+(?:[(\[]\s*\d+(?:[.,]\d+)?\s*%\s*[)\]]\s+)?(?:{_SUBJ}\s+)?(?:were\s+)?"
    r"(?:(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed|registered|included|enrolled)\s+)?"
    r"(?:(?:to|in|into|for|of)\s+(?:the\s+)?(?:receive\s+)?|received\s+)"
    rf"(?:(?:patients|participants)\s+(?:in\s+)?(?:the\s+)?)?{_ALLOC_LBL}"
    # or where the arm was run: "38 into the FME group in five cohorts"
    rf"(?:{_ALLOC_LBL_END}|(?=\s+in\s+(?!the\b)))",
    re.I,
)
_BARE_ITEM = re.compile(rf"(?<![\w.(]){_CNT}\s+{_LBL}{_LBL_END}", re.I)
_ASSIGN_WORDS = allocated.verbs("allocation", "inclusion")
_ASSIGN_CUE = re.compile(rf"\b(?:{_ASSIGN_WORDS})\b", re.I)
# allocation, or the treatment an arm received
_ALLOC_CUE = re.compile(rf"\b(?:{_ASSIGN_WORDS}|received)\b", re.I)
# membership, which allocates as well: "15 patients were in the control group and 12 in ..."
_MEMBER_CUE = re.compile(
    rf"(?<![\w.-])(?:\d[\d,]*|{NUMBER_WORDS})\s+(?:\w+\s+)?(?:were|was)\s+in\s+(?:the\s+)?(?:[\w+/-]+\s+){{0,3}}(?:group|arm|cohort)s?\b",
    re.I,
)
# counts of events, not of patients allocated: "508 deaths (248 in ... and 260 in ...)"
_EVENT_CUE = re.compile(
    r"\b(?:died|deaths?|progressed|relapsed|events?|recurrences?|excluded)\b", re.I
)
# the sentence names the subset: "in patients who underwent resection", "those with ..."
_SUBSET_NAMED = re.compile(
    r"\b(?:patients|participants|those|subjects)\s+(?:who|with|undergoing|in\s+whom)\b", re.I
)
_ANALYSED_CUE = re.compile(
    r"\b(?:analy[sz]ed|evaluable|(?:efficacy|survival|primary|intention[- ]to[- ]treat|ITT|per[- ]protocol)\s+"
    r"(?:\w+\s+)?(?:analysis|analyses|population|set)|analysis\s+(?:set|population|included))\b",
    re.I,
)
_EQUAL_GROUPS = re.compile(
    rf"\b(?P<k>two|three|four|2|3|4)\s+(?:equal\s+)?(?:groups|arms)\s+of\s+{_CNT}\b", re.I
)


# an arm named by a short designator in parentheses where it is allocated:
# "propofol (group P) or sevoflurane (group S)", "from birth (group A, n = 45)",
# "(Arm 2; n = 30)", "(G1)", "(Group R2, n = 23)", "(group D₁)" with the size, when printed, after it
_PAREN_GROUP = re.compile(
    r"\(\s*(?:the\s+)?(?P<label>(?i:group|arm)\s+(?:[A-Z]{1,3}[0-9₀-₉]{0,3}|[IV]{1,3}|\d{1,2})|G\d{1,2}"
    r"|(?:[A-Z]{1,3}|[A-Z]{1,4}\d{1,3})\s+(?i:group|arm))"
    r"\s*(?:[,;:]\s*[Nn]\s*=\s*(?P<n>\d[\d,]*)\s*)?\)"
)

# what a count in prose may also be of, that is no arm: the sex or age make-up of
# the sample ("24 participants (10 males, 14 females)", "150 boys and 147 girls"),
# the sample itself ("24 participants"), the flow ("163 assessed for eligibility,
# 118 were randomised"), a unit ("every 5 seconds during recess")
_NO_ARM_LABEL = re.compile(
    r"^(?:were|was|are|is|had|have|been|being)\b"
    # a classification, not an allocation: "5 identified as healthy and 5 as having X"
    r"|^(?:as|identified|classified|diagnosed|defined|considered|categori[sz]ed)\b"
    r"|^(?:patients?|participants?|subjects?|individuals?|volunteers?|persons?|people|cases?"
    r"|respondents?|children|adults?|infants?|students?|pupils?)$"
    r"|\b(?:males?|females?|boys?|girls?|men|women|man|woman|years?\s+old|aged)\b"
    # an ethnic stratum: "59 African Americans, 36 Caucasians and 3 Asian Americans"
    r"|\b(?:caucasians?|african[- ]americans?|asian[- ]americans?|hispanics?|non-hispanics?"
    r"|latin[oa]s?|latinx|asians|whites|blacks|ethnic\w*|racial)\b"
    r"|\b(?:assessed|screened|eligib\w*|excluded|declined|refused|withdr[ae]wn?|lost\s+to|dropped"
    r"|approached|invited|contacted)\b"
    r"|^(?:seconds?|s|sec|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|times?"
    r"|sessions?|visits?|items?|points?|yrs?|wks?|mo|mg|g|kg|ml|mL|l|cm|mm|m|km|dB|Hz|kHz|mmHg|kcal|cal|bpm"
    r"|[µμm]?g|mcg|IU|mmol|µmol|μmol|nmol|mEq|y|%)(?!\w)"
    r"|\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)$",
    re.I,
)


def not_an_arm(label: str) -> bool:
    """Whether a label printed with a count names no arm: a sex or age stratum,
    the sample as a whole, a step of the flow, a unit."""
    return bool(_NO_ARM_LABEL.search(label.strip()))


_NOT_ARM = re.compile(
    r"\b(?:analys[ie]s|analysis|study(?!\s+(?:group|arm)s?\b)|trial|population|set|centres?|centers?|sites?|clinics?|"
    r"hospitals?|practices?|countries|regions?)\b|^(?:and|or|between|from)\b",
    re.I,
)


@dataclass(frozen=True)
class Allocation:
    """Arms a sentence counts: labels as printed with their sizes."""

    arms: tuple[tuple[str, int], ...]
    analysed: bool  # the sizes are of an analysed population
    start: int
    end: int
    treated: bool = False  # "978 received moxidectin and 494 ivermectin"


# a count that is part of a name: "CD 34", "IL 6", "grade 3", "day 28"
_NAMED_NUMBER = re.compile(
    r"(?:\b[A-Z]{1,5}\s*|[A-Za-z][-‐–]|\b(?i:grades?|stages?|types?|phases?|days?|weeks?|visits?|levels?"
    r"|sessions?)\s*)$"
)


def _distinct_arms(labels: Iterable[str]) -> bool:
    """Whether labels name different arms: a flow chart's "Assigned to X (n=395)
    Received X (n=395)" names one arm twice."""
    generic = {"assigned", "allocated", "received", "receiving", "randomised", "randomized",
               "to", "the", "group", "arm", "patients"}  # fmt: skip
    sets = [{t.lower() for t in label_tokens(x)} - generic for x in labels]
    return all(
        a and b and not (a <= b or b <= a) for i, a in enumerate(sets) for b in sets[i + 1 :]
    )


def _clean_label(label: str) -> str:
    # "42 ..., 39 of which received Se" / "42 serving as controls"
    label = re.sub(
        r"^(?:of\s+)?(?:which|whom)\s+(?:received|were\s+given|were\s+assigned\s+to)\s+|^(?:serv(?:ed|ing)|act(?:ed|ing))\s+as\s+",
        "",
        label.strip(),
        flags=re.I,
    )
    label = re.sub(
        r"^(?:the|receive|received|patients\s+(?:in\s+)?the)\s+", "", label.strip(), flags=re.I
    )
    return _LEAD_WORDS.sub("", label)


def allocation(sent: str) -> Allocation | None:
    """Two or more arms counted in one sentence: "143 were randomized to group A
    and 142 to group B", "(48 for DZ and 46 for D) were included in the
    efficacy analysis", "assigned to X (n=533) or Y (n=530)", "40 placebo and 40
    drug X", "randomly divided into two groups of 22" (labels left empty).
    Labels that are times ("randomized between December 2013 and October
    2014") name no arm: the sentence gives none."""
    got = _allocation(sent)
    if got is not None and any(label and is_time(label) for label, _n in got.arms):
        return None
    return got


def _allocation(sent: str) -> Allocation | None:
    if _EVENT_CUE.search(sent):
        return None
    member = _MEMBER_CUE.search(sent)
    if not _ALLOC_CUE.search(sent) and not member:
        listed = paren_groups(sent) or _listed(sent, None)
        return listed or _counted(sent)
    analysed = bool(_ANALYSED_CUE.search(sent))
    for finder in (_ALLOC_ITEM, None, _BARE_ITEM):
        if finder is None:
            items = [(a.label, a.n or 0, a.start, a.end) for a in arms_with_n(sent)]
        else:
            items = []
            for m in finder.finditer(sent):
                n = _n(m.group("n"))
                label = _clean_label(m.group("label"))
                if n is None or n < 2 or not re.search(r"[A-Za-z]", label):
                    continue
                if re.fullmatch(
                    r"(?i)(?:patients?|months?|years?|weeks?|days?|hours?|h|min|cycles?|courses?|doses?|"
                    r"mg|ml|kg|gy|cm|mm|%|to|times|fold|"
                    r"centers|centres|sites|hospitals|countries|groups|arms|"
                    # "15 infants in whom the 2.5-mm tube was used": a clause, no name
                    r"whom|which|who|whose)",
                    label.split()[0],
                ) or re.fullmatch(r"(?i)[ap]\.?m\.?|o['’]clock", label):  # "at 8 am or 8 pm"
                    continue  # fmt: skip
                items.append((label, n, m.start(), m.end()))
        # an arm holds a few patients at least; an analysis or study is no arm
        items = [
            x
            for x in items
            if x[1] >= 5
            and not 1900 <= x[1] <= 2100
            and not _NOT_ARM.search(x[0])
            and not not_an_arm(x[0])
            and not _NAMED_NUMBER.search(sent, 0, x[2])
        ]
        total = sum(x[1] for x in items)
        # a count that is the sum of the others is the whole ("58 ... in the study, with 29 ...")
        items = [x for x in items if len(items) < 3 or 2 * x[1] != total]
        labels = {x[0].lower() for x in items}
        if len(items) >= 2 and len(labels) == len(items) and _distinct_arms(x[0] for x in items):
            # "310 received X and 152 received Y"
            treated = not _ASSIGN_CUE.search(sent) and not member
            return Allocation(
                tuple((x[0], x[1]) for x in items), analysed, items[0][2], items[-1][3], treated
            )
    rec = [
        a
        for a in arms_received(sent)
        if (a.n or 0) >= 5 and not _NOT_ARM.search(a.label) and not not_an_arm(a.label)
    ]
    if len(rec) == 2 and re.search(r"\breceived\b", sent[rec[0].start : rec[0].end]):
        return Allocation(
            tuple((a.label, a.n or 0) for a in rec), analysed, rec[0].start, rec[0].end, True
        )
    named = paren_groups(sent)
    if named is not None:
        return named
    m = _EQUAL_GROUPS.search(sent)
    listed = _listed(sent, m)
    if listed:
        return listed
    if m:
        k, n = _n(m.group("k")), _n(m.group("n"))
        if k and n and n >= 2:
            return Allocation(tuple(("", n) for _ in range(k)), analysed, m.start(), m.end())
    return None


def _counted(sent: str) -> Allocation | None:
    """Arms a sentence counts beside their names without an allocation verb
    ("Eighteen patients in Group L and 19 in Group H were examined")."""
    got = arm_counts.counted_groups(sent)
    if not got or not _distinct_arms(lab for lab, _n in got):
        return None
    return Allocation(tuple(got), bool(_ANALYSED_CUE.search(sent)), 0, len(sent))


def _listed(sent: str, equal: re.Match[str] | None) -> Allocation | None:
    """Arms a sentence names in a list or by designators (`arm_lists`), with
    the size of "K groups of N" when the sentence prints it."""
    listed = (
        arm_lists.designator_groups(sent)
        or arm_lists.named_groups(sent)
        or arm_lists.crossover_conditions(sent)
    )
    if not listed:
        return None
    if equal and _n(equal.group("k")) == len(listed) and (n := _n(equal.group("n"))) and n >= 2:
        # "assigned into three groups of 20: A, B and C"
        listed = [(lab, size or n) for lab, size in listed]
    return Allocation(tuple(listed), bool(_ANALYSED_CUE.search(sent)), 0, len(sent))


def paren_groups(sent: str) -> Allocation | None:
    """Two or more arms a sentence allocates by designators in parentheses,
    "randomly divided to receive propofol (group P) or sevoflurane (group S)":
    the designators are the labels (the values name them so), the size is the
    one printed with them, else 0 (unknown)."""
    hits = list(_PAREN_GROUP.finditer(sent))
    cue = _ASSIGN_CUE.search(sent) or re.search(r"\b(?:received|receive|given)\b", sent)
    if not cue and not all(m.group("n") for m in hits):
        return None  # designators with their sizes need no allocation verb
    labels = [re.sub(r"\s+", " ", m.group("label")) for m in hits]
    if len(hits) < 2 or len({x.lower() for x in labels}) != len(labels):
        return None
    sizes = [int(m.group("n").replace(",", "")) if m.group("n") else 0 for m in hits]
    if any(0 < n < 2 for n in sizes):
        return None
    return Allocation(
        tuple(zip(labels, sizes, strict=True)),
        bool(_ANALYSED_CUE.search(sent)),
        hits[0].start(),
        hits[-1].end(),
    )


# ------------------------------------------------------------------ arm sizes of a subset

# a size standing before an arm's name: "n = 41 [87.2%] in the X arm", "23 (10%)
# of 233 patients who underwent resection in the X group" (the denominator), or a
# bare count after a result ("1.9 months in 17 patients of the X group"); up to
# three words of the arm's name may come before the ones that tell it apart
_SIZE_BEFORE = re.compile(
    r"(?:(?P<eq>\b[Nn]\s*=\s*)(?P<n1>\d+)\s*(?:\[[^\]]*\]|\([^)]*\))?"
    r"|\b(?:of|out\s+of)\s+(?P<n2>\d+)(?:\s+(?:patients|participants|subjects))?(?:\s+[\w-]+){0,4}?"
    r"|(?:\d%|\d\s+months?|\d\s+years?)\s+in\s+(?P<n3>\d+)(?:\s+(?:patients|participants|subjects))?)"
    r"\s+(?:in|for|of|on|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$",
    re.I,
)
# a size right after an arm's name: "the DZ group (N = 19)", "(placebo arm, n = 8",
# "in the XELIRI arm, 9 out of 10 (90%) patients", "in the X arm, 3/5"
_SIZE_AFTER = re.compile(
    r"^\s*(?:groups?|arms?|cohorts?)?\s*(?:[(\[,]?\s*[Nn]\s*=\s*(?P<n1>\d+)"
    r"|,?\s*\d+\s+(?:out\s+of|of)\s+(?P<n2>\d+)\b|,?\s*\d+\s*/\s*(?P<n3>\d+)\b)",
)
# a group's name right after a size: "n = 6 control group"
_NEXT_NAMED = re.compile(
    r"\s+(?:in\s+)?(?:the\s+)?[A-Za-z][\w+/-]*(?:\s+[\w+/-]+){0,2}?\s+(?:group|arm)\b", re.I
)
# a count of those who left the analysis, not of a subset analysed
_LEFT_CUE = re.compile(
    r"\b(?:removed|withdr[ae]w\w*|lost\s+to|dropped|discontinu\w+|missing|declined|excluded)\b",
    re.I,
)
# a subset's count of one arm, alone in parentheses: "(37 in the X group)"
_ONE_IN_PAREN = re.compile(r"\(\s*(?P<n>\d+)\s+in\s+(?:the\s+)?$", re.I)
_PAREN_END = re.compile(r"^\s*(?:groups?|arms?|cohorts?)?\s*\)", re.I)
# a bare size after "<arm> group" in a parenthesised list: "(X group 131, Y group 74)"
_SIZE_AFTER_LISTED = re.compile(r"^\s*(?:groups?|arms?|cohorts?)\s+(?P<n>\d+)\s*(?=[,;)])")
# a total broken down by arm: "31 patients were classified as X (15 in the A arm vs 16
# in the B arm)", "for 38 patients (19 for A and 19 for B)"
_BREAKDOWN = re.compile(
    rf"\b(?P<total>\d+|{NUMBER_WORDS})\s+(?:patients|participants|subjects)\b"
    r"[^()]{0,80}?\(\s*(?P<a>\d+)\s+"
    r"(?:in|for)\s+[^()]{1,40}?\s+(?:and|vs\.?|versus|,)\s+(?P<b>\d+)\s+(?:in|for)\s+[^()]{1,40}\)",
    re.I,
)


def arm_subset_sizes(
    sent: str, mentions: list[tuple[int, int, str]], main_sizes: dict[str, int | None]
) -> list[tuple[str, int]]:
    """Sizes of a subset counted per arm: (role, n) for each arm named with a
    size that is not the arm's own ("(15 in the dovitinib arm vs 16 in the
    placebo arm)", "44% for the DZ group (N = 19)", "9 out of 10 (90%)
    patients in the X arm"). `mentions` are the sentence's arm names (start,
    end, role); `main_sizes` the arms' own sizes. A bare count is a subset's
    size only after a result ("1.9 months in 17 patients of X") or as a
    breakdown of a total ("31 patients ... (15 in X vs 16 in Y)"), and never
    in a sentence counting deaths or progression."""
    out: list[tuple[str, int]] = []
    events = bool(_EVENT_CUE.search(sent))
    parts = [
        (m.start(), m.end())
        for m in _BREAKDOWN.finditer(sent)
        if int(m.group("a")) + int(m.group("b")) == _n(m.group("total"))
    ]
    for start, end, role in mentions:
        if role not in main_sizes:
            continue
        m = _SIZE_BEFORE.search(sent[max(0, start - 80) : start])
        n = int(m.group("n1") or m.group("n2") or m.group("n3")) if m else None
        if m and m.group("n3") and events:
            n = None  # "1 death in 12 patients of ..." counts events
        if m and m.group("n2") and (events or not _SUBSET_NAMED.search(sent)):
            # "183 (42%) of 438 patients in the X group": a denominator is a
            # subset's size where the sentence says which patients it holds
            n = None
        if n is None and any(a <= start < b for a, b in parts) and not events:
            b = re.search(
                r"(?<![\d.,])(\d+)\s+(?:in|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$",
                sent[max(0, start - 60) : start],
            )
            n = int(b.group(1)) if b else None
        if n is None:
            a = _SIZE_AFTER.match(sent[end : end + 40])
            # "(n = 9 intervention group, n = 6 control group)": a size before the next
            # group's name is that group's
            if a and not (a.group("n1") and _NEXT_NAMED.match(sent, end + a.end())):
                n = int(a.group("n1") or a.group("n2") or a.group("n3"))
        one = _ONE_IN_PAREN.search(sent[max(0, start - 20) : start])
        if n is None and one and _PAREN_END.match(sent[end : end + 12]):
            # "78 provided valid data (37 in the X group)" (not "10 ... (8 in X) were removed")
            n = None if events or _LEFT_CUE.search(sent) else int(one.group("n"))
        inside = sent[:start].count("(") > sent[:start].count(")")
        if n is None and not events and inside and not _LEFT_CUE.search(sent):
            a = _SIZE_AFTER_LISTED.match(sent[end : end + 30])
            n = int(a.group("n")) if a else None
        own = main_sizes.get(role)
        # within a tenth of the arm's size it is an analysis set of the arm, not a subset
        if n is None or n < 2 or (own is not None and n >= 0.9 * own):
            continue
        if (role, n) not in out:
            out.append((role, n))
    return out


# one arm's size in a sentence about the analysed population: "785 were included in the
# intention to treat analyses, with 392 assigned to the physical activity group"
_ONE_ARM_BEFORE = re.compile(
    r"(?<![\d.,])(?P<n>\d[\d,]*)\s+(?:(?:patients|participants|subjects|women|men|children)\s+)?"
    r"(?:were\s+)?(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+(?:to|into)\s+(?:the\s+)?$",
    re.I,
)


def analysed_arm_sizes(sent: str, mentions: list[tuple[int, int, str]]) -> list[tuple[str, int]]:
    """(role, n) of arms a sentence about the analysed population sizes one by
    one ("..., with 392 assigned to the X group"); `mentions` are its arm names
    (start, end, role). Empty unless the sentence names an analysis population."""
    if not _ANALYSED_CUE.search(sent) or _EVENT_CUE.search(sent):
        return []
    out: list[tuple[str, int]] = []
    for start, _end, role in mentions:
        m = _ONE_ARM_BEFORE.search(sent[max(0, start - 70) : start])
        if m:
            n = int(m.group("n").replace(",", ""))
            if n >= 5 and (role, n) not in out:
                out.append((role, n))
    return out
