"""Which arm a result table's column or row stands for, as the record names it
(RECORD.md: `arm` is "<role or label>").

A role tells two arms apart only when they have different roles. In a table
whose arms all read as "intervention" (three groups A/B/C, dose cohorts, two
treatment periods, "Users" beside "Nonusers", "CF" and "P" rows that name no
role), giving each the role would attach every arm's value to one arm; each
keeps its printed label instead. A label that names no arm but an analysis
set ("Observed", "Imputed (LOCF)", "Completers") is no arm at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from litkg.extractor.vocab import load_vocab

if TYPE_CHECKING:
    from litkg.extractor.components.unkeyed_outcomes import UnkeyedMatch

M = TypeVar("M", bound="UnkeyedMatch")

# roles that stand for one arm each; "overall" and "subgroup" may be several
_ARM_ROLES = frozenset({"intervention", "control"})

# the analysis set a column reports, not a group of patients given something
ANALYSIS_SET = re.compile(
    r"(?i)^\s*(?:as[- ])?(?:observed(?:\s+cases?)?|imputed|imputation|oc|locf|bocf|nri|mi|"
    r"multiple imputation|completers?|completer analysis|(?:modified\s+)?itt|m?itt|"
    r"intention[- ]to[- ]treat|per[- ]protocol|pp)"
    r"(?:\s*[(\[][^()\[\]]*[)\]])?\s*$"
)


# a column of an arm's block that holds no value of the arm's outcome: the sample's
# extremes ("Min.", "Maximum"), what the scale allows ("Maximum points (Number of
# questions)", "Possible range", "Normal range"), or an effect size between the
# arms ("Partial η²", "Eta squared", "Hedges' g"), the square's mark often lost
_NOT_ARM_VALUE = re.compile(
    r"(?i)^\s*(?:"
    r"min(?:imum)?\.?\s*[-–/,&]?\s*(?:and\s+)?max(?:imum)?\.?"
    r"|(?:min(?:imum)?|max(?:imum)?|lowest|highest)\.?(?:\s+(?:possible\s+)?(?:points?|scores?|values?))?"
    r"|(?:possible|potential|score|normal|reference)\s+(?:ranges?|values?|scores?|points?)"
    r"|(?:no\.?|number)\s+of\s+(?:items|questions)|cut[- ]?offs?(?:\s+(?:values?|points?))?"
    r"|(?:partial\s+)?(?:eta|η|omega|ω)(?:[\s-]*(?:squared?|2|²))?(?:\s+(?:η|ω)\s*(?:2|²)?)?"
    r"|hedges[’']?\s*g|glass[’']?s?\s*(?:Δ|delta)"
    r")\s*(?:[(\[][^()\[\]]*[)\]])?\s*[*†‡§¶]*\s*$"
)


# a column headed by a statistic alone ("Geometric mean | Minimum | Median"): the
# sample's summary, no arm's (under an arm's heading the same label is the arm's)
_BARE_STATISTIC = re.compile(
    r"(?i)^\s*(?:geometric|arithmetic|adjusted|least[- ]squares?|ls|overall)\s+means?\s*"
    r"(?:[(\[][^()\[\]]*[)\]])?\s*$"
)


def is_bare_statistic(labels: tuple[str, ...]) -> bool:
    """Whether a column's only header label is a statistic's ("Geometric mean"),
    with no arm's heading above it."""
    return len(labels) == 1 and bool(_BARE_STATISTIC.match(labels[0]))


def is_not_arm_value(label: str | None) -> bool:
    """Whether a column's own label says its cells are no arm's value of the
    row's outcome ("Min.", "Maximum points", "Partial η2"), whatever arm
    heading spans it."""
    return bool(label and _NOT_ARM_VALUE.match(label))


_PAIR = re.compile(r"^\d+\s*/\s*\d+\s*[*†‡§¶a-d]?$")
_COUNT_PART = re.compile(r"(?i)^\s*(?:n|no\.?|number|total|all|%|events?|patients?)\s*$")


def joins_two_arms(label: str | None, cells: list[str], names_arm: Callable[[str], bool]) -> bool:
    """Whether a column's label is two groups joined by a slash ("Placebo/Drug X",
    "Sham / Active") over cells of two numbers ("21/22"): the cells print both
    arms' numbers, not one arm's events of its total ("Number improved/n" is
    one arm's count, "Placebo/vehicle" over "12 (40%)" one arm)."""
    if not label or label.count("/") != 1:
        return False
    left, right = (part.strip() for part in label.split("/"))
    if len(left) < 2 or len(right) < 2 or _COUNT_PART.match(left) or _COUNT_PART.match(right):
        return False
    filled = [c.strip() for c in cells if c.strip()]
    pairs = [c for c in filled if _PAIR.match(c)]
    return (names_arm(left) or names_arm(right)) and len(pairs) * 2 > len(filled) > 0


def is_analysis_set(label: str | None) -> bool:
    """Whether a column's label names an analysis set ("Imputed (LOCF)"), not an arm."""
    return bool(label and ANALYSIS_SET.match(label))


def table_arms(
    labels: list[str],
    role_of: Callable[[str], str | None],
    arm_of: Callable[[str], int | None],
) -> dict[str, str | None]:
    """Printed label -> the arm to record for it: its role where that tells it
    from the table's other arms, else the label itself. `arm_of` says which of
    the paper's arms a label names (None: unknown), so two labels of one arm
    ("Drug (n=20)", "Drug") keep their shared role."""
    roles = {label: role_of(label) for label in dict.fromkeys(labels)}
    arms_by_role: dict[str, set[object]] = {}
    for label, role in roles.items():
        if role in _ARM_ROLES:
            idx = arm_of(label)
            arms_by_role.setdefault(role, set()).add(idx if idx is not None else label.lower())
    return {
        label: label if role in _ARM_ROLES and len(arms_by_role[role]) > 1 else role
        for label, role in roles.items()
    }


def analysis_sets(hits: list[tuple[int, M]], one_cohort: bool) -> list[tuple[int, M]]:
    """A table's results with columns of analysis sets read: where every arm
    label is an analysis set ("Observed | Imputed" under each time point) and
    the paper has one cohort, the values are the cohort's (`overall`), each
    named with its analysis set so the two readings stay apart; anywhere else
    an analysis-set column is no arm's and gives nothing."""
    labelled = [m.arm_label for _r, m in hits if m.arm_label]
    if not any(is_analysis_set(label) for label in labelled):
        return hits
    whole = one_cohort and all(is_analysis_set(label) for label in labelled)
    out: list[tuple[int, M]] = []
    for r, m in hits:
        if not is_analysis_set(m.arm_label):
            out.append((r, m))
        elif whole:
            # "Imputed (NRI)" -> "imputed, NRI"
            label = re.sub(r"\s*[(\[]\s*([^()\[\]]*?)\s*[)\]]", r", \1", m.arm_label or "")
            qualifier = re.sub(r"\s+", " ", label).strip()
            qualifier = qualifier[:1].lower() + qualifier[1:]
            name = f"{m.outcome.name} ({qualifier})" if m.outcome.name else m.outcome.name
            out.append((r, replace(m, arm_label="overall", outcome=replace(m.outcome, name=name))))
    return out


@cache
def _intervention_words() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_vocab("role_words")["intervention"])
    return re.compile(
        rf"(?i)^\s*(?:the\s+)?(?:{words})(?:[\s-]+(?:{words}))*(?:[\s-]+(?:group|arm|cohort|condition|patients|"
        rf"participants|subjects))?s?\s*$"
    )


def names_intervention_role(label: str | None) -> bool:
    """Whether a group's label names the intervention arm by its role alone ("the
    treatment group", "experimental arm"; ontology/vocab/role_words.json)."""
    return bool(label and _intervention_words().match(label))


T = TypeVar("T")


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.011, 0.01 * abs(b))


def orient_differences(
    hits: list[tuple[T, int, M]], arms: dict[str, str | None]
) -> list[tuple[T, int, M]]:
    """(table, row, match) of a paper's table results, a between-arm difference
    read as intervention minus control turned round where the row's own arm
    values show it is control minus intervention ("Placebo 0.14 | Drug 0.19 |
    Difference -0.054" is placebo's minus the drug's: the drug's difference is
    +0.054). A difference the arms' values do not explain is left as printed."""
    by_row: dict[tuple[int, int], list[M]] = {}
    for table, r, m in hits:
        by_row.setdefault((id(table), r), []).append(m)
    out: list[tuple[T, int, M]] = []
    for table, r, m in hits:
        o = m.outcome
        if o.statistic != "difference" or o.comparator != "control" or o.arm != "intervention":
            out.append((table, r, m))
            continue
        values: dict[str, list[float]] = {"intervention": [], "control": []}
        for other in by_row[(id(table), r)]:
            arm = arms.get(other.arm_label or "")
            x = other.outcome
            if (
                arm in values
                and not x.comparator
                and x.statistic in ("mean", "median", "rate")
                and x.value is not None
                and x.timepoint == o.timepoint
            ):
                values[arm].append(x.value)
        if len(values["intervention"]) != 1 or len(values["control"]) != 1 or o.value is None:
            out.append((table, r, m))
            continue
        gap = values["intervention"][0] - values["control"][0]
        for scale in (1.0, 0.01):  # a difference in proportions beside percentages
            if _near(o.value, gap * scale) or gap == 0:
                break
            if _near(o.value, -gap * scale):
                ci = (-o.ci[1], -o.ci[0]) if o.ci is not None else None
                m = replace(m, outcome=replace(o, value=-o.value, ci=ci))
                break
        out.append((table, r, m))
    return out
