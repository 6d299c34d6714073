"""spaCy factories: thin wrappers that run the pure extraction functions of
each component module over a processed `Doc`, plus the assembly of a
`StudyRecord` from what they found."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from litkg.extractor.components import allocated, arm_clauses, arm_contrast, arm_lists
from litkg.extractor.components import arm_resolver as res_mod
from litkg.extractor.components import arms as arms_mod
from litkg.extractor.components import outcomes as outcomes_mod
from litkg.extractor.components import table_subgroups as ts_mod
from litkg.extractor.document import Document, Table
from litkg.extractor.pipeline import (
    HYPOTHETICAL_RE,
    _facts,
    _span,
    cites_other_work,
    doc_text,
    own_result_sentences,
    provenance,
    sentences,
)
from litkg.extractor.records import (
    AdverseEvent,
    Arm,
    Intervention,
    Outcome,
    Reference,
    Study,
    StudyRecord,
)
from litkg.extractor.tables import read_table

COMPONENTS = [
    "litkg_study",
    "litkg_interventions",  # before arms: an arm without a printed label takes the drug's name
    "litkg_arms",
    "litkg_outcomes",
    "litkg_adverse_events",
    "litkg_references",
]

#: the modules the components import when they first run
COMPONENT_MODULES = (
    "own_bib",
    "study",
    "interventions",
    "unkeyed_names",
    "unkeyed_outcomes",
    "adverse_events",
    "references",
)


def import_component_modules() -> None:
    """Import the modules the components load on first use (their module-level
    patterns compile here), so that building the pipeline loads them rather
    than extracting its first document."""
    import importlib

    for name in COMPONENT_MODULES:
        importlib.import_module(f"litkg.extractor.components.{name}")


def _source(doc: Doc) -> Document:
    source = doc._.litkg_document
    if source is None:
        source = Document(doc_id="doc", source="<text>", source_format="text", text=doc.text)
        doc._.litkg_document = source
    return source


def _sentences(doc: Doc) -> list[tuple[str, int]]:
    return [(text, start) for text, start, _ in sentences(doc)]


# ------------------------------------------------------------------ study


@Language.component("litkg_study")
def study_component(doc: Doc) -> Doc:
    """Study metadata: title, DOI, journal, year, registrations, phase, design."""
    from litkg.extractor.components.own_bib import find_own_bibliography
    from litkg.extractor.components.study import extract_study, find_title

    source = _source(doc)
    study = extract_study(source, _sentences(doc))
    title = find_title(source)
    own = find_own_bibliography(source, title.end if title else None)
    study = replace(
        study, first_author=own.first_author, volume=own.volume, first_page=own.first_page
    )
    _facts(doc)["study"] = [study]
    for p in study.provenance:
        _span(doc, p.char_start, p.char_end, p.rule, "study")
    return doc


# ------------------------------------------------------------------ arms


@Language.component("litkg_arms")
def arms_component(doc: Doc) -> Doc:
    """Arms with sizes: the main arms from table headers and allocation
    sentences (with the resolver that names them for outcomes and adverse
    events), else the analysed cohort; then subgroups."""
    source = _source(doc)
    sents = own_result_sentences(doc)
    found, resolver, overall = _main_arms(doc, source, sents)
    _facts(doc)["arm_resolver"] = [resolver]
    _facts(doc)["overall_arm"] = [overall] if overall else []
    if not any(a.role == "intervention" for a in found):
        best: tuple[int, int, int, int, int] | None = None  # rank, order, n, start, end
        for order, (text, start, end) in enumerate(sents):
            for n, rank, _s, _e in arms_mod.study_population_sizes(text):
                cand = (rank, order, n, start, end)
                if best is None or cand[:2] < best[:2]:
                    best = cand
        if best is not None:
            label = _main_drug_label(doc) or "study cohort"
            found.append(
                Arm(
                    label,
                    "intervention",
                    best[2],
                    provenance(source, best[3], best[4], "arms.sentence.analysed"),
                )
            )
    found += _arm_subsets(source, sents, resolver, found)
    found += _table_subgroups(source, resolver, found)
    texts = [t for t, _, _ in sents]
    for text, start, end in sents:
        # a counted subset named with a main arm ("Of two patients with X in the Y
        # group") is that arm's subset, which _arm_subsets labels by arm
        subs = [
            a
            for a in arms_mod.subgroups(text)
            if len(resolver) < 2 or resolver.index_of(a.label) is None
        ]
        # (the subjects first: most sentences name none, and find_outcomes costs more)
        subjects = arms_mod.subgroup_subjects(text)
        if subjects and outcomes_mod.find_outcomes(text):
            # a "subgroup" named by an assigned drug is an arm restated, not a subset
            drugs = [i.drug.lower() for i in _facts(doc).get("interventions") or []]
            # and so is one the resolver names as a main arm ("the patients who were
            # treated with the TE regimen showed ...")
            subs += [
                a
                for a in subjects
                if not (
                    any(d in a.label.lower() for d in drugs)
                    or (len(resolver) >= 2 and resolver.index_of(a.label) is not None)
                )
                or re.search(r"\bnot\b|\bwithout\b", a.label)
            ]
        for a in subs:
            n = a.n if a.n is not None else arms_mod.subgroup_size(a.label, texts)
            if any(
                x.label == a.label or (n is not None and x.n == n and x.role == a.role)
                for x in found
            ):
                continue
            found.append(Arm(a.label, a.role, n, provenance(source, start, end, a.rule)))
    _facts(doc)["arms"] = found
    for a in found:
        if a.provenance:
            _span(doc, a.provenance.char_start, a.provenance.char_end, a.role, "arms")
    return doc


def _study_title(doc: Doc) -> str | None:
    study = (_facts(doc).get("study") or [None])[0]
    return getattr(study, "title", None)


def _abbreviation_pairs(doc: Doc) -> list[tuple[str, str]]:
    return [
        (a.text, a._.long_form.text) for a in getattr(doc._, "abbreviations", []) or [] if a.text
    ]


def _main_arms(
    doc: Doc, source: Document, sents: list[tuple[str, int, int]]
) -> tuple[list[Arm], res_mod.ArmResolver, Arm | None]:
    """The trial's main arms (two or more compared groups) with their sizes.

    Labels come from the first table whose header prints two arms with their
    sizes, else from the first sentence allocating patients to two arms, else
    from the title's "A versus B" when a sentence gives only the sizes. The
    size is the analysed one a sentence gives ("48 for DZ and 46 for D were
    included in the efficacy analysis"), else the size the table headers
    print most often, else the allocated one."""
    title = _study_title(doc)
    # a table about a subgroup ("singleton births only") does not size the arms
    tables = [
        (t, [(j, lab, n) for j, (lab, n) in arms_mod.header_arms(t).items()])
        for t in source.tables
        if not ts_mod.sizes_subgroups(t)
    ]
    ref: list[str] = []
    ref_prov: tuple[int, int, str] | None = None
    for t, cols in tables:
        labels = _distinct(
            [
                lab
                for _j, lab, n in cols
                if n and not res_mod.OVERALL_CUES.match(lab) and not arms_mod.not_an_arm(lab)
            ]
        )
        if len(labels) >= 2 and t.char_start is not None:
            ref = labels
            span = t.row_spans[0] if t.row_spans else (t.char_start, t.char_end or t.char_start)
            ref_prov = (span[0], span[1], "arms.table.header_n")
            break
    design = _design_sentences(doc, sents)
    own_starts = {start for _t, start, _e in sents}
    allocs = [
        (a, start, end)
        for text, start, end in design
        if (a := arms_mod.allocation(text))
        # outside the own sentences, only sizes or designators ("into two groups of 12",
        # "(group 1) ... (group 2)"): a list of names there may be of anything allocated
        and (start in own_starts or all(not lab or _DESIGNATED.match(lab) for lab, _n in a.arms))
    ]
    if not ref:
        # a sentence counting the arms names them best; one naming them only (a
        # list after "randomly assigned to") where none counts them
        counted = [x for x in allocs if all(n for _lab, n in x[0].arms)]
        for a, start, end in counted + [x for x in allocs if x not in counted]:
            labels = [lab for lab, _n in a.arms]
            if a.treated:
                continue  # "12 received G-CSF and 5 received X" names no arms of its own
            if all(labels):
                ref, ref_prov = labels, (start, end, "arms.sentence.allocation")
                break
            sides = res_mod.title_sides(title)
            if sides and len(labels) == 2:
                ref, ref_prov = list(sides), (start, end, "arms.sentence.equal_groups")
                break
    if not ref:
        ref, ref_prov = _announced_arms(design, ref_prov)
    if not ref:
        # how many groups the first sentence announcing them counts ("divided into two groups")
        k = next((k for t, _s, _e in design if (k := arm_lists.announced_groups(t))), None)
        ref, ref_prov = _ordinal_arms(design, k, ref_prov)
        if not ref:
            ref, ref_prov = _contrasted_arms(doc, design, k, ref_prov)
    if len(ref) < 2 or ref_prov is None:
        return [], res_mod.ArmResolver([]), None
    aliases: list[list[str]] = [[] for _ in ref]
    for short, long_form in _abbreviation_pairs(doc):
        for i, lab in enumerate(ref):
            if short in res_mod.label_tokens(lab):
                aliases[i].append(long_form)
    for i, other in enumerate(_other_names(ref, allocs)):
        aliases[i] += other
    roles = res_mod.assign_roles(
        [" ".join([r, *al]) for r, al in zip(ref, aliases, strict=True)], title
    )
    # other names the paper pairs with the arms' ("the melatonin group (M group)");
    # a table's row labels, where its columns are the arms, are no arm's names
    row_labels = [
        row[0]
        for t, cols in tables
        if len(cols) >= 2
        for row in t.rows[max(t.header_rows, 1) :]
        if row and row[0].strip()
    ]
    paired = res_mod.paired_names(
        [t for t, _s, _e in design],
        [[r, *al] for r, al in zip(ref, aliases, strict=True)],
        row_labels,
    )
    # and the names of what letter-named arms were given, where the paper calls a
    # group so ("Group A patients were given betahistine" / "in the betahistine group")
    given = res_mod.given_names(
        [t for t, _s, _e in design], [[r, *al] for r, al in zip(ref, aliases, strict=True)]
    )
    for i, (pair, got) in enumerate(zip(paired, given, strict=True)):
        aliases[i] += [x for x in pair + got if x not in aliases[i]]
    # and of arms named by their role only, what the Methods say each received ("the
    # study group received midazolam" / "patients receiving midazolam")
    received = res_mod.received_names(
        [t for t, _s, _e in design],
        [
            res_mod.ArmName(r, role, None, tuple(al))
            for r, role, al in zip(ref, roles, aliases, strict=True)
        ],
        [i.drug for i in _facts(doc).get("interventions") or []],
    )
    for i, got in enumerate(received):
        aliases[i] += [x for x in got if x not in aliases[i]]
    given = [g + r for g, r in zip(given, received, strict=True)]
    complement = res_mod.complement_designators(
        [t for t, _s, _e in design], [[r, *al] for r, al in zip(ref, aliases, strict=True)]
    )
    for i, extra in enumerate(complement):
        aliases[i] += [x for x in extra if x not in aliases[i]]
    # a paired name that says which arm is the control ("group A (control group)")
    # decides the roles; other paired names leave them as the known names give them
    said = [
        bool(res_mod.CONTROL_CUES.search(" ".join([r, *al])))
        for r, al in zip(ref, aliases, strict=True)
    ]
    if (any(paired) or any(given)) and 0 < sum(said) < len(ref):
        roles = ["control" if c else "intervention" for c in said]
    _name_the_drug_arm(ref, roles, aliases, _main_drug_label(doc))
    resolver = res_mod.ArmResolver(
        [
            res_mod.ArmName(lab, role, None, tuple(al))
            for lab, role, al in zip(ref, roles, aliases, strict=True)
        ]
    )
    # sizes: (rank, -count, order) per arm; lower wins
    sizes: list[dict[tuple[int, int], list[int]]] = [{} for _ in ref]
    provs: dict[tuple[int, int], tuple[int, int, str]] = {}
    order = 0
    for t, cols in tables:
        seen: set[tuple[int, int]] = set()
        for _j, lab, n in cols:
            i = resolver.index_of(lab) if not res_mod.OVERALL_CUES.match(lab) else None
            if i is None or not n or (i, n) in seen:
                continue
            seen.add((i, n))
            order += 1
            cur = sizes[i].setdefault((1, n), [1, 0, order])
            cur[1] -= 1
            if t.char_start is not None and (i, n) not in provs:
                span = t.row_spans[0] if t.row_spans else (t.char_start, t.char_end or t.char_start)
                provs[(i, n)] = (span[0], span[1], "arms.table.header_n")
    for a, start, end in allocs:
        if any(not lab for lab, _n in a.arms):
            if len(a.arms) != len(ref):
                continue
            idx = list(range(len(ref)))
        else:
            idx = [resolver.index_of(lab) for lab, _n in a.arms]
        if None in idx or len(set(idx)) != len(idx):
            continue
        for i, (_lab, n) in zip(idx, a.arms, strict=True):
            if not n:
                continue  # "propofol (group P) or sevoflurane (group S)" names, not sizes
            order += 1
            rank = 0 if a.analysed else 1 if a.treated else 2
            cur = sizes[i].setdefault((rank, n), [rank, 0, order])
            cur[1] -= 1
            provs.setdefault((i, n), (start, end, "arms.sentence.allocation"))
    by_role = {a.role: i for i, a in enumerate(resolver.arms)}
    alloc_starts = {start for _a, start, _e in allocs}
    for text, start, end in sents:
        if start in alloc_starts or len(by_role) != len(resolver.arms):
            continue
        ments = [(m.start, m.end, m.role) for m in resolver.mentions(text)]
        for role, n in arms_mod.analysed_arm_sizes(text, ments):
            if role not in by_role:
                continue
            i = by_role[role]
            order += 1
            cur = sizes[i].setdefault((0, n), [0, 0, order])
            cur[1] -= 1
            provs.setdefault((i, n), (start, end, "arms.sentence.analysed_arm"))
    found: list[Arm] = []
    for i, arm in enumerate(resolver.arms):
        n = min(sizes[i], key=lambda k: sizes[i][k])[1] if sizes[i] else None
        s0, e0, rule = provs.get((i, n), ref_prov) if n is not None else ref_prov
        found.append(Arm(arm.label, arm.role, n, provenance(source, s0, e0, rule)))
    total = sum(a.n for a in found if a.n) if all(a.n for a in found) else None
    overall = (
        Arm("all patients", "overall", total, provenance(source, *ref_prov[:2], "arms.overall.sum"))
        if total
        else None
    )
    resolver.overall_n = total
    return found, resolver, overall


_DESIGN_CUE = re.compile(
    rf"\b{allocated.verbs('allocation')}\b|\b(?:group|arm)\s+(?:\w+\s+)?(?:received|were\s+given)\b"
    r"|\b(?:first|second|third|fourth|one|another|other)\s+(?:study\s+)?(?:group|arm)\b",
    re.I,
)


_DESIGNATED = re.compile(
    r"(?i:group|arm)\s+(?:[A-Z]{1,3}|[IV]{1,3}|\d{1,2})\b|G\d{1,2}\b|[A-Z]{1,4}\d{0,3}\s+(?i:group|arm)\b"
)


def _design_sentences(doc: Doc, own: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The own-result sentences and the Methods' sentences that allocate or say
    what a group received, in a paragraph that cites other work ("... as
    described by Smith [7]. The 24 rats were randomized into two groups of 12."):
    a design statement without a citation of its own is the study's own."""
    idx = doc._.litkg_sections
    if idx is None:
        return own
    seen = {start for _t, start, _e in own}
    extra = [
        (text, start, end)
        for text, start, end in sentences(doc)
        if start not in seen
        and idx.kind_at(start) in ("methods", "abstract")
        and _DESIGN_CUE.search(text)
        and not cites_other_work(text)
        and not HYPOTHETICAL_RE.search(text)
    ]
    if not extra:
        return own
    return sorted([*own, *extra], key=lambda x: x[1])


_UNNAMED_TREATMENT = re.compile(
    r"(?:drug|treatment|active|intervention|experimental|study|therapy|medication|verum|treated"
    r"|group|arm|the|condition)(?:\s+|$)",
    re.I,
)


def _name_the_drug_arm(
    ref: list[str], roles: list[str], aliases: list[list[str]], drug: str | None
) -> None:
    """An arm called only "drug treatment" (or "the active group") beside control
    arms is the one given the trial's drug: the results name it by the drug
    ("patients treated with teplizumab"). Adds the drug to its aliases."""
    if not drug or roles.count("intervention") != 1:
        return
    i = roles.index("intervention")
    if _UNNAMED_TREATMENT.sub("", ref[i] + " ").strip() or aliases[i]:
        return
    if any(drug.lower() in lab.lower() for lab in ref):
        return
    aliases[i].append(drug)


def _announced_arms(
    sents: list[tuple[str, int, int]], ref_prov: tuple[int, int, str] | None
) -> tuple[list[str], tuple[int, int, str] | None]:
    """Arms a Methods section announces in one sentence ("randomized to one of
    three equal groups") and names by designators in the next one or two, or
    by one complete sequence of designators throughout ("group 1" to "group 3")."""
    for i, (text, start0, end0) in enumerate(sents):
        k = arm_lists.announced_groups(text)
        if not k:
            continue
        for nxt, start, end in sents[i + 1 : i + 3]:
            got = arm_lists.groups_named_after(nxt, k)
            if got:
                return [lab for lab, _n in got], (start, end, "arms.sentence.announced")
        # "divided into three groups" and the results name "group 1" to "group 3"
        got = arm_lists.designator_sequence([t for t, _s, _e in sents], k)
        if got:
            return [lab for lab, _n in got], (start0, end0, "arms.sentence.announced")
        # "randomly assigned to two groups", then "The ketamine group received ..."
        got = arm_lists.receiving_groups([t for t, _s, _e in sents], k)
        if got:
            return [lab for lab, _n in got], (start0, end0, "arms.sentence.receiving")
    return [], ref_prov


def _ordinal_arms(
    sents: list[tuple[str, int, int]], k: int | None, ref_prov: tuple[int, int, str] | None
) -> tuple[list[str], tuple[int, int, str] | None]:
    """Arms the Methods name clause by clause by their order ("the first group
    was treated with X ... the second group with Y"), as many as a sentence
    announces (`k`; `arm_clauses.ordinal_groups`)."""
    got = arm_clauses.ordinal_groups([t for t, _s, _e in sents], k)
    if not got:
        return [], ref_prov
    labels, i = got
    _t, start, end = sents[i]
    return labels, (start, end, "arms.sentence.ordinal")


def _contrasted_arms(
    doc: Doc,
    sents: list[tuple[str, int, int]],
    k: int | None,
    ref_prov: tuple[int, int, str] | None,
) -> tuple[list[str], tuple[int, int, str] | None]:
    """Arms no list names that the sentences set against each other ("the
    intervention group ... the control group") in a paper that allocates:
    as many as a sentence announces (`k`: "divided randomly into two groups"),
    else two (`arm_contrast.contrasted_groups`)."""
    study = (_facts(doc).get("study") or [None])[0]
    design = set(getattr(study, "design", None) or ())
    given = [_study_title(doc) or "", *(i.drug for i in _facts(doc).get("interventions") or [])]
    got = arm_contrast.contrasted_groups(
        [t for t, _s, _e in sents],
        k,
        randomized="randomized" in design and "non-randomized" not in design,
        given=given,
    )
    if not got:
        return [], ref_prov
    labels, i = got
    _t, start, end = sents[i]
    return labels, (start, end, "arms.sentence.contrast")


def _other_names(ref: list[str], allocs: list) -> list[list[str]]:
    """Other names the allocation sentences give the arms: "standard pressure gas
    (n=25) or low pressure gas (n=25)" beside "two groups: low pressure (LP) and
    standard pressure (SP)" (the results say "the LP group"). A sentence's labels
    are another name of the arms when each names a different one of them."""
    out: list[list[str]] = [[] for _ in ref]
    plain = res_mod.ArmResolver([res_mod.ArmName(lab, "intervention") for lab in ref])
    for a, _start, _end in allocs:
        labels = [lab for lab, _n in a.arms]
        if len(labels) != len(ref) or not all(labels) or a.treated:
            continue
        idx = [plain.index_of(lab) for lab in labels]
        if None in idx or len(set(idx)) != len(idx):
            continue
        for i, lab in zip(idx, labels, strict=True):
            if lab != ref[i] and lab not in out[i]:
                out[i].append(lab)
    return out


_SUBSET_CONTEXT = re.compile(
    r"\b(?:patients|participants|those|subjects)\s+(?:with|who|undergoing|receiving|in\s+whom)\s+"
    r"[^,;()\[\]]{3,60}",
    re.I,
)


def _arm_subsets(
    source: Document,
    sents: list[tuple[str, int, int]],
    resolver: res_mod.ArmResolver,
    main: list[Arm],
) -> list[Arm]:
    """Subgroups split by arm, from sentences counting a subset per arm:
    one subgroup entry per arm and size (the record's settled call)."""
    if len(resolver) < 2 or len(set(resolver.roles)) != len(resolver):
        return []  # arms sharing a role ("intervention" x3) cannot be told apart by role
    sizes = {a.role: a.n for a in main if a.role in ("intervention", "control")}
    labels = {a.role: a.label for a in resolver.arms}
    out: list[Arm] = []
    seen: set[tuple[str, int]] = set()
    for text, start, end in sents:
        ments = [(m.start, m.end, m.role) for m in resolver.mentions(text)]
        if not ments:
            continue
        ctx = _SUBSET_CONTEXT.search(text)
        for role, n in arms_mod.arm_subset_sizes(text, ments, sizes):
            if (role, n) in seen:
                continue
            seen.add((role, n))
            where = ctx.group(0) if ctx else "subset"
            if ctx and re.match(r"\w", text[ctx.end() : ctx.end() + 1]):
                where = re.sub(r"\s+\S*$", "", where)  # cut inside a word: drop it
            label = f"{where.strip()}, {labels[role]}"
            if any(a.label == label and a.n != n for a in (*main, *out)):
                # two subsets of one arm the sentences do not tell apart: their
                # sizes do (one label, one size: the graph's arm is one node)
                label = f"{where.strip()} (n = {n}), {labels[role]}"
            out.append(
                Arm(
                    label, "subgroup", n, provenance(source, start, end, "arms.sentence.arm_subset")
                )
            )
    return out


def _table_subgroups(source: Document, resolver: res_mod.ArmResolver, main: list[Arm]) -> list[Arm]:
    """Subgroups the tables report results for, one entry per arm (see
    `table_subgroups.table_subgroups`); a size equal to its arm's own (or, unless
    the table names its population, within a tenth of it) is the arm itself."""
    sizes = {a.role: a.n for a in main if a.role in ("intervention", "control")}
    out: list[Arm] = []
    for t in source.tables:
        if t.char_start is None:
            continue
        for sg in ts_mod.table_subgroups(t):
            role = resolver.role_of(sg.arm) if len(resolver) >= 2 else None
            if len(resolver) >= 2 and role not in sizes:
                continue  # the column names no arm of the trial
            own = sizes.get(role) if role else None
            if own is not None and (sg.n == own or (not sg.restricted and sg.n >= 0.9 * own)):
                continue
            if any(a.label == sg.label for a in out):
                continue  # one subgroup, one size: a later table's other count is another analysis
            span = t.row_spans[sg.row] if sg.row < len(t.row_spans) else (t.char_start, t.char_end)
            prov = provenance(source, span[0], span[1] or span[0], "arms.table.subgroup")
            out.append(Arm(sg.label, "subgroup", sg.n, prov))
    return out


def _distinct(labels: list[str]) -> list[str]:
    out: list[str] = []
    for lab in labels:
        if lab.lower() not in (x.lower() for x in out):
            out.append(lab)
    return out


_CLAUSE_CUT = re.compile(r";|,\s*and\b|\bcompared\s+(?:to|with)\b|\bversus\b|\bvs\.?")


def _names_after(text: str, o: outcomes_mod.OutcomeMatch, a: arms_mod.ArmMatch) -> bool:
    """Whether subgroup mention `a`, standing after result `o`, is the group `o`
    is stated for: nothing between them opens another clause or another side
    of a comparison ("CIR of 9.9% ... compared to 26.5% in those who did not
    receive X": only 26.5% is theirs)."""
    if a.start < o.end:
        return False
    cut = max(
        (m.end() for m in _CLAUSE_CUT.finditer(text[: a.start])),
        default=0,
    )
    return o.start >= cut or (o.end > cut and o.start >= cut - 1)


# "these patients", "this subgroup": a sentence still about the subgroup named before
ANAPHORA_RE = re.compile(
    r"\b(?:these|this|such)\s+(?:patients|subgroup|group|subset|cohort)\b", re.I
)
ALLOCATION_RE = re.compile(r"\b(?:randomi[sz]ed|randomly|allocated|assigned)\b", re.I)


def _main_drug_label(doc: Doc) -> str | None:
    ivs = _facts(doc).get("interventions") or []
    return ivs[0].drug if ivs else None


# ------------------------------------------------------------------ interventions


@Language.component("litkg_interventions")
def interventions_component(doc: Doc) -> Doc:
    """Assigned treatments with dose, unit, route, days and cycles."""
    try:
        from litkg.extractor.components.interventions import extract_interventions
    except ImportError:  # component not available in this build
        _facts(doc)["interventions"] = []
        return doc
    found = list(extract_interventions(_source(doc), _sentences(doc)))
    _facts(doc)["interventions"] = found
    for i in found:
        if i.provenance:
            _span(doc, i.provenance.char_start, i.provenance.char_end, i.drug, "interventions")
    return doc


# ------------------------------------------------------------------ outcomes


_OUTCOME_WORDS = re.compile(
    r"surviv|relapse|recurren|remission|respon|mortality|death|free|incidence|progress|event|gvhd|graft",
    re.I,
)


def _aliases(doc: Doc) -> dict[str, str]:
    """Abbreviations the paper defines, as endpoint keys ("leukaemia-free survival
    (LFS)" -> DFS). A short form the paper defines as something else only
    ("controlled release (CR)") maps to "" and is not read as an endpoint."""
    out: dict[str, str] = {}
    for abrv in getattr(doc._, "abbreviations", []) or []:
        if not (abrv.text.isupper() and len(abrv.text) <= 6):
            continue
        long_form = abrv._.long_form.text
        key = outcomes_mod.endpoint_key(long_form)
        if key:
            out[abrv.text] = key
        elif not _OUTCOME_WORDS.search(long_form):
            out.setdefault(abrv.text, "")
    # a table footnote's glossary ("RR, response rate; SD, stable disease"), and
    # an endpoint's definition where the abbreviation also means something else
    text = doc_text(doc)
    for found in (outcomes_mod.glossary_aliases, outcomes_mod.endpoint_definitions):
        for short, key in found(text).items():
            if not out.get(short):
                out[short] = key
    return out


@Language.component("litkg_outcomes")
def outcomes_component(doc: Doc) -> Doc:
    """Endpoint results from sentences and from table rows."""
    source = _source(doc)
    aliases = _aliases(doc)
    found: list[Outcome] = []
    subgroup_labels = {a.label for a in _facts(doc).get("arms", []) if a.role == "subgroup"}
    resolver = _resolver(doc)
    study = (_facts(doc).get("study") or [None])[0]
    randomized = "randomized" in (getattr(study, "design", None) or ())
    current: str | None = None  # the subgroup the text is talking about
    unkeyed_sents: list[tuple[str, int, int, set[float]]] = []
    for text, start, end in own_result_sentences(doc):
        mentions = [
            a
            for a in arms_mod.subgroups(text) + arms_mod.subgroup_subjects(text)
            if a.label in subgroup_labels
        ]
        leading = [a for a in mentions if a.start <= 3 or a.rule == "arms.sentence.of_the"]
        if leading:
            current = leading[0].label
        elif not ANAPHORA_RE.search(text):
            current = None
        # (where the sentence stands first: methods and introduction give none)
        found_here = (
            outcomes_mod.find_outcomes(text, aliases)
            if _states_own_results(doc, text, start)
            else []
        )
        unkeyed_sents.append((text, start, end, {o.value for o in found_here}))
        roles = _outcome_roles(text, found_here, resolver, randomized)
        both = [
            (replace(o, arm=r), r)
            for o, role in zip(found_here, roles, strict=True)
            if role == "both"
            for r in resolver.roles
        ]
        pairs = [(o, role) for o, role in zip(found_here, roles, strict=True) if role != "both"]
        for o, role in pairs + both:
            if role is not None and o.arm in (None, "intervention", "control"):
                o = replace(o, arm=role)
            if o.statistic not in ("hr", "sdhr"):
                # "..., 7.4 months for patients who achieved CR/CRh": a subgroup named
                # right after the result, in its clause (whatever arm cue it carried);
                # else one named before it in its clause, else the sentence's subgroup
                after = [a for a in mentions if _names_after(text, o, a)]
                before = [
                    a
                    for a in mentions
                    if a.end <= o.start and not _CLAUSE_CUT.search(text[a.end : o.start])
                ]
                label = after[0].label if after else None
                if (
                    label is None
                    and o.arm in ("intervention", "overall")
                    and role in (None, "overall")
                ):
                    label = before[-1].label if before else current
                if label:
                    o = replace(o, arm=label)
            found.append(_outcome(o, provenance(source, start, end, o.rule)))
    for table in source.tables:
        if len(resolver) >= 2:
            model = read_table(table)
            for r, _col, o in outcomes_mod.outcomes_from_arm_rows(model, resolver.role_of, aliases):
                found.append(_outcome(o, provenance(source, *_row_span(table, r), o.rule)))
        roles = _column_roles(table, resolver)
        if not roles:
            continue
        context = " ".join([table.caption or "", *(table.rows[0][:1] if table.rows else [])])
        for r, _col, o in outcomes_mod.outcomes_from_table(table.rows, roles, aliases, context):
            found.append(_outcome(o, provenance(source, *_row_span(table, r), o.rule)))
    found = _dedupe_outcomes(found)
    unkeyed = _unkeyed_outcomes(doc, unkeyed_sents, aliases)
    record_keys = set(_record_endpoints())
    _facts(doc)["outcomes"] = [
        o for o in found if o.statistic in _RECORD_STATS and o.endpoint in record_keys
    ]
    # a keyed endpoint with a statistic the record has no place for (an odds
    # ratio of response) is a result outside the key list, under its name
    _facts(doc)["other_outcomes"] = [
        o if o.endpoint is None else replace(o, endpoint=None, name=o.name or _label(o.endpoint))
        for o in found
        if o not in _facts(doc)["outcomes"]
    ] + unkeyed
    for o in found:
        if o.provenance:
            _span(doc, o.provenance.char_start, o.provenance.char_end, o.endpoint, "outcomes")
    return doc


def _resolver(doc: Doc) -> res_mod.ArmResolver:
    return (_facts(doc).get("arm_resolver") or [res_mod.ArmResolver([])])[0]


def _outcome_roles(
    text: str,
    found: list[outcomes_mod.OutcomeMatch],
    resolver: res_mod.ArmResolver,
    randomized: bool = True,
) -> list[str | None]:
    """The arm each outcome of a sentence is stated for, by the resolver, in a
    trial of two or more arms (None: the sentence does not say). A result no
    arm is named for is the whole population's; two values of one measure
    with no arm named are the arms in the order printed ("27.7% vs 10.0%")."""
    if len(resolver) < 2 or not found:
        return [None] * len(found)
    spans = [
        res_mod.ValueSpan(
            o.extra.get("v_start", o.start),
            o.extra.get("v_end", o.end),
            # (a landmark's value is a measure of its own: "88.9%, 82.4%, and 74.8% for
            # arm A" are one arm's 1-, 3- and 5-year rates, not three arms')
            f"{o.endpoint}/{o.statistic}/{o.timepoint_months}",
            o.statistic in ("hr", "sdhr", "or", "rr"),
        )
        for o in found
    ]
    roles = resolver.attribute(text, spans)
    if not randomized:
        # beside historical or matched controls, an unnamed result is the treated
        # cohort's, and so are "all patients" unless the whole population is named
        whole = re.search(
            r"\b(?:overall|whole|entire)\s+(?:study\s+)?(?:population|cohort)", text, re.I
        )
        return [None if r == "overall" and not whole else r for r in roles]
    if resolver.mentions(text):
        return [
            r if r is not None or o.endpoint != "FOLLOWUP" else "overall"
            for o, r in zip(found, roles, strict=True)
        ]
    keys = [s.key for s in spans]
    order = resolver.roles
    out: list[str | None] = []
    for i, s in enumerate(spans):
        same = [j for j, k in enumerate(keys) if k == s.key]
        if s.ratio:
            out.append(None)
        elif len(same) == len(order) and len(same) > 1:
            out.append(order[same.index(i)])
        else:
            out.append("overall")
    return out


def _column_roles(table: Table, resolver: res_mod.ArmResolver) -> dict[int, str | None]:
    """Arm role of each arm column of a results table: by the resolver in a
    trial of several arms, else by the header labels alone."""
    if len(resolver) < 2:
        return {c: a.role for c, a in arms_mod.arm_columns(table).items()}
    out: dict[int, str | None] = {}
    for j, (label, _n) in arms_mod.header_arms(table).items():
        role = resolver.role_of(label)
        if role is not None:
            out[j] = role
    return out


_RECORD_STATS = {"rate", "median", "hr", "sdhr"}
_OWN_VOICE_RE = re.compile(
    r"\b(?:our|we|in (?:this|the present|the current) (?:study|trial|analysis|report|series)|"
    r"of (?:this|the present|the current) (?:study|trial))\b",
    re.I,
)
_OTHERS_RE = re.compile(
    r"\b(?:et al|reported|previous(?:ly)?|prior (?:studies|trials)|other (?:studies|trials)|"
    r"studies|meta-analys[ie]s|literature|was estimated|were estimated|expected)\b",
    re.I,
)


def _states_own_results(doc: Doc, text: str, start: int) -> bool:
    """Whether a sentence may state this study's results by where it stands:
    methods give plans and assumptions, the introduction others' results; in
    the discussion (of a paper with a results section) only a sentence in the
    authors' own voice that cites no other work does. In an editorial every
    section may (RECORD.md: its subject is the discussed study)."""
    study = (_facts(doc).get("study") or [None])[0]
    if getattr(study, "article_type", None) == "editorial":
        return True  # an editorial's subject is the discussed study's results
    idx = doc._.litkg_sections
    kind = idx.kind_at(start) if idx is not None else "body"
    if kind in ("methods", "introduction"):
        return False
    if kind == "discussion" and any(sec.name == "results" for sec in idx.sections):
        # beside a results section, the discussion restates or cites
        return bool(_OWN_VOICE_RE.search(text)) and not _OTHERS_RE.search(text)
    return True


_NOT_RESULT_SECTIONS = frozenset({"introduction", "methods", "discussion"})


def _unkeyed_outcomes(
    doc: Doc, sents: list[tuple[str, int, int, set[float]]], aliases: dict[str, str]
) -> list[Outcome]:
    """Results outside the endpoint keys, from the result sentences (values the
    keyed reading took excepted) and from result tables' non-endpoint rows;
    one per (statistic, value, arm)."""
    from litkg.extractor.components import baseline_sentences, unkeyed_names, unkeyed_roles
    from litkg.extractor.components import unkeyed_outcomes as unk
    from litkg.extractor.tables import read_table

    source = _source(doc)
    arm_roles = {a.label.lower(): a.role for a in _facts(doc).get("arms", [])}

    resolver = _resolver(doc)

    def role(label: str | None, default: str | None) -> str | None:
        if not label:
            return default
        by_resolver = resolver.role_of(label) if len(resolver) >= 2 else None
        return by_resolver or arm_roles.get(label.lower()) or arms_mod.role_for_label(label)

    def sentence_role(label: str | None, default: str | None) -> str | None:
        """The arm a sentence's group label names: in a trial of several arms, a
        label the resolver cannot place (even loosely) is the intervention only
        when it names that role alone ("the treatment group"); else it is no
        arm's (a guess)."""
        got = role(label, default)
        if not label or len(resolver) < 2 or got != "intervention" or default is not None:
            return got
        if resolver.role_of(label) or arm_roles.get(label.lower()):
            return got
        # "patients receiving memantine" (the memantine arms of every subgroup), "the IM
        # group" (the Integrative Medicine group): the arm's role, read more loosely
        loose = resolver.role_of_group(label)
        if loose is not None:
            return loose
        return got if unkeyed_roles.names_intervention_role(label) else None

    out: list[Outcome] = []
    seen: set[tuple] = set()
    seen_cells: set[tuple] = set()

    def add(m, span: tuple[int, int], cell: bool = False, arm: str | None = None) -> None:
        if m.rule.endswith(".group_count") and not names_arm(m.arm_label or ""):
            return  # a count of people is a result only for one of the trial's arms
        o = m.outcome
        default = o.arm or "intervention" if o.comparator else o.arm
        o = replace(o, arm=arm or (role if cell else sentence_role)(m.arm_label, default))
        key = (o.statistic, o.value, o.arm, o.unit)
        if key in seen:
            return  # a sentence's value restated (or a table cell a sentence gave)
        if cell:
            # table cells are distinct results: two rows or time points may share a value
            own = (*key, o.name, o.timepoint_months)
            if own in seen_cells:
                return
            seen_cells.add(own)
        else:
            seen.add(key)
        out.append(replace(o, provenance=provenance(source, span[0], span[1], m.rule)))

    arm_names = [a.label for a in resolver.arms] if len(resolver) >= 2 else []

    def names_arm(label: str) -> bool:
        return len(resolver) >= 2 and resolver.role_of(label) not in (None, "overall")

    idx = doc._.litkg_sections
    sample, held = baseline_sentences.SampleReader(source.text, source.headings), []
    for text, start, end, keyed in sents:
        if idx is not None and idx.kind_at(start) in _NOT_RESULT_SECTIONS:
            continue  # methods state plans, introduction and discussion others' results
        spans = [
            (a.start, a.end) for a in resolver.mentions(text) if a.role not in ("overall", "both")
        ] if arm_names else []  # fmt: skip
        found = unk.unkeyed_from_sentence(text, keyed, arm_names, spans)
        if sample.describes(text, start):  # the sample at entry: only outcomes' baseline values
            held.extend((m, (start, end)) for m in found)
            continue
        for m in found:
            add(m, (start, end))
    one_cohort = sum(not unkeyed_roles.is_analysis_set(a.label) for a in resolver.arms) < 2
    table_hits = []
    for table in source.tables:
        model = read_table(table)
        keyed_rows = {
            r.index
            for r in model.data_rows()
            if outcomes_mod._endpoints(r.stub or "", aliases)
            or outcomes_mod._endpoints(unkeyed_names.row_name(r)[0] or "", aliases)
        }  # "PFS" / "Median (95% CI), months": the row reports the section's endpoint
        hits = unkeyed_roles.analysis_sets(
            unk.unkeyed_from_table(model, keyed_rows, names_arm), one_cohort
        )
        table_hits.extend((table, r, m) for r, m in hits)
    # the arms of all the paper's tables: two treatments of a crossover in two tables
    # ("Baseline | ANP", "Baseline | NO") are two arms, though each reads "intervention"
    arms = unkeyed_roles.table_arms(
        [m.arm_label for _t, _r, m in table_hits if m.arm_label and not m.outcome.comparator],
        lambda label: role(label, None),
        resolver.index_of if len(resolver) >= 2 else lambda _label: None,
    )
    # "Placebo | Drug | Difference": the difference may be the control's minus the drug's
    table_hits = unkeyed_roles.orient_differences(table_hits, arms)
    for table, r, m in table_hits:
        add(m, _row_span(table, r), cell=True, arm=arms.get(m.arm_label or ""))
    outcome_names = [o.name for o in out if o.timepoint_months != 0]
    for m, span in baseline_sentences.baseline_values(held, outcome_names):
        add(m, span)
    return out


def _dedupe_outcomes(outcomes: list[Outcome]) -> list[Outcome]:
    """One outcome per result: a restatement (same endpoint, statistic, value
    and timepoint) is dropped unless it is another arm's. An arm left unnamed
    or the default intervention is compatible with any non-control arm."""
    kept: list[Outcome] = []
    for o in outcomes:
        same = [
            k for k in kept
            if (k.endpoint, k.name, k.statistic, k.value, k.timepoint_months) == (o.endpoint, o.name, o.statistic, o.value, o.timepoint_months)
        ]  # fmt: skip
        if any(_same_arm(k.arm, o.arm) for k in same):
            continue
        kept.append(o)
    return kept


def _same_arm(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    loose = (None, "intervention")
    return (a in loose and b != "control") or (b in loose and a != "control")


def _label(key: str) -> str:
    from litkg.extractor.vocab import load_vocab

    spec = load_vocab("endpoints")["endpoints"].get(key) or {}
    return str(spec.get("label") or key)


def _record_endpoints() -> list[str]:
    from litkg.extractor.vocab import load_vocab

    return list(load_vocab("endpoints")["endpoints"])


def _row_span(table: Table, r: int) -> tuple[int, int]:
    """Where row `r` of a table stands in the document text (else the whole table)."""
    if r < len(table.row_spans):
        return table.row_spans[r]
    return table.char_start or 0, table.char_end or 0


def _outcome(o: outcomes_mod.OutcomeMatch, prov) -> Outcome:
    return Outcome(
        endpoint=o.endpoint,
        statistic=o.statistic,
        value=o.value,
        unit=o.unit,
        timepoint_months=o.timepoint_months,
        arm=o.arm,
        ci=o.ci,
        p=o.p,
        provenance=prov,
        name=o.extra.get("name"),
    )


# ------------------------------------------------------------------ adverse events


@Language.component("litkg_adverse_events")
def adverse_events_component(doc: Doc) -> Doc:
    """Adverse events with grade, n and percent, from sentences and AE tables."""
    try:
        from litkg.extractor.components import adverse_events as ae_mod
    except ImportError:
        _facts(doc)["adverse_events"] = []
        return doc
    source = _source(doc)
    found: list[AdverseEvent] = []
    arm_roles = {a.label.lower(): a.role for a in _facts(doc).get("arms", [])}
    resolver = _resolver(doc)
    for text, start, end in own_result_sentences(doc):
        per_arm = ae_mod.arm_breakdowns(text)
        for m in per_arm:
            e = ae_mod.to_adverse_event(m, provenance(source, start, end, m.rule))
            role = (
                resolver.role_of(m.arm)
                or arm_roles.get((m.arm or "").lower())
                or arms_mod.role_for_label(m.arm or "")
            )
            found.append(replace(e, arm=role))
        covered = {m.term for m in per_arm}
        for m in ae_mod.find_adverse_events(text):
            if m.term in covered:
                continue  # counted per arm above
            e = ae_mod.to_adverse_event(m, provenance(source, start, end, m.rule))
            other = ae_mod.second_arm_value(text, m)
            if other is None:
                found.append(replace(e, arm=e.arm or "intervention"))
                continue
            n2, pct2, arm2 = other
            found.append(replace(e, arm=e.arm or "intervention"))
            found.append(
                replace(
                    e,
                    n=n2,
                    percent=pct2,
                    arm=arm2,
                    provenance=replace(e.provenance, rule=m.rule + ".second_arm"),
                )
            )
    sections = doc._.litkg_sections
    if sections is not None:
        # introduction and methods name events without reporting them ("G-CSF
        # was given for grade 3+ neutropenia"): there only a count or rate is read
        found = [
            e
            for e in found
            if e.n is not None
            or e.percent is not None
            or e.provenance is None
            or sections.kind_at(e.provenance.char_start) not in ("introduction", "methods")
        ]
    paper_arms = [(a.label, a.role) for a in _facts(doc).get("arms", [])]
    for table in source.tables:
        events = ae_mod.table_adverse_events(table)
        roles = ae_mod.table_arm_roles([t.match.arm for t in events], paper_arms)
        for t in events:
            m = t.match
            where = (
                table.footnote_spans[t.footnote]
                if t.footnote is not None and t.footnote < len(table.footnote_spans)
                else _row_span(table, t.row)
            )
            e = ae_mod.to_adverse_event(m, provenance(source, *where, m.rule))
            role = resolver.role_of(m.arm) if len(resolver) >= 2 else None
            found.append(replace(e, arm=t.subgroup or role or roles.get(m.arm)))
    # one event per (term, grade, arm); the merge reads only those fields and n/percent
    found = ae_mod.merge_adverse_events(found)  # type: ignore[arg-type]
    _facts(doc)["adverse_events"] = found
    for e in found:
        if e.provenance:
            _span(doc, e.provenance.char_start, e.provenance.char_end, e.term, "adverse_events")
    return doc


# ------------------------------------------------------------------ references


@Language.component("litkg_references")
def references_component(doc: Doc) -> Doc:
    """The paper's own numbered reference list, parsed into fields."""
    from litkg.extractor.components.references import extract_references

    found: list[Reference] = extract_references(_source(doc))
    _facts(doc)["references"] = found
    for r in found:
        if r.provenance:
            _span(doc, r.provenance.char_start, r.provenance.char_end, "reference", "references")
    return doc


# ------------------------------------------------------------------ record


def assemble_record(doc: Doc) -> StudyRecord:
    """The `StudyRecord` of a processed document."""
    facts = _facts(doc)
    source = _source(doc)
    study: Study = (facts.get("study") or [Study()])[0]
    arms = list(facts.get("arms", []))
    overall = facts.get("overall_arm") or []
    reported = [x.arm for x in (*facts.get("outcomes", []), *facts.get("adverse_events", []))]
    if overall and "overall" in reported and not any(a.role == "overall" for a in arms):
        arms.insert(len([a for a in arms if a.role in ("intervention", "control")]), overall[0])
    return StudyRecord(
        document=source.doc_id,
        study=study,
        arms=tuple(arms),
        interventions=tuple(facts.get("interventions", [])),
        outcomes=tuple(facts.get("outcomes", [])),
        adverse_events=tuple(facts.get("adverse_events", [])),
        references=tuple(facts.get("references", [])),
        other_outcomes=tuple(facts.get("other_outcomes", [])),
    )


__all__ = ["COMPONENTS", "assemble_record", "Intervention"]
