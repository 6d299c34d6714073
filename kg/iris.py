"""Stable IRIs: papers, registered trials, cited works, and the nodes a paper holds.

- A paper: `https://doi.org/<doi>` (DOI lower-cased), else
  `https://w3id.org/litkg/paper/sha256-<hex>` from its content hash.
- A registered trial: the registry's own URL (ClinicalTrials.gov, jRCT,
  ISRCTN, EU CTR for EudraCT numbers); other registries (ChiCTR, ...) get
  `https://w3id.org/litkg/trial/<id>`, since their public URLs are not derived
  from the registration number.
- A cited work: its DOI IRI, else `https://w3id.org/litkg/work/<hash of key>`
  where the key is the normalised first author, year, journal initials,
  volume and first page.
- Everything else a paper holds: `<paper IRI>#<kind>-<hash of content>`, so the
  same record always gives the same IRIs and no blank nodes are needed.

Text that goes into an IRI (a DOI, a registry id) passes through
`iri_text`, the one place it is percent-encoded as RFC 3987 requires
(`<>"{}|\\^`, spaces, controls, `%` itself...), so that every IRI serializes
and the text is recovered by `urllib.parse.unquote` (`doi_of_iri`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from rdflib import URIRef

from litkg.ontology.namespace import BASE

DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:")


def norm_doi(doi: str | None) -> str | None:
    """A DOI in lower case without resolver prefix, or None when it is not one."""
    if not doi:
        return None
    d = doi.strip()
    low = d.lower()
    for p in DOI_PREFIXES:
        if low.startswith(p):
            d = d[len(p) :]
            break
    d = d.strip().rstrip(".").lower()
    return d if re.match(r"^10\.\d{4,9}/\S+$", d) else None


def digest(*parts: object, n: int = 16) -> str:
    """A short hex digest of the parts (joined by U+001F), for IRI fragments."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:n]


#: What an IRI path may hold as is (RFC 3987 ipchar and "/"): unreserved
#: ASCII, sub-delims, ":", "@". Everything else ASCII is percent-encoded.
_IRI_SAFE_ASCII = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/"
)


def _ucschar(c: str) -> bool:
    """Whether a non-ASCII character is an RFC 3987 ucschar (letters of any
    script may stand in an IRI; controls, private use, specials may not)."""
    o = ord(c)
    if o < 0xA0 or 0xD800 <= o <= 0xF8FF or 0xFDD0 <= o <= 0xFDEF or 0xFFF0 <= o <= 0xFFFF:
        return False
    return (o & 0xFFFF) < 0xFFFE and o < 0xE0000


def iri_text(text: str, safe: str = "/") -> str:
    """`text` as an IRI path: RFC 3987 ipchar kept (letters of any script
    too), everything else percent-encoded as UTF-8, `%` included, so that
    `urllib.parse.unquote` gives `text` back. `safe`: the delimiters kept as
    they are ("/" by default; "" encodes it too)."""
    keep = (_IRI_SAFE_ASCII - {"/"}) | (set(safe) - {"%"})
    out = []
    for c in text:
        if c in keep or (ord(c) >= 0x80 and _ucschar(c)):
            out.append(c)
        else:
            out.append("".join(f"%{b:02X}" for b in c.encode("utf-8")))
    return "".join(out)


def doi_iri(doi: str) -> URIRef:
    """https://doi.org/<doi>, with characters IRIs cannot hold percent-encoded
    (`10.1002/(sici)...<1175::aid-cncr30>3.0.co;2-n` -> `...%3C1175::aid-cncr30%3E...`)."""
    return URIRef("https://doi.org/" + iri_text(doi))


def doi_of_iri(iri: str) -> str | None:
    """The DOI an IRI of `doi_iri` was minted from (None for other IRIs)."""
    from urllib.parse import unquote

    if not str(iri).startswith("https://doi.org/"):
        return None
    return norm_doi(unquote(str(iri)[len("https://doi.org/") :]))


def paper_iri(doi: str | None, sha256: str | None) -> URIRef:
    """The IRI of a paper: by DOI, else by content hash."""
    d = norm_doi(doi)
    if d:
        return doi_iri(d)
    if not sha256:
        raise ValueError("a paper needs a DOI or a content hash (sha256)")
    return URIRef(f"{BASE}paper/sha256-{sha256.lower()}")


def local_iri(paper: URIRef, kind: str, *content: object) -> URIRef:
    """A node of the paper's graph: `<paper>#<kind>-<digest of content>`."""
    return URIRef(f"{paper}#{kind}-{digest(*content)}")


# --- registered trials -------------------------------------------------------


@dataclass(frozen=True)
class Registration:
    """A parsed registry identifier: registry key, canonical id and IRI."""

    registry: str
    id: str
    iri: URIRef


_REGISTRY_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    ("nct", re.compile(r"^NCT\s*(\d{8})$", re.I), "https://clinicaltrials.gov/study/NCT{0}"),
    (
        "jrct",
        re.compile(r"^jRCT\s*([a-z]?\d{6,12})$", re.I),
        "https://jrct.niph.go.jp/latest-detail/jRCT{0}",
    ),
    ("isrctn", re.compile(r"^ISRCTN\s*(\d{8})$", re.I), "https://www.isrctn.com/ISRCTN{0}"),
    (
        "eudract",
        re.compile(r"^(?:EudraCT\s*(?:No\.?|number)?\s*:?\s*)?(\d{4}-\d{6}-\d{2})$", re.I),
        "https://www.clinicaltrialsregister.eu/ctr-search/search?query={0}",
    ),
    ("chictr", re.compile(r"^(ChiCTR[-A-Z0-9]+)$", re.I), BASE + "trial/{0}"),
]


def registration(reg_id: str) -> Registration:
    """Parse a registry identifier as printed into registry, canonical id and IRI."""
    raw = " ".join(reg_id.strip().split())
    for key, pat, template in _REGISTRY_PATTERNS:
        m = pat.match(raw)
        if not m:
            continue
        tail = m.group(1)
        if key == "nct":
            cid = "NCT" + tail
        elif key == "jrct":
            cid = "jRCT" + tail.lower()
        elif key == "isrctn":
            cid = "ISRCTN" + tail
        elif key == "chictr":
            cid = "ChiCTR" + tail[6:].upper()
            tail = cid
        else:
            cid = tail
        return Registration(key, cid, URIRef(template.format(tail)))
    compact = re.sub(r"\s+", "", raw)
    return Registration("other", compact, URIRef(BASE + "trial/" + iri_text(compact, safe="")))


# --- bibliographic keys ------------------------------------------------------

_STOP = {"of", "and", "the", "&", "for", "in", "on", "de", "la", "le", "der", "und"}


def fold(text: str) -> str:
    """Lower case, diacritics removed, letters and digits only ("Gökbuget" -> "gokbuget")."""
    nfkd = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in nfkd if not unicodedata.combining(c))
    plain = plain.replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("æ", "ae")
    return re.sub(r"[^0-9a-z]", "", plain.lower())


def journal_initials(journal: str | None) -> str:
    """Initials of a journal's significant words, so that abbreviated and full
    titles agree: "Biol Blood Marrow Transplant" and "Biology of Blood and
    Marrow Transplantation" both give "bbmt"; an all-capital acronym is spelt
    out ("JAMA" -> "jama", "BMJ Open" -> "bmjo")."""
    if not journal:
        return ""
    out = []
    for w in re.split(r"[^0-9A-Za-zÀ-ÿ]+", journal):
        if not w or w.lower() in _STOP:
            continue
        if len(w) >= 2 and w.isupper() and w.isalpha():
            out.append(w.lower())
        else:
            out.append(fold(w)[:1])
    return "".join(out)


def journal_compatible(a: str | None, b: str | None) -> bool:
    """Whether two journal names can be the same journal: word by word, each
    word of one is a prefix (abbreviation) of the other's ("N Engl J Med" /
    "New England Journal of Medicine"); or, when one is written with an
    acronym ("JAMA", "BMJ Open"), their initials agree. Unknown is compatible."""
    if not a or not b:
        return True

    def words(j: str) -> list[str]:
        return [fold(w) for w in re.split(r"[^0-9A-Za-zÀ-ÿ]+", j) if w and w.lower() not in _STOP]

    wa, wb = words(a), words(b)
    if len(wa) == len(wb) and all(
        x.startswith(y) or y.startswith(x) for x, y in zip(wa, wb, strict=True)
    ):
        return True

    def has_acronym(j: str) -> bool:
        return any(len(w) >= 2 and w.isupper() and w.isalpha() for w in re.split(r"\W+", j))

    return (has_acronym(a) or has_acronym(b)) and journal_initials(a) == journal_initials(b)


def norm_page(page: str | None) -> str:
    """A first page in lower case without spaces ("e070051", "1498")."""
    return re.sub(r"\s+", "", page or "").lower()


def norm_volume(volume: str | None) -> str:
    """A volume in lower case without spaces."""
    return re.sub(r"\s+", "", volume or "").lower()


def bib_key(
    first_author: str | None,
    year: int | None,
    journal: str | None,
    volume: str | None,
    first_page: str | None,
    title: str | None = None,
) -> str | None:
    """The normalised key of a work without DOI, or None when too little is known
    (a first author, a year and a first page or volume are needed; without
    either, the title stands in)."""
    author = fold(first_author or "")
    page, vol = norm_page(first_page), norm_volume(volume)
    if not author or not year:
        return None
    if not (page or vol):
        t = fold(title or "")
        return "|".join([author, str(year), "title", t]) if t else None
    return "|".join([author, str(year), journal_initials(journal), vol, page])


def work_key(doi: str | None, bib: str | None) -> str | None:
    """The key a cited work is identified by: `doi:<doi>`, else its bib key."""
    d = norm_doi(doi)
    if d:
        return "doi:" + d
    return bib


def work_iri(key: str) -> URIRef:
    """The IRI of a cited work from its key."""
    if key.startswith("doi:"):
        return doi_iri(key[4:])
    return URIRef(f"{BASE}work/{digest(key, n=20)}")


def registration_from_iri(iri: str) -> Registration | None:
    """The registration a trial IRI was minted from (inverse of `registration`)."""
    from urllib.parse import unquote

    for key, _, template in _REGISTRY_PATTERNS:
        prefix = template.split("{0}")[0]
        if iri.startswith(prefix):
            tail = unquote(iri[len(prefix) :])
            if key == "nct":
                return registration("NCT" + tail)
            if key == "jrct":
                return registration("jRCT" + tail)
            if key == "isrctn":
                return registration("ISRCTN" + tail)
            return registration(tail)
    other = BASE + "trial/"
    if iri.startswith(other):
        return registration(unquote(iri[len(other) :]))
    return None
