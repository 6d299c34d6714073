"""The curation file: reviewers' verdicts, kept beside the store, never in it.

`Curation.open(out)` opens `out/curation.jsonl` (given the output folder, the
store folder `out/store`, or the file itself; `$LITKG_CURATION` names another
file). Each verdict is one JSON line appended under an exclusive lock and
fsynced, so a reviewer can record verdicts while a build writes the store, two
reviewers cannot interleave half lines, and nothing is ever rewritten: a later
verdict on the same fact supersedes an earlier one, which stays in the file
as history.

A verdict is about a fact id (litkg.kg.curation.ids): `confirm`, `correct`
(one field: old and new value), `reject`, or `add` (a fact extraction
missed, given with its kind, paper, fields and evidence). Applying the
verdicts to a paper's facts (`apply`) gives each its review status:

- rejected: the last confirm / reject / correct verdict on it is a reject;
- added: a fact a reviewer added (and did not reject later);
- corrected: any field corrected (the latest value of each field wins);
- confirmed: confirmed, nothing corrected;
- extracted: no verdict.

A verdict whose fact no longer appears (the paper or the extractor changed)
is an orphan (`orphans`): kept, and listed as needing re-review.
"""

from __future__ import annotations

import fcntl
import getpass
import json
import os
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from litkg.kg.curation.facts import Fact, facts_of_papers, location_of
from litkg.kg.curation.ids import KINDS, fact_id

VERDICTS = ("confirm", "correct", "reject", "add")
STATUSES = ("extracted", "confirmed", "corrected", "rejected", "added")
REVIEWED = ("confirmed", "corrected", "added")
FILE_NAME = "curation.jsonl"


class CurationError(ValueError):
    """A verdict that cannot be recorded, or a curation file that cannot be read."""


def default_reviewer() -> str:
    """`$LITKG_REVIEWER`, else the OS user name, else "unknown"."""
    env = os.environ.get("LITKG_REVIEWER", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - no user name (a bare container)
        return "unknown"


def now_utc() -> str:
    """The current UTC time, ISO 8601 to the second, with a Z."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Verdict:
    """One reviewer's verdict on one fact, as stored (one line of the file)."""

    id: str
    fact_id: str
    verdict: str
    reviewer: str
    time: str
    paper: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    comment: str | None = None
    #: the fact as the reviewer saw it (kind, paper, fields, evidence); for
    #: `add` the fact added
    fact: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The verdict as JSON-ready data."""
        return asdict(self)


def curation_path(location: str | os.PathLike[str]) -> Path:
    """The curation file for an output folder, a store folder or a file path
    (see the module docstring); `$LITKG_CURATION` overrides it. For a store
    given by URL, `curation.jsonl` in the working directory."""
    env = os.environ.get("LITKG_CURATION", "").strip()
    if env:
        return Path(env)
    loc = str(location)
    if loc.startswith(("http://", "https://")):
        return Path(FILE_NAME)
    p = Path(loc)
    if p.suffix in (".jsonl", ".json") or p.is_file():
        return p
    if (p / "db").is_dir() or (p / "LATEST").is_file() or p.name == "store":
        return p.parent / FILE_NAME
    return p / FILE_NAME


@dataclass
class FactState:
    """What the verdicts on one fact add up to."""

    status: str = "extracted"
    corrections: dict[str, Any] = field(default_factory=dict)
    added: Fact | None = None
    verdicts: list[Verdict] = field(default_factory=list)


class Curation:
    """The verdicts of one curation file (see the module docstring)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._cache: tuple[tuple[int, int], list[Verdict]] | None = None

    @classmethod
    def open(cls, location: str | os.PathLike[str]) -> Curation:
        """The curation beside a store: `location` is the output folder, the
        store folder or the curation file itself (it need not exist yet)."""
        return cls(curation_path(location))

    # --- writing ----------------------------------------------------------

    def record(
        self,
        fact_id_: str | None,
        verdict: str,
        *,
        reviewer: str | None = None,
        field: str | None = None,
        old: Any = None,
        new: Any = None,
        comment: str | None = None,
        fact: Fact | dict[str, Any] | None = None,
        paper: str | None = None,
        when: str | None = None,
    ) -> Verdict:
        """Append one verdict and return it.

        `verdict` is one of VERDICTS; `correct` needs `field` and `new` (and
        takes `old`, the value replaced); `add` needs `fact` (kind, paper,
        fields, evidence with the quote and its location) and computes the
        fact id when `fact_id_` is None. For the other verdicts `fact` (the
        fact as reviewed) is optional and gives the paper. `reviewer` defaults
        to `default_reviewer()`, `when` to now (UTC).
        """
        if verdict not in VERDICTS:
            raise CurationError(f"unknown verdict {verdict!r}; one of {', '.join(VERDICTS)}")
        snap = fact.to_dict() if isinstance(fact, Fact) else (dict(fact) if fact else None)
        if snap is not None:
            snap.pop("review_status", None)
            snap.pop("corrections", None)
        if verdict == "correct" and not field:
            raise CurationError("a correction names the field it corrects")
        if verdict == "add":
            snap = _check_added(snap)
            if not fact_id_:
                # the fields tell apart two facts added from one quote
                ev, key = snap["evidence"], json.dumps(snap["fields"], sort_keys=True, default=str)
                fact_id_ = fact_id(
                    snap["paper"], snap["kind"], location_of(ev), ev.get("quote"), key
                )
            snap["id"] = fact_id_
        if not fact_id_:
            raise CurationError("a verdict needs the id of the fact it is about")
        paper = paper or (snap or {}).get("paper")
        if not paper or snap is None:  # known from an earlier verdict on the same fact
            earlier = [v for v in self.verdicts() if v.fact_id == fact_id_]
            paper = paper or next((v.paper for v in reversed(earlier) if v.paper), None)
            snap = snap or next((v.fact for v in reversed(earlier) if v.fact), None)
        v = Verdict(
            id="",
            fact_id=fact_id_,
            verdict=verdict,
            reviewer=(reviewer or "").strip() or default_reviewer(),
            time=when or now_utc(),
            paper=paper,
            field=field,
            old=old,
            new=new,
            comment=comment,
            fact=snap,
        )
        v.id = "v-" + uuid.uuid4().hex[:16]
        self._append(v)
        return v

    def _append(self, v: Verdict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = (
            json.dumps(v.to_dict(), ensure_ascii=False, sort_keys=True, default=str) + "\n"
        ).encode()
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            os.write(fd, line)
            os.fsync(fd)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        self._cache = None

    # --- reading ----------------------------------------------------------

    def verdicts(self, paper: str | None = None) -> list[Verdict]:
        """Every verdict in the order recorded (of one paper IRI when given)."""
        all_ = self._load()
        return [v for v in all_ if paper is None or v.paper == paper]

    def _load(self) -> list[Verdict]:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return []
        key = (st.st_mtime_ns, st.st_size)
        if self._cache and self._cache[0] == key:
            return self._cache[1]
        out: list[Verdict] = []
        names = set(Verdict.__dataclass_fields__)
        with self.path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    out.append(Verdict(**{k: v for k, v in d.items() if k in names}))
                except (json.JSONDecodeError, TypeError) as e:
                    if not line.endswith("\n"):
                        break  # a line being written right now
                    raise CurationError(
                        f"{self.path}, line {n}: not a verdict ({e}); fix or remove that line"
                    ) from e
        self._cache = (key, out)
        return out

    def states(self, paper: str | None = None) -> dict[str, FactState]:
        """What the verdicts add up to, per fact id (see the module docstring)."""
        states: dict[str, FactState] = defaultdict(FactState)
        for v in self.verdicts(paper):
            s = states[v.fact_id]
            s.verdicts.append(v)
            if v.verdict == "add" and v.fact:
                s.added = Fact.from_dict(v.fact)
                s.status = "added"
            elif v.verdict == "reject":
                s.status = "rejected"
            elif v.verdict == "correct":
                s.corrections[v.field] = v.new  # type: ignore[index]
                s.status = "added" if s.added else "corrected"
            elif v.verdict == "confirm":
                s.status = "added" if s.added else ("corrected" if s.corrections else "confirmed")
        return dict(states)

    def apply(self, facts: Iterable[Fact], *, added: bool = True) -> list[Fact]:
        """The facts with their review status and corrected values (the value
        as extracted kept in `corrections`); rejected facts are kept, marked
        `rejected` (callers drop them). With `added`, the facts reviewers added
        to these facts' papers follow them."""
        facts = list(facts)
        papers = {f.paper for f in facts}
        states = self.states()
        out: list[Fact] = []
        for f in facts:
            s = states.get(f.id)
            out.append(apply_state(f, s) if s else replace(f, review_status="extracted"))
        if added:
            seen = {f.id for f in facts}
            for fid, s in states.items():
                if s.added and fid not in seen and s.added.paper in papers:
                    out.append(apply_state(s.added, s))
        return out

    def orphans(self, store: Any, facts: Iterable[Fact] | None = None) -> list[Verdict]:
        """The verdicts (latest per fact) whose fact the store no longer holds:
        the paper or the extractor changed. Added facts are never orphans
        unless their paper left the store. `facts`: the store's facts, when
        the caller has them."""
        from litkg.kg.curation.facts import all_papers

        mine = self.verdicts()
        if not mine:
            return []
        papers_now = set(all_papers(store))
        if facts is None:
            wanted = {v.paper for v in mine if v.paper in papers_now}
            facts = facts_of_papers(store, wanted)
        ids = {f.id for f in facts}
        latest: dict[str, Verdict] = {}
        added = {v.fact_id for v in mine if v.verdict == "add"}
        for v in mine:
            latest[v.fact_id] = v
        out = []
        for fid, v in latest.items():
            if fid in ids:
                continue
            if fid in added and v.paper in papers_now:
                continue
            out.append(v)
        return out

    def status(self, store: Any) -> list[dict[str, Any]]:
        """Per paper of the store (by citation label): facts, how many
        reviewed per status, and orphaned verdicts."""
        from litkg.kg.curation.status import review_status

        return review_status(store, self)


def apply_state(f: Fact, s: FactState) -> Fact:
    """One fact with the verdicts on it applied."""
    fields = dict(f.fields)
    old = {}
    for k, v in s.corrections.items():
        old[k] = fields.get(k)
        fields[k] = v
    status = s.status
    if s.added is not None and status != "rejected":
        status = "added"
    return replace(f, fields=fields, review_status=status, corrections=old)


def _check_added(snap: dict[str, Any] | None) -> dict[str, Any]:
    if not snap:
        raise CurationError("an added fact needs its kind, paper, fields and evidence")
    kind, paper = snap.get("kind"), snap.get("paper")
    if kind not in KINDS:
        raise CurationError(f"an added fact's kind is one of {', '.join(KINDS)}, not {kind!r}")
    if not paper:
        raise CurationError("an added fact names its paper (IRI)")
    if not isinstance(snap.get("fields"), dict) or not snap["fields"]:
        raise CurationError("an added fact has its fields (a dict of field -> value)")
    ev = dict(snap.get("evidence") or {})
    if not ev.get("quote"):
        raise CurationError("an added fact has its evidence: the quote it was read from")
    for k in ("page", "char_start", "char_end", "document", "rule"):
        ev.setdefault(k, None)
    ev["rule"] = ev["rule"] or "reviewer"
    return {"kind": kind, "paper": str(paper), "fields": dict(snap["fields"]), "evidence": ev,
            "node": None}  # fmt: skip
