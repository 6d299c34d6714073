"""Results outside the endpoint keys: a blood pressure, a score, an abstinence
rate, a difference between arms, read from sentences and result tables.

A value becomes a result only when the text names what it measures and says
which statistic it is; an unnamed number is left out (an empty field beats a
wrong one). The name comes from the clause: the predicate that follows a
count ("31 women (24%) quit smoking"), else the subject before the value
("mean systolic pressure was 128 ± 11 mmHg"). Sentences about the sample
(baseline characteristics, eligibility, sample-size assumptions, arm sizes)
give no results. Everything here is a pure function of its input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from litkg.extractor.components.alternation import folded
from litkg.extractor.components.unkeyed_times import (
    ORDINAL_TIME,
    from_baseline_values,
    leading_timepoint,
    named_times,
    paired_values,
)
from litkg.extractor.mentions import (
    SPREAD_WORDS,
    Mention,
    arm_name_cues,
    arm_of_values,
    compared_labels,
    coordinated_labels,
    dedupe_overlaps,
    inside,
    masked_spans,
    named_arm_cues,
    sentence_mentions,
)
from litkg.extractor.numbers import NUMBER_WORDS, to_float
from litkg.extractor.records import Dispersion, Outcome
from litkg.extractor.tables import TableModel
from litkg.extractor.vocab import load_vocab


@dataclass(frozen=True)
class UnkeyedMatch:
    """A result read from a sentence (offsets relative to it) or a table row."""

    outcome: Outcome  # endpoint None, provenance None (the caller adds it)
    start: int
    end: int
    rule: str
    arm_label: str | None = None  # the group as printed, for role resolution


# --------------------------------------------------------------------------- what is not a result

_DESIGN_RE = re.compile(
    r"\b(?:power(?:ed)?|sample size|assum\w*|hypothes[ie]s\w*|hypothesi[sz]ed|to detect|"
    r"would (?:be|have|provide|detect|give)|was calculated|were calculated|anticipated|"
    r"we (?:supposed|expected|estimated that)|considered (?:to be )?clinically|"
    r"minimal clinically important|non-?inferiority margin|stopping rule|"
    r"coefficients? of variation|assay|sensitivity|specificity|detection limit|"
    r"dose (?:was|were) (?:reduced|escalated|increased)|reduced by \d+\s*% (?:of|after)|"
    r"in (?:the|a) (?:previous|prior|recent|earlier) (?:study|trial|report)|"
    r"(?:previous|prior|other|earlier) (?:studies|trials|reports))\b",
    re.I,
)
_SAMPLE_RE = re.compile(
    r"\b(?:baseline characteristics|demographic|median age|mean age|aged\b|years of age|"
    r"(?:respect to|regarding|in terms of|differences? in)\s+(?:the\s+)?(?:age|sex|gender)\b|"
    r"years old|were (?:men|women|male|female|white|black)|(?:male|female) (?:sex|gender)|"
    r"eligib\w*|inclusion criteri|exclusion criteri|were (?:randomi[sz]ed|randomly|allocated|"
    r"assigned|enrolled|recruited|screened|included|excluded|approached|invited)|"
    r"response rate (?:to|of) (?:the )?(?:questionnaire|survey)|"
    r"lost to follow-?up|withdr[ae]w|were available|completed (?:the )?(?:questionnaire|survey)s?)\b",
    re.I,
)
_AT_BASELINE_RE = re.compile(
    r"\bat (?:baseline|entry|enrol?ment|randomi[sz]ation|inclusion)\b", re.I
)
_CHANGE_RE = re.compile(
    r"\b(?:from baseline|change[sd]?|reduc\w+|increas\w+|decreas\w+|improv\w+|fell|rose|declin\w+)\b",
    re.I,
)
_NOT_RESULT_PREDICATE = re.compile(
    r"\b(?:not (?:evaluated|evaluable|assessable|assessed)|prior|previous(?:ly)?|diagnosed|"
    r"stage\s+(?:I|II|III|IV|[1-4])\w*|staged|history of|histolog\w*|tumou?rs? (?:located|in)|"
    r"grade\s*(?:[1-5]|I{1,3}|IV|V)\b|adverse|AEs?\b|toxicit\w*|side[- ]effects?|"
    r"predicted|expected|most common|baseline)\b",
    re.I,
)
#: a group's letter, digit or roman numeral ("group B", "arm 2", "groups I-III")
_DESIGNATOR = r"(?:[A-H]|[1-8]|I{1,3}|IV|VI{0,3})"
#: "in groups 1 to 3", "for arms A and B": the designators after a plural group word
_DESIGNATORS = rf"(?-i:\s+{_DESIGNATOR}(?:\s*(?:,|and|or|to|through|[-–—])\s*{_DESIGNATOR})*)?"
_NOT_RESULT_SUBJECT = re.compile(
    r"\b(?:not (?:evaluated|evaluable|assessable|assessed)|prior|previous(?:ly)?|diagnosed|"
    r"toxicities|most frequent|"  # "the most frequent grade 3 toxicities were": adverse events
    r"history of|histolog\w*|grade\s*(?:[1-5]|I{1,3}|IV|V)\b|predicted|expected|most common|baseline)\b",
    re.I,
)
_NOT_RESULT_NAME = re.compile(
    r"^(?:patients?|participants?|subjects?|women|men|children|cases|the|a|an|all|total|"
    r"group|arm|cohort|population|sample|study|trial|rate|proportion|percentage|number|"
    r"mean|median|value|values|results?|data|it|they|this|that|these|there|which|who|and|or|but)$"
    r"|\b(?:age|aged|sex|gender|male|female|ethnic\w*|race|white|black|height|weight at entry|"
    r"randomi[sz]\w*|enrol\w*|recruit\w*|eligib\w*|screen\w*|allocat\w*|assigned|analy[sz]ed|"
    r"evaluable|included|excluded|consent\w*|power|sample size|response to the questionnaire)\b"
    r"|^(?:these|those|this|such|the results|results|the values|values|proportions)\b",
    re.I,
)

# --------------------------------------------------------------------------- the name

_WHO = (
    r"(?:patients|participants|women|men|children|subjects|infants|people|adults|individuals|"
    r"mothers|neonates|babies|smokers|respondents|cases|pregnancies|eyes|girls|boys|persons)"
)
_PREDICATE_VERB = (
    r"(?:had|developed|experienced|achieved|reported|required|needed|received|underwent|died|"
    r"took|completed|quit|stopped|discontinued|remained|met|attained|showed|used|returned|"
    r"started|began|initiated|continued|resumed|survived|recovered|relapsed|progressed|"
    r"were|was|became|gave|delivered|lost|gained|reached|did)"
)
_FORWARD_RE = re.compile(
    rf"^\s*[\])]?\s*(?:of\s+(?:the\s+|all\s+|these\s+)?(?:\d+\s+)?)?"
    rf"(?:(?:[\w-]+\s+){{0,2}}?{_WHO}\s+)?(?:\([^()]*\)\s*)?"
    rf"(?:(?:in|of)\s+(?:the\s+)?(?:[\w+/ -]{{1,30}}?\s+(?:group|arm|condition)s?|"
    rf"(?:[Gg]roup|[Aa]rm)\s+[A-Z]{{1,3}}\d{{0,2}})\s+)?"
    rf"(?P<pred>{_PREDICATE_VERB}\b[^,;()\[\]]{{3,90}})",
    re.I,
)
_PRED_CUT = re.compile(
    r"\s+(?:in|for|among|with|under)\s+(?:the\s+|both\s+|each\s+)?(?:[\w+/-]+\s+){0,4}?(?:group|arm|cohort|condition)s?\b.*$"
    r"|\s+(?:compared|versus|vs\.?|than|whereas|while|respectively|and\s+\d|and\s+in\b|but\b).*$"
    r"|\s+(?:at|by|after|within)\s+\d.*$|\s*\d.*$",
    re.I,
)
#: the subject's noun phrase: at most 8 words (7 runs of spaces); its last word has
#: a letter, unless it is a time point's ordinal ("systolic pressure at week 12 was")
_SUBJECT_NP = (
    r"(?P<np>(?:[\w/'’-]+\s+){0,7}?"
    rf"(?:[\w/'’-]*[A-Za-z][\w/'’-]*|(?<=\s)(?i:{ORDINAL_TIME})(?![\w.·]\d)))"
)
#: what follows the subject up to the value: its verb and modifiers
_SUBJECT_REST = (
    r"\s*(?:\([^()]{0,40}\)\s*)?"
    # "the change in weight from baseline to week 12 was": the span of the change
    rf"(?:(?:from\s+baseline\s+)?(?:to|until|through)\s+(?:the\s+end\s+of\s+)?(?i:{ORDINAL_TIME})\s+"
    r"|from\s+baseline\s+(?:to|until)\s+\d+[\s-]*(?:weeks?|months?|days?|years?)\s+)?"
    r"(?:,\s*)?(?:was|were|is|are|of|reached|averaged|fell|rose|increased|decreased|declined|"
    r"improved|changed|dropped|reduced|differed|:|=|"
    r"(?:occurred|developed|was seen|were seen|was observed|were observed|was reported|were reported|"
    r"was achieved|was required|was needed|was present|was noted|was found|were found|was recorded)"
    rf"\s+(?:in|by|among|for)(?:\s+(?:\d+|{NUMBER_WORDS})\s*(?:of|/|out of)\s*\d+(?:\s+{_WHO})?"
    rf"|\s+(?:\d+|{NUMBER_WORDS})(?:\s+{_WHO})?)?\s*[(\[]?)(?:\s+|(?<=[(\[]))"
    r"(?:(?:significantly|slightly|markedly|statistically|substantially|also|only|about|"
    r"approximately|nearly|almost|higher|lower|greater|smaller|better|worse|from|to|by|at|"
    r"in|with|than|a|an|the|mean|median|of)\s+"
    r"|from\s+[-−]?\d+(?:[.·]\d+)?(?:\s*(?:±|\+/-)\s*\d+(?:[.·]\d+)?)?(?:\s*[^\s\d]{1,8})?\s+to\s+"
    # "decreased from baseline to week 26 by": the change's span after its verb
    rf"|from\s+baseline\s+(?:to|until|through)\s+(?:the\s+end\s+of\s+)?(?:(?i:{ORDINAL_TIME})|"
    r"\d+[\s-]*(?:weeks?|months?|days?|years?))\s+)*"
    r"(?:(?:\d+|[a-z]+)\s*[(\[]\s*)?$"
)
_SUBJECT_RE = re.compile(_SUBJECT_NP + _SUBJECT_REST, re.I)
_SUBJECT_REST_RE = re.compile(_SUBJECT_REST, re.I)
_SPACES = re.compile(r"\s+")


def _subject_search(text: str) -> re.Match[str] | None:
    """`_SUBJECT_RE.search(text)`, without trying the start positions that
    cannot match: a match's subject ends where the rest of the pattern
    matches (at the earliest at the rest's leftmost match) and holds at most 7
    runs of spaces, so no match starts before the 8th run of spaces back from
    there. (Tried at every position, the subject's words and the verbs after
    them cost milliseconds a sentence.)"""
    rest = _SUBJECT_REST_RE.search(text)
    if rest is None:
        return None
    runs = [m.end() for m in _SPACES.finditer(text, 0, rest.start())]
    start = runs[-8] if len(runs) >= 8 else 0
    return _SUBJECT_RE.search(text, start)


_LEAD_WORDS = re.compile(
    r"^(?:(?:the|a|an|and|but|while|whereas|although|though|overall|however|in|total|of|also|both|"
    r"mean|median|"
    r"average|overall)\s+)+",
    re.I,
)
_CLAUSE_START = re.compile(
    r"[;:]|,\s*(?:and|but|whereas|while)\s|\b(?:whereas|while|and)\s+(?=the\b)"
)
_TRAILING = re.compile(r"\s+(?:was|were|is|are|of|in|for|at|the|also)$", re.I)


# "(no significant) difference in blood loss": the measure is what differs
_DIFFERENCE_IN = re.compile(
    r"^(?:there\s+(?:was|were)\s+)?(?:(?:no|a|an|the|any)\s+)?(?:(?:statistically|clinically)\s+)?"
    r"(?:(?:significant|marked|notable|small|large|similar|greater|smaller)\s+)?"
    r"(?:differences?|changes?)\s+(?:(?:was|were)\s+(?:found|seen|observed|noted|detected)\s+)?"
    r"(?:in|of|regarding|for|with respect to)\s+",
    re.I,
)
_DIFFERENCE_BETWEEN = re.compile(
    r"\s+(?:(?:was|were)\s+(?:found|seen|observed|noted|detected)\s+)?"
    r"(?:between|among|across)\b.*$",
    re.I,
)


# "At 12 weeks the walking distance": the time point, not the measure's name
_LEAD_TIME = re.compile(
    r"^(?:at|after|by|during|over|within|in)\s+(?:the\s+)?(?:end\s+of\s+)?"
    r"(?:(?:\d+|one|two|three|four|five|six|eight|ten|twelve)[\s-]*"
    rf"(?:hours?|days?|weeks?|months?|years?)|{ORDINAL_TIME})(?:\s+of\s+\w+)?,?\s+",
    re.I,
)


# pieces of a clause, not a measure's name: "with the exception of any grade",
# "fewer erlotinib patients", "adverse events"
_CLAUSE_NAME = re.compile(
    r"^(?:with the exception|except|fewer|more|less)\b|\b(?:any|a) grade$|^as\s+(?:was|were|did)\b"
    r"|^(?:was|were|is|are)\s+(?:\w+\s+)?(?:higher|lower|greater|smaller|similar|more|less|better|worse)\b"
    r"|\b(?:had|has|have|with)\s+(?:a\s+)?(?:mean|median|average)$|\b(?:to|of)\s+a\s+(?:mean|median)\s+\w+$"
    r"|^(?:(?:frequenc\w+|occurrence|incidence)\s+of\s+(?:the\s+)?)?(?:most\s+|all\s+|other\s+)?"
    r"(?:serious\s+)?adverse events?\b(?!\s+(?:was|were)?\s*(?:leading|due|requiring))",
    re.I,
)


#: a word of a group's label, a dose's decimal point too ("in the 2.5 mg group")
_LABEL_WORD = r"(?:[\w+/-]|(?<=\d)\.(?=\d))+"
#: "score over 6 months for the MLC601 group": the group and the time are not the name
_TRAILING_GROUP = re.compile(
    rf"\s+(?:in|for|among|with|under)\s+(?:the\s+)?(?:{_LABEL_WORD}\s+){{0,3}}?(?:groups?|arms?|conditions?)"
    + _DESIGNATORS
    + r"(?:\s+(?:it|they))?$",
    re.I,
)
_TRAILING_TIME = re.compile(
    r"\s+(?:over|during|after|at|by|within|in|on)\s+(?:the\s+)?(?:(?:first\s+)?\d+(?:[.·]\d+)?\s*"
    rf"(?:weeks?|months?|days?|years?|hours?|h|min|minutes?|mins)|(?:end\s+of\s+)?{ORDINAL_TIME})$",
    re.I,
)


#: "Post hoc tests showed that": who reports a finding, before the finding
_REPORTED_THAT = re.compile(
    r"\s+(?:showed|revealed|indicated|demonstrated|suggested|confirmed|found)\s+that\s+", re.I
)


@cache
def _not_a_name() -> re.Pattern[str]:
    """The words before a value that are no measure's name (ontology/vocab/
    not_outcome_names.json): a clause's fragment ("Whilst the figure", "where
    the difference", "in group B it"), the trial's flow of participants
    ("completed the study"), a predicate that only says a value was seen."""
    v = load_vocab("not_outcome_names")
    openers = "|".join(v["openers"])
    closers = "|".join(v["closers"])
    starts = "|".join([*v["participant_flow"], *v["observed"]])
    return re.compile(rf"^(?:{openers})\s|\s(?:{closers})$|^(?:{starts})", re.I)


def _clean_name(text: str) -> str | None:
    # "Subanalysis revealed that fatigue": the finding's measure, not who found it
    text = _REPORTED_THAT.split(text)[-1].strip(" ,.:;")
    if re.match(r"(?:in|for|among|with)\s+(?:the\s+)?\S+\s+(?:groups?|arms?)\b", text, re.I):
        return None  # "for the placebo group it": a group, not a name
    grouped = _TRAILING_GROUP.sub("", text)
    short = _TRAILING_TIME.sub("", grouped)
    # "results in ESHAP group" stays as printed when "results" alone is no name; a time
    # point is never part of a name ("D at 12 weeks" of "25(OH)D at 12 weeks" is none)
    if grouped == text:
        return _clean_name_words(short)
    return _clean_name_words(short) or _clean_name_words(_TRAILING_TIME.sub("", text))


def _clean_name_words(text: str) -> str | None:
    name = _LEAD_WORDS.sub("", _LEAD_TIME.sub("", text.strip(" ,.:;"))).strip()
    differs = _DIFFERENCE_IN.match(name)
    if differs and (
        not re.search(r"\bchanges?\b", differs.group(0), re.I)
        or _DIFFERENCE_BETWEEN.search(name)
        or re.match(r"(?:there\s+(?:was|were)\s+)?no\b", name, re.I)
    ):
        # "no change in X", "the change in X between groups": X; "the change in X" is the change
        name = _DIFFERENCE_BETWEEN.sub("", _DIFFERENCE_IN.sub("", name)).strip()
    name = _TRAILING.sub("", name).strip(" ,")
    if re.fullmatch(r"(?:[\w+/-]+\s+){0,2}(?:groups?|arms?)(?:\s+\w+)?", name, re.I):
        return None  # "intervention group (already)": a group, not a measure
    if re.search(
        r"\b(?:groups?|arms?)(?:\s+\w{1,3}(?:\s*(?:,|and|or|&)\s*\w{1,3})*)?\s+"
        r"(?:had|has|have|was|were|showed)\b|\b(?:that|which)$",
        name,
        re.I,
    ):
        return None  # "the intervention group had a mean score that": a clause, not a name
    if (
        len(name) < 3
        or not re.search(r"[A-Za-z]{3}", name)
        or re.fullmatch(r"per\s+\w+", name, re.I)
    ):
        return None  # "per day" of "registrations (VAS scores) per day": a rate's unit
    if _CLAUSE_NAME.search(name):
        return None
    if _NOT_RESULT_NAME.search(name) and len(name.split()) <= 2:
        return None
    if re.search(
        r"\b(?:age|aged|randomi[sz]\w*|enrol\w*|eligib\w*|assigned|allocat\w*)\b", name, re.I
    ):
        return None
    if _not_a_name().search(name) or _names_people(name):
        return None
    return name


@cache
def _people_end() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(load_vocab('not_outcome_names')['people'])})$", re.I)


#: what of the people was measured: "X of/in/among them", "the proportion adherent patients"
_PEOPLE_MEASURED = re.compile(
    r"\b(?:of|in|for|among|with|at|on|proportions?|percentages?|rates?|numbers?|shares?|"
    r"fractions?|frequenc\w*|scores?|counts?)\b",
    re.I,
)


def _names_people(name: str) -> bool:
    """ "Japanese patients", "the W and C groups": people or groups, not what was measured."""
    return bool(_people_end().search(name)) and not _PEOPLE_MEASURED.search(name)


def _forward_name(sent: str, v: Mention, counts: list[Mention]) -> str | None:
    """ "31 (24%) quit smoking", "24% of women reported nausea": the predicate
    of the value's own clause names the result."""
    pos = v.end
    # "12 of 40 (30%) women", "(30%) of 40 women", "[42%] of 438 patients"
    m = re.match(r"\s*[\])]?\s*(?:of\s+\d+\s*)?", sent[pos:])
    pos += m.end() if m else 0
    fm = _FORWARD_RE.match(sent[pos:])
    if not fm:
        return None
    pred = _PRED_CUT.sub("", fm.group("pred")).strip()
    if re.match(
        r"(?i)(?:were|was|did)\s+(?:not\s+)?(?:randomi|allocat|assign|enrol|includ|exclud|analy|eligib|evaluab|availab|male|female|men|women|aged|older|younger|still|also|in\b|on\b|from\b)",
        pred,
    ):
        return None
    if re.match(r"(?i)(?:were|was)\s*$", pred) or _NOT_RESULT_PREDICATE.search(pred):
        return None
    return _clean_name(pred)


_RATIO_FOR_RE = re.compile(
    r"(?:hazard ratio|odds ratio|relative risk|risk ratio|HR|OR|RR)s?\s+(?:for|of)\s+"
    r"(?P<np>[^,;()=:]{3,60}?)\s*(?:[:=,]|was|were|is|of)?\s*$",
    re.I,
)
_RATIO_WORD_RE = re.compile(
    r"[(\[,;]?\s*(?:(?:the|an?|adjusted|unadjusted|crude)\s+)*(?:hazard ratio|odds ratio|relative risk|"
    r"risk ratio|HR|OR|RR|aOR|aHR)s?\b[^A-Za-z]*$",
    re.I,
)
_CLAUSE_SUBJECT_RE = re.compile(
    r"^(?P<np>(?:[\w/'’-]+(?:\s*\([^()]{1,20}\))?\s+){0,6}?"
    rf"(?:[\w/'’-]*[A-Za-z][\w/'’-]*|(?<=\s)(?i:{ORDINAL_TIME})(?![\w.·]\d))"
    r"(?:\s*\([^()]{1,20}\))?)\s+(?:was|were|is|are|had|showed|did|"
    r"differed|improved|increased|decreased|fell|rose|declined)\b",
    re.I,
)


def _ratio_name(sent: str, v: Mention, start: int) -> str | None:
    """ "the HR for death was 0.8", "X was more frequent with Y (odds ratio 1.9)"."""
    text = sent[start : v.start]
    m = _RATIO_FOR_RE.search(text)
    if m:
        return _clean_name(m.group("np"))
    w = _RATIO_WORD_RE.search(text)
    if not w:
        return None
    clause = text[: w.start()]
    cut = max((c.end() for c in _CLAUSE_START.finditer(clause)), default=0)
    m = _CLAUSE_SUBJECT_RE.match(_LEAD_WORDS.sub("", clause[cut:].strip()))
    return _clean_name(m.group("np")) if m else None


#: "(subjective onset: 113 ± 63 ...", "; objective onset: 5.46 ± 2.02": a name and a colon
_LABELLED_VALUE_RE = re.compile(
    r"(?:^|[(;,\[])\s*(?P<np>[A-Za-z][\w/'’-]*(?:\s+[\w/'’-]+){0,4})\s*:\s*$"
)
_NOT_LABELLED_NAME = re.compile(
    r"\b(?:groups?|arms?|placebo|controls?|intervention|before|after|pre|post|baseline|"
    r"range|IQR|median|mean|SD|SE|CI|n|p|respectively|vs|versus|was|were|is|are|rates?)\b",
    re.I,
)


#: "prevalence at T1 (comparison group, 97.5 %; intervention group, 98.6 %)": a group
#: labels each value of a parenthesis after the measure's name
_GROUP_LABEL = (
    r"(?:[\w+/-]+\s+){0,3}?(?:groups?|arms?)|placebo|controls?|intervention|comparison|"
    r"usual care|sham|experimental"
)
_GROUP_PAREN_RE = re.compile(
    rf"(?P<head>[^()]*?)\s*\(\s*(?:[^()]*?[;,]\s*)?(?:the\s+)?(?:{_GROUP_LABEL})\s*[:,=]?\s*$",
    re.I,
)
_HEAD_TIME = re.compile(
    r"\s*(?:,\s*)?\b(?:(?:at|after|by|in|during)\s+)?(?:T\d|(?:week|month|day|year|visit)\s*\d+|"
    r"\d+\s*(?:weeks?|months?|days?|years?|hours?|h))\s*$",
    re.I,
)
_HEAD_NP = re.compile(r"(?P<np>[A-Za-z][\w/'’-]*(?:\s+[\w/'’-]+){0,6})\s*$")


def _group_paren_match(text: str) -> re.Match[str] | None:
    """`_GROUP_PAREN_RE.search(text)` without its quadratic search (a lazy head
    tried from every start: 0.35 ms on 200 characters without a parenthesis).
    Nothing after its "(" is a parenthesis, and its head holds none: a match
    opens the last "(" of the text, none follows, and it starts right after
    the parenthesis before that one, where one attempt decides for all."""
    opening = text.rfind("(")
    if opening < 0 or ")" in text[opening:]:
        return None
    start = max(text.rfind("(", 0, opening), text.rfind(")", 0, opening)) + 1
    return _GROUP_PAREN_RE.match(text, start)


def _group_paren_name(sent: str, v: Mention, last_name: str | None) -> str | None:
    """ "Smoking prevalence at T1 (comparison group, 97.5 %; intervention group,
    98.6 %) and T2 (comparison group: 97.1 %, ...)": the name stands before
    the parenthesis (its time point cut); "and T2 (" alone keeps the last name."""
    m = _group_paren_match(sent[: v.start][-200:])
    if not m:
        return None
    head = _HEAD_TIME.sub("", m.group("head"))
    if re.fullmatch(r"\s*(?:,|and|or|;)?\s*", head):
        return last_name  # "... and T2 (": the measure named before
    np_ = _HEAD_NP.search(head)
    if not np_ or re.search(
        r"\b(?:was|were|is|are|had|showed|than|between)\b", np_.group("np"), re.I
    ):
        return None
    cut = max((c.end() for c in _CLAUSE_START.finditer(np_.group("np"))), default=0)
    return _clean_name(np_.group("np")[cut:])


#: "MMSE score for the MLC601 group was": the group between the name and its verb
_GROUP_BEFORE_VERB = re.compile(
    rf"\s+(?:in|for|among|under)\s+(?:the\s+)?(?:{_LABEL_WORD}\s+){{0,3}}?(?:groups?|arms?|conditions?)"
    + _DESIGNATORS
    + r"(?=\s+(?:was|were|is|are|had|showed|reached|averaged)\b)",
    re.I,
)


#: "..., with the AS increase in the treatment group (16.8 ± 2)": the measure, then
#: its group, then the value in parentheses
_NP_GROUP_PAREN = re.compile(
    r"(?:^|[,;]\s*|\b(?:with|and|but|while|whereas)\s+)(?:the\s+)?"
    r"(?P<np>(?!(?:with|and|but|in|of|the|than)\b)[A-Za-z][\w/'’-]*(?:\s+[\w/'’-]+){0,4}?)"
    r"\s+(?:in|for|among)\s+(?:the\s+)?(?:[\w+/-]+\s+){0,3}?(?:groups?|arms?)\s*[(\[]\s*"
    r"(?:mean\s+)?$",
    re.I,
)


_TRAILING_DESIGNATOR = re.compile(
    r"(?<=\w)\s+(?:(?:in|for)\s+)?(?:[Gg]roup|[Aa]rm)\s+[A-Z]{1,3}\d{0,2}\s*[:,=]?\s*$"
)


#: "worsening, stability, and": the cut before a name is a series' last comma, so
#: the name is one member of a list whose values come one per member
_SERIES_BEFORE = re.compile(
    r",\s*(?!respectively\b)[\w-]+(?:\s+[\w-]+){0,2},\s*(?:and|or)\s+$", re.I
)


def _backward_name(sent: str, v: Mention, start: int) -> str | None:
    """ "mean systolic pressure was 128 mmHg": the subject before the value."""
    if v.vkind == "ratio":
        return _ratio_name(sent, v, start)
    # "Pain scores were group T 3.2 ± 1.1": the group labelling the value is not the name's
    text = _TRAILING_DESIGNATOR.sub(" ", sent[start : v.start])
    labelled = _LABELLED_VALUE_RE.search(text)
    if labelled and not _NOT_LABELLED_NAME.search(labelled.group("np")):
        return _clean_name(labelled.group("np"))  # "(subjective onset: 113 ± 63 and ..."
    grouped = _NP_GROUP_PAREN.search(text)
    if grouped and not re.search(
        r"\b(?:was|were|is|are|had|than|both)\b", grouped.group("np"), re.I
    ):
        return _clean_name(grouped.group("np"))  # "with the AS increase in the A group ("
    cut = max((m.end() for m in _CLAUSE_START.finditer(text)), default=0)
    if cut and _SERIES_BEFORE.search(text[:cut]) and re.search(r"\brespectively\b", sent, re.I):
        return None  # "worsening, stability, and improvement at week 96 was 19%, 21% and 60%, respectively"
    text = text[cut:]
    short = _GROUP_BEFORE_VERB.sub("", text)
    name = _subject_name(short)
    if name is None and short != text:
        name = _subject_name(text)  # "The results in ESHAP group were": as printed
    return name


def _subject_name(text: str) -> str | None:
    m = _subject_search(text)
    if not m:
        return _paren_subject(text)
    np_ = m.group("np")
    if _NOT_RESULT_SUBJECT.search(np_):
        return None
    # "the proportion of women who quit" -> keep; "the rate of" prefix kept as printed
    return _clean_name(np_)


_DIFFERENCE_OF_RE = re.compile(
    # "there were no differences in performance times between the A and B trials"
    r"\bdifferences?\s+(?:(?:was|were)\s+(?:found|seen|observed|noted|detected)\s+)?"
    r"(?:in|of|regarding|for|with respect to)\s+(?P<np>[^,;()]{3,60}?)\s+"
    r"(?:(?:was|were)\s+(?:found|seen|observed|noted|detected)\s+)?(?:between|among|across)\b",
    re.I,
)
_WHO_START = re.compile(rf"^(?:(?:the|all|both|most|more|fewer)\s+)?{_WHO}\b", re.I)


_LEAD_ADVERB = re.compile(r"^[A-Z][a-z]+(?:\s+[a-z]+)?,\s+")  # "Moreover, ", "In addition, "
#: "the duration with 4% lidocaine was ...": the group's preparation is not part of the name
_STRENGTH_PHRASE = re.compile(
    r"\s+(?:with|in|among|after|receiving)\s+(?:the\s+)?\d+(?:[.·]\d+)?\s*"
    r"(?:%|mg|µg|mcg|g|mL|ml)(?:/\w+)?(?:\s+[\w-]+){0,2}?(?:\s+group)?"
    r"(?=\s+(?:was|were|is|are|had|showed)\b)",
    re.I,
)


def _paren_subject(text: str) -> str | None:
    """ "Pain scores were lower in group A than in group B (2.1 ± 1.0 vs ...":
    a value opening a parenthesis after its clause is that clause's subject's."""
    tail = re.search(
        r"[(\[]\s*(?:(?:mean|median|absolute|adjusted|relative|between-group)\s+)*"
        r"(?:differences?|reductions?|changes?)?\s*[:,=]?\s*$",
        text,
        re.I,
    )
    if not tail:
        return None
    head = _LEAD_WORDS.sub("", _LEAD_ADVERB.sub("", text[: tail.start()].strip()))
    head = _STRENGTH_PHRASE.sub("", head)
    # "Post hoc tests showed that recall in the cued group (": who showed a finding
    # is no measure of it; the clause after "that" is the finding
    head = _REPORTED_THAT.split(head)[-1]
    d = _DIFFERENCE_OF_RE.search(head)
    if d:
        return _clean_name(d.group("np"))
    c = _CHANGE_OBJECT_RE.search(head)
    if c:
        return _clean_name(f"{c.group('change')} {c.group('np')}")
    m = _CLAUSE_SUBJECT_RE.match(head)
    if not m or _WHO_START.match(m.group("np")) or _NOT_RESULT_SUBJECT.search(m.group("np")):
        return None
    return _clean_name(m.group("np"))


#: "Subjects treated with X obtained higher total scores on the Y scale at visit 2 (": the
#: measure the people scored higher or lower on
_PEOPLE_OBJECT_RE = re.compile(
    rf"^(?:(?:the|all|both)\s+)?{_WHO}\b[^,;()]{{0,60}}?\s+(?:had|showed|obtained|achieved|"
    r"reported|scored)\s+(?:(?:significantly|statistically|much|slightly)\s+)?"
    r"(?:higher|lower|greater|smaller|better|worse|larger)\s+"
    r"(?P<np>[\w/'’-]+(?:\s+[\w/'’-]+){0,7}?)"
    r"(?:\s+(?:at|after|over|by|from|during|within|than)\s+[^()]{1,40})?\s*$",
    re.I,
)


#: "patients treated with X had a reduced decline in C-peptide at 2 years (": what
#: the people had is the measure (the object's change and its quantity), not the people
_CHANGE_OBJECT_RE = re.compile(
    rf"^(?:(?:the|all|both)\s+)?{_WHO}\b[^,;()]{{0,60}}?\s+(?:had|showed|experienced|achieved)\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?:significantly|statistically|much|slightly)\s+)?"
    r"(?:(?:smaller|larger|greater|lower|higher|reduced|less|more|bigger|slower|faster)\s+)?"
    r"(?P<change>(?:mean\s+)?(?:declines?|decreases?|reductions?|increases?|changes?|falls?|"
    r"improvements?|losses?|gains?|rises?)\s+(?:in|of))\s+"
    r"(?P<np>[\w/'’-]+(?:\s+[\w/'’-]+){0,5}?)"
    r"(?:\s+(?:at|after|over|by|from|during|within)\s+[^()]{1,40})?\s*$",
    re.I,
)


# --------------------------------------------------------------------------- the statistic

_DIFF_BEFORE = re.compile(
    r"\b(?:differences?|reduc\w+|increas\w+|decreas\w+|improve\w*|gain|lower(?:ed)?|higher|"
    r"greater|change[sd]?|fell|rose|dropped|declined|by)\b[^.;]{0,40}$",
    re.I,
)
_DIFF_AFTER = re.compile(
    r"^\s*(?:\([^()]*\)\s*)?(?:(?:absolute|relative|mean|greater|larger|smaller|higher|lower)\s+)*"
    r"(?:reduction|increase|decrease|difference|improvement|decline|gain|lower|higher|greater|"
    r"more|less|fewer)\b",
    re.I,
)
_MEAN_BEFORE = re.compile(r"\b(?:mean|average)\b[^.;]{0,80}$", re.I)
_MEDIAN_BEFORE = re.compile(r"\bmedian\b[^.;]{0,80}$", re.I)
_PRIMARY_RE = re.compile(r"\bprimary\s+(?:end\s*-?\s*point|outcome|efficacy|analysis)", re.I)


#: the statistic an APA-style estimate opens with ("M = 12.4, SD = 3.1", "Mdn = 3")
_APA_STATISTIC = re.compile(r"(?:(Mdn|[Mm]edian)|M|[Mm]ean)\s*[=:]")


def _statistic(sent: str, v: Mention, prev_end: int) -> str | None:
    before = sent[max(prev_end, v.start - 90) : v.start]
    after = sent[v.end : v.end + 40]
    if v.vkind == "ratio":
        return v.ratio
    if v.vkind == "number" and (v.unit or "").lower().startswith("per "):
        return "rate"  # "12.4 per 10,000 person-days"
    if v.vkind == "pct":
        if _DIFF_AFTER.match(after) or re.search(r"\bdifference\b[^.;]{0,40}$", before, re.I):
            return "difference"
        if re.search(r"\bby\s*$", before, re.I) and _CHANGE_RE.search(before):
            return "difference"
        return "rate"
    if v.vkind == "mean":
        if re.search(r"\bdifference\b[^.;]{0,40}$", before, re.I):
            return "difference"
        apa = _APA_STATISTIC.match(sent, v.start)
        if apa:
            return "median" if apa.group(1) else "mean"  # "Mdn = 3, IQR 2-5"
        said = re.findall(r"\b(mean|average|median)\b", sent[max(0, v.start - 90) : v.start], re.I)
        # "the median survival time was 18 (±4) months": the statistic the text names
        return "median" if said and said[-1].lower() == "median" else "mean"
    wide = sent[max(0, v.start - 90) : v.start]
    if re.search(r"\bdifference\b[^.;]{0,40}$", before, re.I) or _DIFF_AFTER.match(after):
        return "difference"
    if _MEDIAN_BEFORE.search(wide):
        return "median"
    if _MEAN_BEFORE.search(wide):
        return "mean"
    if v.vkind == "number" and re.search(r"\bby\s*$", before, re.I) and _CHANGE_RE.search(before):
        return "difference"
    return None


# --------------------------------------------------------------------------- sentences


def _near(ms: list[Mention], kind: str, start: int, end: int) -> Mention | None:
    for m in ms:
        if m.kind == kind and start <= m.start < end:
            return m
    return None


#: "at 12 weeks", "after 6 months": a time point, not a time measured
_WHEN_BEFORE = re.compile(r"\b(?:at|after|by|within|from|to|until|up to)\s+(?:the\s+)?$", re.I)


#: "only 30 min after drug administration", "2 hours before surgery": a time point
#: counted from an event, not a time measured ("lasted 240 min after the block" is one)
_TIME_UNIT = re.compile(
    r"(?:hours?|hrs?|h|minutes?|mins?|seconds?|s|days?|weeks?|wks?|months?|years?)$", re.I
)
_FROM_EVENT_AFTER = re.compile(r"^\s*(?:after|before|post|following|later|prior\s+to|pre)\b", re.I)
_AT_TIME_BEFORE = re.compile(r"\b(?:at|after|within|until|up to)\s+(?:the\s+)?$", re.I)
_STATED_BEFORE = re.compile(
    r"(?:\b(?:was|were|is|are|of|averaged|lasted|took|required|needed|by)|[=:(\[])\s*$", re.I
)


def _time_from_event(sent: str, m: Mention) -> bool:
    """A bare time ("30 min", "2 h") followed by the event it is counted from, or
    after "at", "after", "within" ("at 90 minutes")."""
    if m.vkind not in ("time", "number") or m.spread is not None:
        return False
    unit = m.unit or sent[m.start : m.end].split()[-1]
    if not _TIME_UNIT.search(unit.strip()):
        return False
    if _AT_TIME_BEFORE.search(sent[max(0, m.start - 20) : m.start]):
        return True  # "the ratio at 90 minutes was": when, not how long
    return bool(_FROM_EVENT_AFTER.match(sent[m.end : m.end + 20])) and not _STATED_BEFORE.search(
        sent[max(0, m.start - 12) : m.start]
    )


def unkeyed_from_sentence(
    sent: str,
    keyed_values: set[float] | None = None,
    arm_names: Sequence[str] = (),
    arm_spans: Sequence[tuple[int, int]] = (),
) -> list[UnkeyedMatch]:
    """The results outside the endpoint keys one sentence states.

    `keyed_values` are the values the keyed reading already took from this
    sentence; they are not read again. `arm_names` are the paper's arm labels,
    so that a group named by its drug ("with ketamine") is recognised;
    `arm_spans` the spans of the sentence that name one of them (the arm
    resolver's, which knows their abbreviations: "in the EG")."""
    if _DESIGN_RE.search(sent):
        return []
    if _SAMPLE_RE.search(sent):
        return []
    if _AT_BASELINE_RE.search(sent) and not _CHANGE_RE.search(sent):
        return []
    ms = sentence_mentions(sent)
    vals = [
        m for m in ms
        if m.kind == "value" and m.vkind in ("pct", "time", "ratio", "mean", "number")
        and not (m.vkind == "time" and _WHEN_BEFORE.search(sent[max(0, m.start - 20) : m.start]))
    ]  # fmt: skip
    cues = [m for m in ms if m.kind == "arm"]
    if arm_names:
        cues = dedupe_overlaps(cues + named_arm_cues(sent, arm_names))
    if arm_spans:
        cues = dedupe_overlaps(cues + arm_name_cues(sent, arm_spans))
    # "45% of the 10 mg group", "in the 0.5 mg/kg arm": a dose naming a group is no value,
    # and its decimal point ends no clause where the statistic is looked for
    doses = [v for v in vals if any(c.start <= v.start < c.end for c in cues)]
    vals = [v for v in vals if v not in doses]
    worded = sent
    for d in doses:
        worded = worded[: d.start] + worded[d.start : d.end].replace(".", "·") + worded[d.end :]
    counted = _group_count_matches(sent, ms, cues)
    bare = _bare_group_values(sent, ms, cues)
    bare = dedupe_overlaps(bare + _respectively_values(sent, ms, bare))
    if bare:
        vals = sorted(vals + bare, key=lambda m: m.start)
        ms = sorted(ms + bare, key=lambda m: (m.start, -m.end))
    if not vals:
        return counted
    taken = keyed_values or set()
    # "2% lidocaine", "than that with 2% (...)": a preparation's strength names a group
    compared = compared_labels(sent)
    vals = [
        v
        for v in vals
        if not (
            (v.vkind == "pct" and _CONCENTRATION_AFTER.match(sent[v.end :]))
            or any(c.start <= v.start < c.end for c in compared)
        )
    ]
    if not vals:
        return []
    # "only 30 min after drug administration was it higher in the K group (44.5 ± 7.7)":
    # a time point counted from an event is no value and takes no group's cue
    events = {i for i, v in enumerate(vals) if _time_from_event(sent, v)}
    kept = [i for i in range(len(vals)) if i not in events]
    arms = {kept[j]: a for j, a in arm_of_values(sent, [vals[i] for i in kept], cues).items()}
    listed = _labelled_list_names(sent, vals, cues)
    primary = bool(_PRIMARY_RE.search(sent))
    p_all = [m for m in ms if m.kind == "p"]
    out: list[UnkeyedMatch] = []
    last_name: str | None = None
    last_end = 0
    last_stat: str | None = None
    last_kind: str | None = None
    pending: tuple[int, Mention, str, int] | None = None
    for i, v in enumerate(vals):
        nxt = vals[i + 1].start if i + 1 < len(vals) else len(sent)
        if i in events:
            continue
        # the measure's name may hold a time point ("the score recorded 90 min after the block")
        prev_end = max((vals[k].end for k in kept if k < i), default=0)
        if v.value in taken:
            last_name, last_end = None, v.end
            continue
        stat = _statistic(worded, v, prev_end)
        if (
            stat is None
            and last_stat
            and last_kind == v.vkind
            and _CARRY_RE.fullmatch(_strip_numbers(sent[_past_unit(sent, last_end, v) : v.start]))
        ):
            stat = (
                last_stat  # "... 128 mmHg in the A group and from 141 to 137 mmHg in the B group"
            )
        if stat is None:
            continue
        if (
            stat == "rate"
            and last_stat == "difference"
            and last_kind == v.vkind
            and (
                re.search(r"(?:,|\band)\s+by\s*$", sent[last_end : v.start])
                # "fell by 0.8%, 0.5% and 0.3% in the A, B and C groups": one list
                or re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", sent[last_end : v.start])
            )
        ):
            stat = "difference"  # "decreased by 1.1% in the A group and by 0.3% in the B group"
        if v.vkind == "pct" and _FROM_TO_RE.search(sent[max(0, v.start - 120) : v.end + 30]):
            if re.search(r"\b(?:mean|average)\b", sent[max(0, v.start - 90) : v.start], re.I):
                stat = "mean"  # "mean HbA1c fell from 8.1% to 7.2%": a measure in %, not a rate
        counts = [m for m in ms if m.kind == "count"]
        name = listed.get(i) or _group_paren_name(sent, v, last_name)
        if name is None and v.vkind == "pct":
            name = _forward_name(sent, v, counts)
        if name is None:
            name = _backward_name(sent, v, prev_end)
        between = sent[last_end : v.start]
        carried = sent[_past_unit(sent, last_end, v) : v.start]
        if name is None and last_name and _CARRY_RE.fullmatch(_strip_numbers(carried)):
            name = last_name
        if name is None and last_name and _compared_after_list(sent, carried, v, cues):
            name = last_name
        if (
            name is None
            and last_name
            and last_kind == v.vkind
            and i in arms
            and re.search(r"\bthan\b", between)
            and not re.search(r"[;.]\s", between)
        ):
            name = last_name  # "... in the A group (16.8 ± 2) smaller than in the B group (24.9 ± 2.5)"
        if (
            name is None
            and last_name
            and last_kind == v.vkind
            and out
            and i > 0
            and out[-1].start == vals[i - 1].start  # the value just read, not one of a list
            and _compared_people(sent, between, v, arms.get(i), out[-1].arm_label, cues)
        ):
            # "14 (21%) were anaemic, compared with 30 (44%) of those given placebo"
            name = last_name
        if name is not None and arms.get(i) and name.lower() == arms[i].lower():
            name = None  # "(MPS: 50.2 ± 12 years; ...": the group's label is not the measure
        if name is None:
            pending = (i, v, stat, nxt)
            continue
        if pending is not None and pending[1].vkind == v.vkind:
            # "38 of 102 (37%) in the A group and 21 of 99 (21%) in the B group were
            # abstinent": the earlier value shares the name its partner's clause gives
            j, pv, pstat, pnxt = pending
            if _CARRY_RE.fullmatch(_strip_numbers(sent[_past_unit(sent, pv.end, v) : v.start])):
                out.append(
                    _match(sent, pv, pstat, name, ms, pnxt, arms.get(j), primary, p_all, len(vals))
                )
        pending = None
        stat = _mean_in_percent(sent, v, name, stat)
        last_name, last_end, last_stat, last_kind = name, v.end, stat, v.vkind
        out.append(_match(sent, v, stat, name, ms, nxt, arms.get(i), primary, p_all, len(vals)))
    out = paired_values(sent, named_times(sent, ms, from_baseline_values(sent, out)))
    out = _for_both(sent, out)
    return out + [c for c in counted if not any(m.start <= c.start < m.end for m in out)]


#: "(44%) of those given placebo", "(8/17) in those assigned to placebo": the people of
#: a group, named by what they received, right after a value (and its count)
_PEOPLE_GIVEN_AFTER = re.compile(
    r"\s*(?:[%)\]]\s*)*(?:[(\[][^()\[\]]{1,20}[)\]]\s*)?(?:of|in|among|for)\s+(?:the\s+|all\s+)?"
    rf"(?:those|{_WHO})\s+"
    r"(?:(?:who|that)\s+(?:were\s+)?)?(?:given|receiving|received|on|taking|took|treated\s+with|"
    r"assigned\s+to|allocated\s+to|randomi[sz]ed\s+to)\s+(?:the\s+)?",
    re.I,
)
#: what compares one value with the next: "versus", "compared with", "and (in)", "whereas"
_COMPARING_RE = re.compile(
    r"\b(?:vs\.?|versus|compared\s+(?:with|to)|as\s+against|and|whereas|while)(?:\s+(?:in|of|among))?$",
    re.I,
)


def _compared_people(
    sent: str,
    between: str,
    v: Mention,
    arm: str | None,
    last_arm: str | None,
    cues: list[Mention],
) -> bool:
    """Whether `v` is the second group's value of the result just read: "Of the
    women given iron, 14 (21%) were anaemic, compared with 30 (44%) of those
    given placebo", "in 12% of the A group and in 30% of patients receiving B".
    The value is followed by the people of a group named by what they received,
    that name is one of the paper's arms (a cue) other than the earlier value's
    arm, and the words before the value (its count aside) only compare it with
    the earlier one, within one clause."""
    if arm is None or last_arm is None or arm.lower() == last_arm.lower():
        return False
    people = _PEOPLE_GIVEN_AFTER.match(sent, v.end)
    cue = next((c for c in cues if people and c.start == people.end()), None)
    if cue is None:
        return False
    if re.match(rf"\s+{_PREDICATE_VERB}\b", sent[cue.end :], re.I):
        return False  # "and 35% of those given B had fever": the value's own clause
    if re.search(r"[;.]\s", between) or _RESPECTIVELY_RE.search(sent, v.end):
        return False  # "... and 42% of patients receiving A, B and C, respectively": a list
    # "compared with 30 (", "as compared to 47/56 (": the count before the percentage
    lead = re.sub(r"\s*(?:\d+\s*/\s*)?[-−]?\d+(?:[.·]\d+)?\s*[(\[]?\s*$", "", between)
    return bool(_COMPARING_RE.search(lead.rstrip(" ,")))


#: "94% for both the A and the B groups": one value stated for each of two named groups
_FOR_BOTH_RE = re.compile(
    r"\s*(?:%|[A-Za-zµμ/]{1,8}\.?)?\s*(?:for|in|among)\s+both\s+(?:the\s+)?"
    r"(?P<a>[\w+/-]+(?:\s+[\w+/-]+){0,2}?)(?:\s+(?:groups?|arms?))?\s+and\s+(?:the\s+)?"
    r"(?P<b>[\w+/-]+(?:\s+[\w+/-]+){0,2}?)\s+(?:groups|arms)\b",
    re.I,
)


def _for_both(sent: str, out: list[UnkeyedMatch]) -> list[UnkeyedMatch]:
    """A value no group was given, stated "for both the A and the B groups":
    one result for each of the two, with the same value."""
    res: list[UnkeyedMatch] = []
    for m in out:
        both = _FOR_BOTH_RE.match(sent, m.end) if m.arm_label is None else None
        if both is None or m.outcome.comparator:
            res.append(m)
            continue
        res += [replace(m, arm_label=both.group(g).strip()) for g in ("a", "b")]
    return res


def _group_count_matches(sent: str, ms: list[Mention], cues: list[Mention]) -> list[UnkeyedMatch]:
    """ "One patient in group A and 4 in group B had nausea": a count per group."""
    from litkg.extractor.components.unkeyed_counts import group_counts

    found = group_counts(sent, cues)
    if not found:
        return []
    primary = bool(_PRIMARY_RE.search(sent))
    p_all = [m for m in ms if m.kind == "p"]
    p = p_all[0].value if len(p_all) == 1 and len(found) == 2 else None
    tps = [m for m in ms if m.kind == "timepoint"]
    tp = tps[0] if len(tps) == 1 else None
    out: list[UnkeyedMatch] = []
    for g, name in found:
        o = Outcome(
            endpoint=None,
            statistic="count",
            value=float(g.n),
            name=name,
            events=g.n,
            p=p,
            timepoint=sent[tp.start : tp.end] if tp else None,
            timepoint_months=tp.months if tp else None,
            primary=primary,
        )
        out.append(
            UnkeyedMatch(o, g.start, g.end, "outcomes.unkeyed.sentence.group_count", g.label)
        )
    return out


def _labelled_list_names(sent: str, vals: list[Mention], cues: list[Mention]) -> dict[int, str]:
    """ "Serum IL-6 fell more with X (X40: 12.1 ± 3.0; X80: 11.4 ± 2.9; placebo:
    15.2 ± 3.3)": values of one parenthesis, each after a group's label and a
    colon, are the measure the clause before the parenthesis names."""
    out: dict[int, str] = {}
    for p in re.finditer(r"\(((?:[^()]|\([^()]*\))*)\)", sent):
        inside = [i for i, v in enumerate(vals) if p.start() < v.start < p.end()]
        if len(inside) < 2:
            continue
        labelled = [
            i
            for i in inside
            if any(
                c.end <= vals[i].start
                and re.fullmatch(r"(?:\s+(?:group|arm))?\s*[:=]\s*", sent[c.end : vals[i].start])
                or (c.start < vals[i].start and c.end >= vals[i].start - 2)
                for c in cues
                if p.start() < c.start
            )
        ]
        if labelled != inside:
            continue
        head = sent[: p.start()]
        head = head[max((c.end() for c in re.finditer(r"[;:]\s|\.\s", head)), default=0) :]
        head = re.sub(r"^[A-Z][\w-]*(?:\s+[\w-]+){0,4},\s+", "", head.strip())  # "At week 8, "
        head = _LEAD_WORDS.sub("", _LEAD_TIME.sub("", head))
        m = _PEOPLE_OBJECT_RE.match(head) or _CLAUSE_SUBJECT_RE.match(head)
        if not m or _WHO_START.match(m.group("np")) or _NOT_RESULT_SUBJECT.search(m.group("np")):
            continue
        name = _clean_name(m.group("np"))
        if name:
            out.update(dict.fromkeys(inside, name))
    return out


_RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.I)
_BARE_RE = re.compile(
    r"(?<![\w.·/=<>≤≥^-])(?P<v>[-−+]?\d+[.·]\d+)(?![\w·%/×-]|\.\d|\s*(?:%|-fold|fold|times|[-–—]\s*\d))"
)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)
_TO_AFTER = re.compile(r"^\s*(?:at\s+[\w-]+(?:\s+[\w-]+)?\s+)?to\s+[-−+]?\d", re.I)
_TO_BEFORE = re.compile(
    r"\bfrom\s+[-−+]?\d+(?:[.·]\d+)?\s*(?:at\s+[\w-]+(?:\s+[\w-]+)?\s+)?to\s*$", re.I
)
#: "SD from 5.92 to", "standard deviation of", "(SE 1.2 and": a spread's number
_SPREAD_BEFORE = re.compile(
    rf"\b(?:{SPREAD_WORDS})\s*[:=]?\s*"
    r"(?:(?:was|were|of|from|changed\s+from)\s+)?"
    r"(?:[-−]?\d+(?:[.·]\d+)?\s*(?:to|and|vs\.?|versus|[-–—,])\s*)?$",
    re.I,
)
_CUE_AFTER = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:in|for|among|with|on)\s+", re.I)


def _bare_group_values(sent: str, ms: list[Mention], cues: list[Mention]) -> list[Mention]:
    """Decimals printed without a unit ("the mean VAS score improved from 4.05
    to 0.53 in the calcitonin group", "a mean score of 12.4 in the yoga group")
    where a group is named for them: one ending "from x to y" in a clause with
    a group cue, or followed by the group's cue. Alone, a bare number is
    nobody's value; the statistic must still be stated (mean, median, a
    difference), as for any value."""
    if not cues:
        return []
    taken = [
        (m.start, m.end) for m in ms if m.kind in ("value", "ci", "p", "count", "n", "timepoint")
    ]
    masked = masked_spans(sent)
    out: list[Mention] = []
    for m in _BARE_RE.finditer(sent):
        a, b = m.start("v"), m.end("v")
        if any(s <= a < e or a <= s < b for s, e in taken) or inside(a, masked):
            continue
        before, after = sent[:a], sent[b:]
        if _SPREAD_BEFORE.search(before[-40:]):
            continue  # "with the SD from 5.92 to 5.16": spreads, not the group's values
        ranged = (_FROM_BEFORE.search(before) and _TO_AFTER.match(after)) or _TO_BEFORE.search(
            before[-40:]
        )
        if ranged:
            clause_start = max((c.end() for c in re.finditer(r"[;.]\s", before)), default=0)
            grouped = any(clause_start <= c.start for c in cues)
        else:
            near = _CUE_AFTER.match(after)
            grouped = bool(near) and any(
                b + near.end() - 4 <= c.start <= b + near.end() + 4 for c in cues
            )
        if not grouped:
            continue
        v = to_float(m.group("v").replace("−", "-").replace("·", ".").lstrip("+"))
        if v is not None:
            out.append(Mention("value", a, b, value=v, vkind="number"))
    return out


_BARE_NUM = r"[-−]?\d+[.·]\d+"
#: "0.92, 6.16, and 4.84", "17.2 and 6.9": decimals listed together, none a range's bound,
#: a ratio, a percentage or a number glued to a word
_BARE_RUN_RE = re.compile(
    rf"(?<![\w.·/=<>≤≥^–—-])(?<![–—-]\s)"
    rf"(?P<run>{_BARE_NUM}(?:\s*,\s*{_BARE_NUM})*\s*,?\s*(?:and|vs\.?|versus)\s+{_BARE_NUM})"
    r"(?![\w·%/×]|[.·]\d|\s*(?:%|-fold|fold|times|[-–—]\s*\d))"
)
#: what the run of numbers is before "respectively": its unit and its groups, no number
_RESPECTIVELY_AFTER = re.compile(r"^[^\d;.()\[\]]{0,80}?\brespectively\b", re.I)
#: a test's or a correlation's numbers, not the groups' values
_NOT_LIST_BEFORE = re.compile(
    r"\b(?:[pPFtTrRzZ]|values?|coefficients?|correlations?|ratios?|ORs?|HRs?|RRs?|CIs?|"
    r"ranges?|ranged)\s*(?:[-=<>:]|of|were|was|from|between)?\s*$"
)


def _respectively_values(sent: str, ms: list[Mention], bare: list[Mention]) -> list[Mention]:
    """Decimals printed without a unit, listed for the groups the sentence
    lists, in order ("Mean pain scores were 0.92, 6.16 and 4.84 in the A, B and
    C groups, respectively", "in the X and Y arms averaged 17.2 and 6.9
    degrees, respectively"): one number a group, as many as the groups. The
    statistic must still be stated, as for any bare number."""
    if not _RESPECTIVELY_RE.search(sent):
        return []
    labels = list(dict.fromkeys(label.lower() for label, _ in coordinated_labels(sent)))
    if len(labels) < 2:
        return []
    taken = [
        (m.start, m.end)
        for m in [*ms, *bare]
        if m.kind in ("value", "ci", "p", "count", "n", "timepoint")
    ]
    masked = masked_spans(sent)
    measured = {m.start: m for m in ms if m.kind == "value" and m.vkind == "number" and m.unit}
    out: list[Mention] = []
    for run in _BARE_RUN_RE.finditer(sent):
        nums = list(re.finditer(_BARE_NUM, run.group("run")))
        if len(nums) != len(labels) or not _RESPECTIVELY_AFTER.match(sent[run.end() :]):
            continue
        if _NOT_LIST_BEFORE.search(sent[max(0, run.start() - 30) : run.start()]):
            continue
        spans = [(run.start() + n.start(), run.start() + n.end()) for n in nums]
        # "2.31 and 3.05 mm": the last number, read with its unit, lends it to the others
        last = measured.get(spans[-1][0])
        if last is not None:
            spans, nums = spans[:-1], nums[:-1]
        if any(s <= a < e or a <= s < b for a, b in spans for s, e in taken) or any(
            inside(a, masked) for a, _ in spans
        ):
            continue
        for (a, b), n in zip(spans, nums, strict=True):
            v = to_float(n.group().replace("−", "-").replace("·", "."))
            if v is not None:
                unit = last.unit if last is not None else None
                out.append(Mention("value", a, b, value=v, vkind="number", unit=unit))
    return out


_CONCENTRATION_AFTER = re.compile(
    r"^\s*(?:w/v|v/v|wt\b|[a-z]*(?:caine|xidine|azole|mycin|cillin|sone|olone)\b|"
    r"(?:[a-z]+\s+)?(?:solution|gel|cream|ointment|saline|glucose|dextrose|lotion|mouthwash|"
    r"rinse|spray|drops?|eye drops)\b)",
    re.I,
)
_FROM_TO_RE = re.compile(
    r"\bfrom\s+[-−]?\d+(?:[.·]\d+)?\s*(?:%|[^\s\d]{1,8})?\s+to\s+[-−]?\d+(?:[.·]\d+)?", re.I
)


# a unit left after the numbers are stripped ("µg L" of "µg/L")
_UNIT = (
    r"(?:\s*(?:[µμ][A-Za-z]{0,3}(?:\s+[A-Za-z]{1,3})?|[a-z]{1,4}\s+(?:L|l|dL|dl|mL|ml|kg|m2|min|h|d)|"
    r"mm\s?Hg|kg|cm|mm|mg|g|points?|bpm|mL|ml|L|dL|s|secs?|seconds?|ms|min|mins|minutes?|h|hrs?|"
    r"hours?|d|days?|wks?|weeks?|mos?|months?|y|yrs?|years?|IU|U|mmol|µmol|nmol|ng|pg|cm2|m)"
    r"(?=[\s,;)\]]))?"
)
_CARRY_RE = re.compile(
    # what may stand between two values of one result: "vs", "and in the B group", or
    # "in the A group and from" (a second "from x to y")
    rf"{_UNIT}[\s,;()\[\]]*(?:and|or|vs\.?|versus|compared\s+(?:with|to)|to|from)?[\s,()\[\]]*"
    r"(?:(?:in|for|with|under)\s+(?:the\s+)?[\w+/ -]{1,30}?(?:\s+(?:group|arm|condition)s?)?[\s,()]*)?"
    rf"|{_UNIT}[\s,;()\[\]]*(?:{_WHO}\s+)?(?:in|for|with|under)\s+(?:the\s+)?[\w+/ -]{{1,30}}?\s+(?:group|arm|condition)s?[\s,;()]*"
    r"(?:and|or|vs\.?|versus|compared\s+(?:with|to))\s+(?:from\s*)?"
    # "1.3 (placebo) and 1.8 (erlotinib) months": each value's group in its parenthesis
    r"|[\s,;]*\([\w+/ -]{1,30}\)[\s,;]*(?:and|or|vs\.?|versus)\s+"
    # "(412 m) and the swimming (388 m) groups": the next label opens the next value
    # "3.2 ± 1.1 vs group C 4.5 ± 1.3": the next group's designator before its value
    rf"|{_UNIT}[\s,;()\[\]]*(?:and|or|vs\.?|versus|compared\s+(?:with|to))?\s*(?:the\s+)?"
    r"(?:[Gg]roup|[Aa]rm)\s+[A-Z]{1,3}\d{0,2}\s*[:,=]?\s*"
    # "(mean -0.3 ...) versus control (mean -0.5 ...)": the next group's parenthesis
    rf"|{_UNIT}[\s,;()\[\]]*(?:and|or|vs\.?|versus|compared\s+(?:with|to))\s+(?:the\s+)?"
    r"[\w+/-]+(?:\s+[\w+/-]+)?\s*[(\[]\s*(?:(?:mean|median)\s+)?"
    # "16% of treatment and 11% of control": one word for the first value's group
    # "45% of the 10 mg group, 50% of the 40 mg group and": a comma lists the next one
    rf"|{_UNIT}[\s,;]*(?:the\s+)?[\w+/-]+(?:\s+(?:group|arm)s?)?"
    r"(?:[\s,;]*(?:and|or|vs\.?|versus)\s+|\s*,\s*)(?:the\s+)?"
    # "from 17.89 at pre-test to 15.55": the second value of a change
    rf"|{_UNIT}\s+at\s+[\w-]+(?:\s+[\w-]+)?(?:\s+to)?\s+"
    # "from 4.05 to 0.53 while in the placebo group from 3.36": the next group's change
    rf"|{_UNIT}[\s,;]*(?:while|whereas|and|but)\s+(?:in|for|with|under)\s+(?:the\s+)?[\w+/ -]{{1,30}}?"
    r"\s+(?:group|arm|condition)s?[\s,]*(?:it\s+)?(?:(?:was|were|fell|rose|changed|decreased|increased|improved)\s+)?"
    r"(?:from|to|by|at|of)?\s*"
    # "6 (8.1%) in control, and in 2 (2.7%)": a group's result, then the next one's
    rf"|{_UNIT}[\s,;()\[\]]*(?:in|for|with)\s+(?:the\s+)?[\w+/-]+(?:\s+[\w+/-]+)?[\s,;()]*"
    # "... in the A group and in fourteen of 30 women (47%)": the count's people too
    rf"(?:and|or|vs\.?|versus)\s+(?:in|for|with)\s+(?:the\s+)?\s*(?:{_WHO}\s*)?[\s(\[]*"
    # "(5.9%) patients who received X compared to 8 of 91 (": the people of one arm, then
    # the next one's count
    rf"|{_UNIT}[\s,;()\[\]]*(?:{_WHO}\s+|those\s+)?(?:who|that)\s+(?:had\s+)?"
    r"(?:received|took|used|underwent|were\s+given|were\s+treated\s+with)\s+[\w+/ -]{1,30}?"
    r"[\s,;()]*(?:and|or|vs\.?|versus|compared\s+(?:with|to)|whereas|while)\s+"
    r"(?:(?:in|of|among)\s+)?[\s(\[]*",
    re.I,
)


#: a word printed after a value as its unit ("24N", "3.1 Nm", "5.6 times per week",
#: "12 µmol/mmol"): a letter first, no function word, optionally "per <word>"
_UNIT_WORD = r"[A-Za-zµμ°Ω][\w/°²³·%-]*"
_UNIT_AFTER_RE = re.compile(
    rf"[ \u00a0]?(?P<u>{_UNIT_WORD}(?:\s+per\s+{_UNIT_WORD})?)(?=[\s,;:)\]]|$)(?!\s*[=<>≤≥])"
)
_NOT_UNIT_WORD = re.compile(
    rf"(?:and|or|nor|vs|versus|in|on|for|with|without|among|under|during|of|at|by|to|from|the|a|an|"
    rf"respectively|compared|than|while|whereas|but|was|were|is|are|had|has|"
    rf"groups?|arms?|{_WHO})$",
    re.I,
)


def _past_unit(sent: str, end: int, v: Mention) -> int:
    """Where the words between an earlier value (ending at `end`) and `v`
    begin once the unit printed after both is skipped: "354 ± 24N vs ON
    360 ± 23N", "5.6 times per week, respectively, compared with 2.6 times per
    week in the placebo group" (a unit the vocabulary does not know; the
    value keeps no unit, the words only stop hiding the values' link)."""
    a, b = _UNIT_AFTER_RE.match(sent, end), _UNIT_AFTER_RE.match(sent, v.end)
    if a is None or b is None or a.group("u") != b.group("u"):
        return end
    if _NOT_UNIT_WORD.match(a.group("u").split()[0]):
        return end
    return a.end()


#: "5.7 and 5.6 times per week, respectively, compared with 2.6 ...": a list closed,
#: then the value it is compared with
_RESPECTIVELY_COMPARED_RE = re.compile(
    r"[\s,;()\[\]]*respectively[\s,;]+(?:compared\s+(?:with|to)|vs\.?|versus)\s+", re.I
)


def _compared_after_list(sent: str, between: str, v: Mention, cues: list[Mention]) -> bool:
    """A value compared with a list closed by "respectively" is the same measure
    where a group is named right after it ("... compared with 2.6 ± 2.9 times per
    week in the placebo group"); where no group is, the comparison may be of
    another condition ("compared to 66.5 and 57.5% without the add-on"), which is
    not the list's measure."""
    if not _RESPECTIVELY_COMPARED_RE.fullmatch(between):
        return False
    unit = _UNIT_AFTER_RE.match(sent, v.end)
    end = unit.end() if unit and not _NOT_UNIT_WORD.match(unit.group("u").split()[0]) else v.end
    near = _CUE_AFTER.match(sent[end:])
    return bool(near) and any(abs(c.start - (end + near.end())) <= 4 for c in cues)


def _strip_numbers(text: str) -> str:
    text = re.sub(r"95\s?%\s*(?:CI|confidence intervals?)[^,;)\]]*", " ", text, flags=re.I)
    text = re.sub(r"\b(?:IQR|interquartile range|range|SD)\b[:,]?", " ", text, flags=re.I)
    text = re.sub(r"\b[pP]\s*[=<>≤≥]\s*[.\d·]+", " ", text)
    # "fourteen of 30": a count spelled out is a number like "14 of 30"
    text = re.sub(rf"\b{NUMBER_WORDS}\b(?=\s+(?:out\s+)?of\s+\d)", " ", text, flags=re.I)
    # "compared to" keeps its "to" (a separator of two groups' values, as "compared with")
    return re.sub(
        r"[-−]?\d+(?:[.·]\d+)?\s*%?|\b(?:n|N)\s*=|\bof\b|/|–|-|(?<!compared\s)\bto\b", " ", text
    )


_SHARE_WORDS = re.compile(
    r"\b(?:percentages?|proportions?|rates?|shares?|numbers?|frequenc\w+|incidence|prevalence)\b",
    re.I,
)


@lru_cache(maxsize=1024)
def _said_statistic(name: str) -> re.Pattern[str]:
    """ "mean|average|median" and up to two words before `name` (one regex per
    measure's name, compiled once: a paper names its measures many times)."""
    return re.compile(
        rf"\b(?P<s>mean|average|median)\s+(?:(?!(?:was|were|is|are)\b)[\w-]+\s+){{0,2}}?"
        rf"{re.escape(name)}\b",
        re.I,
    )


def _mean_in_percent(sent: str, v: Mention, name: str, stat: str) -> str:
    """ "Mean HbA1c was 7.1% in the A group": a measure in percent whose mean (or
    median) the sentence names is that statistic, not a rate of people. A change
    in percent ("increased 100%", "26% and 29% lower") is left as it was read."""
    if v.vkind != "pct" or stat != "rate":
        return stat
    head = sent[: v.start]
    low = folded(head)
    if "mean" not in low and "average" not in low and "median" not in low:
        return stat  # the statistic's word is needed (most sentences name none)
    said = _said_statistic(name).search(head)
    if said is None or _SHARE_WORDS.search(sent[said.end() : v.start]):
        return stat  # "while the mean X was similar, the percentage above 2 SD was 7%"
    if re.search(r"\b(?:below|above|under|over|than)\s+the\s+$", sent[: said.start()], re.I):
        return stat  # "the proportion with TTR below the mean was ..."
    before = sent[max(0, v.start - 25) : v.start]
    if (
        _CHANGED_BY.search(before)
        or re.search(r"\bby\s+$", before)
        or _CHANGE_AFTER.match(sent[v.end :])
    ):
        return stat
    return "median" if said.group("s").lower() == "median" else "mean"


_CHANGED_BY = re.compile(
    r"\b(?:increased|decreased|reduced|rose|fell|dropped|declined|improved|changed|gained|lost)"
    r"\s+(?:by\s+)?(?:about\s+|approximately\s+)?$",
    re.I,
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?:,|and|or|vs\.?|versus)\s*[-−]?\d+(?:[.·]\d+)?\s*%\s*)*(?:,\s*)?(?:respectively\s*)?"
    r"(?:lower|higher|greater|smaller|less|more|reduction|increase|decrease|improvement|"
    r"decline|rise|fall|from\s+baseline)\b",
    re.I,
)


#: what stands between a count and its rate: the counted people ("12 of 40 patients (")
_COUNTED_PEOPLE = re.compile(rf"\s+(?:[\w-]+\s+)?{_WHO}\s*[(\[]\s*", re.I)


def _match(sent, v, stat, name, ms, nxt, label, primary, p_all, n_vals) -> UnkeyedMatch:
    ci_m = _near(ms, "ci", v.end, min(nxt, v.end + 60))
    p_m = _near(ms, "p", v.end, min(nxt, v.end + 90))
    if p_m is None and n_vals == 2 and len(p_all) == 1 and p_all[0].start > v.end:
        p_m = p_all[0]  # one p for the comparison both values make
    disp = None
    if v.vkind == "mean" and v.spread is not None:
        disp = Dispersion(v.dispersion or "unknown", v.spread)
    elif v.vkind == "mean" and v.low is not None and v.high is not None:
        disp = Dispersion(v.dispersion or "range", (v.low, v.high))  # "Mdn = 3, IQR 2-5"
    else:
        rng = re.match(
            r"\s*[\[(]\s*(?P<k>range|IQR|interquartile range)?[:,]?\s*(?P<a>[-−]?\d+(?:[.·]\d+)?)\s*"
            r"(?:-|–|—|to)\s*(?P<b>[-−]?\d+(?:[.·]\d+)?)\s*[\])]",
            sent[v.end :],
            re.I,
        )
        if rng and stat in ("median", "mean") and rng.group("k"):
            kind = "range" if rng.group("k").lower() == "range" else "iqr"
            lo, hi = (float(rng.group(x).replace("·", ".").replace("−", "-")) for x in ("a", "b"))
            disp = Dispersion(kind, (lo, hi))
    events = total = None
    if v.vkind == "pct":
        c = [
            m
            for m in ms
            if m.kind == "count"
            and (
                abs(m.end - v.start) <= 3
                or 0 <= m.start - v.end <= 4
                # "nine of 31 women (29%)": the count, its people, then the rate
                or (m.end < v.start and _COUNTED_PEOPLE.fullmatch(sent[m.end : v.start]))
            )
        ]
        if c:
            events, total = c[0].events, c[0].total
        else:
            m = re.search(r"(\d+)\s*[(\[]\s*$", sent[max(0, v.start - 10) : v.start])
            of = re.match(r"\s*[\])]\s*of\s+(\d+)\b", sent[v.end :])
            if m and of and int(m.group(1)) <= int(of.group(1)):
                events, total = int(m.group(1)), int(of.group(1))
    tp = None
    for t in ms:
        if t.kind == "timepoint" and (v.end <= t.start < nxt or 0 <= v.start - t.end < 60):
            tp = t
            break
    if tp is None:
        tp = leading_timepoint(sent, ms, v)
    unit = "%" if v.vkind == "pct" else v.unit
    comparator = "control" if stat in ("or", "rr", "hr", "sdhr", "difference") else None
    outcome = Outcome(
        endpoint=None,
        statistic=stat,
        value=v.value if v.value is not None else 0.0,
        unit=unit,
        timepoint_months=tp.months if tp else None,
        arm=None,
        ci=(ci_m.low, ci_m.high)
        if ci_m and ci_m.low is not None and ci_m.high is not None
        else None,
        p=p_m.value if p_m else None,
        name=name,
        dispersion=disp,
        events=events,
        total=total,
        timepoint=sent[tp.start : tp.end] if tp else None,
        comparator=comparator,
        primary=primary,
    )
    return UnkeyedMatch(outcome, v.start, v.end, f"outcomes.unkeyed.sentence.{v.vkind}", label)


# --------------------------------------------------------------------------- tables


def unkeyed_from_table(
    model: TableModel,
    keyed_rows: set[int] | None = None,
    is_arm: Callable[[str], bool] | None = None,
) -> list[tuple[int, UnkeyedMatch]]:
    """Results of a result table whose rows are not endpoint keys (see
    `unkeyed_tables`): per arm, n (%) -> rate (events, total), mean (SD) ->
    mean with its dispersion, median (IQR/range) -> median; ratio and
    difference columns -> the comparison. Baseline, safety and design tables
    give none."""
    from litkg.extractor.components.unkeyed_tables import unkeyed_from_table as read

    return [
        (r, UnkeyedMatch(o, 0, 0, "outcomes.unkeyed.table", label))
        for r, o, label in read(model, keyed_rows, is_arm)
    ]


def with_arm(m: UnkeyedMatch, role: str | None) -> UnkeyedMatch:
    """The match with its arm role set."""
    return replace(m, outcome=replace(m.outcome, arm=role))
