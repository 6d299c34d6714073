"""Pattern-based parsing of one printed bibliographic reference.

`parse_reference` reads the first author, year, journal, volume, first page,
DOI, PMID and title from the raw text of one reference-list entry, in the
common biomedical styles:

- Vancouver / NLM / AMA / Haematologica / Blood / Lancet:
  ``Author AA, Author BB. Title. J Abbr. 2012;120(9):1868-1876. doi:...``
- Nature: ``Surname, A. B. et al. Title. Journal 10, 123–129 (2019).``
- Springer: ``Surname A, Other B (2019) Title. J Abbr 10(2):123–129``
- Elsevier: ``A. Surname, Title, J. Abbr. 28 (2010) 648–654.``
- APA: ``Surname, A. (2019). Title. Journal, 10(2), 123–129. https://doi.org/...``
- online-first: ``Journal. 2024. doi:...`` / ``Journal. Published online May 1, 2019.``

The parser never invents a value: the year, volume, first page and DOI it
returns are always substrings of the input (the DOI of its lower-cased form).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = ["parse_reference", "first_author", "find_doi"]

# --------------------------------------------------------------------------- #
# building blocks

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"|(?:Spring|Summer|Fall|Autumn|Winter)"
)
_YEAR = r"(?P<year>(?:1[5-9]|20)\d{2})[a-z]?"
# "2019 Jan", "2019 Jan 5", "2019 Jan-Feb", "2019 Mar 15"
_DATE = rf"(?:\s+(?:{_MONTH})(?:\s*\d{{1,2}})?(?:\s*[-–/]\s*(?:{_MONTH}|\d{{1,2}}))?)?"
_VOL = r"(?P<volume>[A-Za-z]?\d+[A-Za-z]?)"
_SUPPL = r"(?:\s*(?:Suppl(?:ement)?|Pt|Spec\s+No)\.?\s*[A-Za-z]?\d*)?"
_ISSUE = r"(?:\s*\((?P<issue>[^()]{1,40})\))?"
_PAGE = r"(?P<page>(?:[A-Za-z]{1,4}\.?)?\d+[A-Za-z0-9]*)"
_DASH = r"[-‐‑‒–—−]"
# a day-month date printed before the year: "1-6-2005;23:513"
# NLM for online journals: "2019 [cited 2020 Jan 5];21(3):e12345"
_CITED = r"(?:\s*\[(?:cited|accessed|updated)[^\]]{0,40}\])?"
_NUMERIC_DATE = r"(?:\d{1,2}[-/.]\d{1,2}[-/.])?"

# Vancouver / NLM / AMA / Lancet: "2012;120(9):1868-1876", "2019;10:123", "2012; 380: 1234"
_RE_VANCOUVER = re.compile(
    rf"(?<![\w.]){_NUMERIC_DATE}{_YEAR}{_DATE}{_CITED}\s*;\s*{_VOL}?{_SUPPL}{_ISSUE}{_SUPPL}\s*:\s*{_PAGE}"
)
# Nature: "Nat Med 25, 123–129 (2019)" / "Blood 120, 1868 (2012)"
_RE_NATURE = re.compile(
    rf"(?<![\w.(]){_VOL}{_ISSUE},\s*(?:pp?\.\s*)?{_PAGE}(?:\s*{_DASH}\s*\w+)?\s*"
    rf"\(\s*(?:(?:{_MONTH})\s+(?:\d{{1,2}},?\s+)?)?{_YEAR}\s*\)"
)
# Vancouver without a volume: "Hematology Am Soc Hematol Educ Program. 2002:214–40."
_RE_YEAR_PAGE = re.compile(rf"(?<![\w.]){_YEAR}{_DATE}\s*:\s*{_PAGE}(?=\s*(?:{_DASH}|[.;,]|$))")
# Vancouver without a page (abstracts, Cochrane issues): "2008;26(suppl 15). abstr 548."
_RE_YEAR_VOLUME = re.compile(
    rf"(?<![\w.]){_YEAR}{_DATE}\s*;\s*{_VOL}{_SUPPL}{_ISSUE}{_SUPPL}(?=\s*[.,]?(?:\s|$))"
)
# BMC / BioMed Central: "Cancer Causes Control 2006, 17:287–297." / "BMC Cancer 2009, 9:286."
_RE_BMC = re.compile(rf"(?<![\w.]){_YEAR}\s*,\s*{_VOL}{_SUPPL}{_ISSUE}{_SUPPL}\s*:\s*{_PAGE}")
# not yet published: "J Clin Oncol, (submitted August 2012)." / "Blood. In press."
_RE_IN_PRESS = re.compile(
    r"[.,]?\s*[(\[]?\b(?:in\s+press|submitted|accepted(?:\s+for\s+publication)?|forthcoming)\b",
    re.IGNORECASE,
)
# Elsevier: "J. Clin. Oncol. 28 (2010) 648–654"
_RE_ELSEVIER = re.compile(rf"(?<![\w.(]){_VOL}\s*\(\s*{_YEAR}\s*\)\s*,?\s*{_PAGE}")
# APA: "Journal, 10(2), 123–129" (the year printed after the authors)
_RE_APA = re.compile(rf",\s*{_VOL}\s*{_ISSUE}\s*,\s*(?:pp?\.\s*)?{_PAGE}(?=\s*(?:{_DASH}|[.,;]|$))")
# Springer: "J Abbr 10(2):123–129" (the year printed after the authors)
_RE_SPRINGER = re.compile(rf"(?<=\s){_VOL}{_SUPPL}{_ISSUE}\s*:\s*{_PAGE}")
# Cell Press: "Cell 176, 1–12." (the year printed after the authors)
_RE_CELL = re.compile(rf"(?<=\s){_VOL}{_ISSUE},\s*{_PAGE}(?=\s*(?:{_DASH}|[.,;]|$))")
# AMA online first: "JAMA Oncol. Published online May 1, 2019."
_RE_ONLINE = re.compile(
    rf"\.\s+(?:Published\s+online|Epub)(?:\s+ahead\s+of\s+print)?\s*"
    rf"(?:(?:{_MONTH})\s+(?:\d{{1,2}},?\s+)?)?{_YEAR}"
)
# Lancet online first: "Lancet 2018; published online Oct 4."
_RE_ONLINE_AFTER_YEAR = re.compile(
    rf"(?<![\w.]){_YEAR}\s*[;,.]\s*(?:published\s+online|epub\s+ahead\s+of\s+print|online\s+first)\b",
    re.IGNORECASE,
)
# MDPI / ACS: "Nutrients 2020, 12, 1234." / "Cancers 2021, 13(4), 800."
_RE_MDPI = re.compile(
    rf"(?<![\w.]){_YEAR}\s*,\s*{_VOL}{_ISSUE}\s*,\s*{_PAGE}(?=\s*(?:{_DASH}|[.,;]|$))"
)
# year alone after the journal: "Leukemia. 2024. doi:..." / "Leukemia 2024; doi"
_RE_YEAR_ONLY = re.compile(rf"(?<![\w.;:(]){_YEAR}{_DATE}\s*(?=[.;,]|$)")
# year after the author list: "(2019)." / "(2019a)"
_RE_PAREN_YEAR = re.compile(r"\(\s*(?P<year>(?:1[5-9]|20)\d{2})[a-z]?(?:,\s*[^()]{0,20})?\s*\)")
# year ending an author list, Elsevier Harvard: "Barregard, L., Sallsten, G., 1995. Title"
_RE_BARE_YEAR = re.compile(
    r"(?:(?<=[A-Z]\.,)|(?<=\bal\.,))\s+(?P<year>(?:1[5-9]|20)\d{2})[a-z]?\.(?=\s)"
)
# a free-standing year: not part of a page range, a date, a decimal or an identifier
# ("1496–1501", "8159.3", "2·5"); "2017: 576" (a book's year before its pages) is one
_RE_ANY_YEAR = re.compile(
    r"(?<![\w./:·‐‑‒–—−-])(?P<year>(?:1[5-9]|20)\d{2})[a-z]?(?![\w/·‐‑‒–—−-]|:\S)"
)

_RE_DOI = re.compile(r"10\.\d{4,9}/[-._;()/:A-Za-z0-9<>\[\]]+")
_RE_PMID = re.compile(r"\bPMID\s*:?\s*(\d{1,9})\b")
_RE_MARKUP = re.compile(
    r"</?(?:i|b|em|strong|sup|sub|italic|bold|u)>|\*+|(?<!\w)_(?=\w)|(?<=\w)_(?!\w)"
)
_RE_ITALIC = re.compile(
    r"\*{1,2}([^*\n]{1,200}?)\*{1,2}|<(?:i|em|italic)>(.{1,200}?)</(?:i|em|italic)>"
)
_RE_BARE_NUMBER_LINE = re.compile(r"\n[ \t]*(?:\d{1,4}\.|\[\d{1,4}\]|\(\d{1,4}\))[ \t]*(?=\n)")
_RE_NUMBER_PREFIX = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]|[-•*·▪‣◦])\s+")

_PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "dei",
    "di",
    "da",
    "das",
    "dos",
    "du",
    "la",
    "le",
    "ten",
    "ter",
    "te",
    "op",
    "het",
    "zu",
    "y",
    "e",
    "bin",
    "al",
    "el",
    "st",
    "st.",
    "mac",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "2nd", "3rd", "jnr", "snr"}
_GROUP_WORDS = re.compile(
    r"\b(?:group|groups|consortium|committee|collaborat\w*|network|society|association|"
    r"investigators|organi[sz]ation|panel|team|council|working\s+party|institute|"
    r"foundation|trialists|alliance|programme|program|agency|registry|federation|"
    r"college|academy|writing|steering|task\s+force|cent(?:er|re)s?|board|coalition|"
    r"corporation|company|bureau|department|ministry|office|administration|commission|"
    r"services?|authority|division|secretariat|partnership|initiative)\b",
    re.IGNORECASE,
)
# words that appear as dotted abbreviations in journal names ("J. Clin. Oncol.")
_ABBREV_WORDS = {
    "acad",
    "adv",
    "am",
    "ann",
    "arch",
    "assoc",
    "biol",
    "biochem",
    "br",
    "bull",
    "can",
    "cardiol",
    "chem",
    "chin",
    "clin",
    "commun",
    "crit",
    "curr",
    "dermatol",
    "dis",
    "endocrinol",
    "engl",
    "epidemiol",
    "eur",
    "exp",
    "gastroenterol",
    "genet",
    "haematol",
    "hematol",
    "hepatol",
    "immunol",
    "infect",
    "int",
    "intern",
    "invest",
    "j",
    "jpn",
    "lett",
    "leuk",
    "malig",
    "med",
    "metab",
    "microbiol",
    "mol",
    "nat",
    "natl",
    "nephrol",
    "neurol",
    "oncol",
    "opin",
    "paediatr",
    "pathol",
    "pediatr",
    "pharmacol",
    "physiol",
    "proc",
    "psychiatr",
    "radiat",
    "radiol",
    "rep",
    "res",
    "rev",
    "sci",
    "semin",
    "soc",
    "surg",
    "ther",
    "transpl",
    "transplant",
    "treat",
}


def _norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _strip_markup(text: str) -> str:
    """Markdown/HTML emphasis replaced by spaces (so no token is joined), spaces collapsed."""
    return _norm_space(_RE_MARKUP.sub(" ", text))


def _letters(word: str) -> str:
    return "".join(c for c in word if c.isalpha())


# --------------------------------------------------------------------------- #
# authors


def _is_initials(word: str) -> bool:
    """'A', 'AB', 'RH', 'C-H', 'J.', 'J.A.', 'J.-P.' (three letters at most, all capitals)."""
    w = word.rstrip(",;:")
    letters = _letters(w)
    if not letters or len(letters) > 3 or not letters.isupper():
        return False
    return all(c.isalpha() or c in ".-‐" for c in w)


def _is_dotted_initials(word: str) -> bool:
    """'J.', 'J.A.', 'J.-P.': one full stop per letter ("WHO." is an acronym, not initials)."""
    w = word.rstrip(",;:")
    return _is_initials(w) and w.count(".") >= len(_letters(w)) and len(_letters(w)) <= 3


def _is_surname_word(word: str) -> bool:
    """A word that can be (part of) a surname: a particle or a capitalised name."""
    w = word.rstrip(",;:.")
    if w.lower() in _PARTICLES:
        return True
    if len(_letters(w)) < 2 or not w[0].isalpha() or not w[0].isupper():
        # "d'Angelo", "O'Brien" begin with letters; "'t Hooft" is too rare to care
        return bool(re.match(r"^[dl]['’][^\W\d_]", w))
    return all(c.isalpha() or c in "'’-‐." for c in w)


def _clean_surname(words: list[str]) -> str:
    name = " ".join(words).strip(" ,;:")
    return name.rstrip(".") if not name.endswith(" St.") else name


def first_author(text: str) -> str | None:
    """The first author's surname at the start of a reference (after any numbering).

    Handles "Surname AB", "van der Velden VH", "Collins RH Jr", "Pui C-H",
    "Surname, A. B.", "A. B. Surname" and group authors ("International
    Myeloma Working Group."). Returns None when the reference starts with
    no recognisable author (e.g. a title).
    """
    s = _strip_markup(_RE_NUMBER_PREFIX.sub("", text, count=1))
    words = s.split(" ")[:8]
    if not words or not words[0]:
        return None
    # Vancouver: Surname words, then initials ("Gökbuget N,", "van der Velden VH,")
    for k in range(1, min(len(words), 5)):
        if not all(_is_surname_word(w) for w in words[:k]):
            break
        if any(w.endswith((",", ";", ".")) for w in words[:k]):
            break
        if words[:k][-1].lower() in _PARTICLES:
            continue
        if _is_initials(words[k]) and not words[k].rstrip(",;:").endswith("-"):
            nxt = words[k + 1].lower().strip(".,") if k + 1 < len(words) else ""
            # "A Phase II Study" is a title, not "A" + initials; "Osgood EE. The ..." is not
            title_like = nxt in {"and", "of", "in", "for", "the", "with", "to"} and not words[
                k
            ].endswith((".", ",", ":", ";"))
            if (words[0][0].isupper() or words[0].lower() in _PARTICLES) and not title_like:
                return _clean_surname(words[:k])
        # mistyped initials ("Geerts Wh, Pineo GF, ..."): taken when the next author is regular
        if (
            k == 1
            and re.fullmatch(r"[A-Z][a-z],", words[1])
            and len(words) > 3
            and _is_surname_word(words[2])
            and _is_initials(words[3])
            and words[3].endswith(",")
        ):
            return _clean_surname(words[:1])
    # APA / Nature / Chicago: "Surname, A. B.," / "van Dongen, J. J."
    for k in range(1, min(len(words), 4)):
        head = words[:k]
        if not all(_is_surname_word(w) for w in head):
            break
        if not head[-1].endswith(","):
            if any(w.endswith((",", ";", ".")) for w in head):
                break
            continue
        nonparticle = [w for w in head if w.lower().rstrip(",") not in _PARTICLES]
        if len(nonparticle) > 2:
            break
        if k < len(words) and _is_initials(words[k]):
            return _clean_surname(head)
        break
    # initials first: "J. A. Smith", "J.-P. Dupont"
    j = 0
    while j < len(words) and _is_dotted_initials(words[j]) and not words[j].endswith(","):
        j += 1
    if 0 < j < len(words):
        k = j
        while k < len(words) and k - j < 4 and _is_surname_word(words[k]):
            k += 1
            if words[k - 1].endswith((",", ";", ".")):
                break
        if k > j and words[k - 1].lower().strip(",;.") not in _PARTICLES:
            return _clean_surname(words[j:k])
    # an organisation's acronym as the whole first element: "WHO. Guidelines ..."
    m = re.match(r"^([A-Z][A-Z&]{1,9})[.:]\s", s)
    if m:
        return m.group(1)
    # group author: the first element, when it names an organisation
    m = re.match(r"^(.{3,150}?)(?:[.;,:]\s|[.;]$|$)", s)
    if m and _GROUP_WORDS.search(m.group(1)) and len(m.group(1).split()) <= 14:
        return m.group(1).strip()
    return None


def _author_block_end(s: str, year_paren: re.Match[str] | None) -> int:
    """Where the author list ends in the cleaned reference `s` (start of the title)."""
    if year_paren is not None and year_paren.start() < 300:
        end = year_paren.end()
        m = re.match(r"\s*[.,]?\s*", s[end:])
        return end + (m.end() if m else 0)
    m = re.search(r"\bet\s+al\b\.?[,:]?\s*", s)
    if m and m.start() < 400:
        return m.end()
    # BMC / BioMed Central: the author list ends with a colon ("Parkin DM: Title")
    m = re.search(r"(?:\b[A-Z]{1,3}|\b[A-Z]\.|\bJr\.?)\s*:\s+", s)
    if m and m.start() < 400 and ". " not in s[: m.start()]:
        return m.end()
    for m in re.finditer(r"\.\s+", s):
        after = s[m.end() :]
        words = after.split(" ", 3)
        if not words or not words[0]:
            continue
        w0 = words[0]
        # the author list goes on: another initial, "&", "and", "Surname AB," or "Surname, A."
        if _is_dotted_initials(w0) or w0 in {"&", "and"}:
            continue
        if (
            len(words) > 1
            and _is_surname_word(w0)
            and _is_initials(words[1])
            and (words[1].endswith(",") or w0.endswith(","))
        ):
            continue
        before = s[: m.start()].split(" ")[-1]
        if not before:
            continue
        return m.end()
    return 0


# --------------------------------------------------------------------------- #
# journal


def _last_sentence(before: str) -> str:
    """The journal name at the end of `before`: its last sentence, dotted abbreviations joined."""
    before = before.rstrip(" .,;:")
    # "... transplantation.J Clin Oncol": PDF text can lose the space after a full stop
    parts = [p for p in re.split(r"(?<=[.?!])\s+|(?<=[a-z]{2}[.?!])(?=[A-Z])", before) if p]
    journal = parts[-1]
    i = len(parts) - 2
    while i >= 0:
        piece = parts[i]
        word = piece.rstrip(".")
        # in a run of ISO abbreviations the name so far ends in an abbreviated word ("Med")
        last = journal.split()[-1].rstrip(".") if journal.split() else ""
        short_name = len(journal.split()) <= 4 and (len(last) <= 4 or last.lower() in _ABBREV_WORDS)
        if (
            piece.endswith(".")
            and " " not in word
            and word[:1].isupper()
            and (len(word) == 1 or word[1:].islower())
            # ISO abbreviations ("Occup. Environ. Med", "Inflamm. Bowel Dis")
            and (len(word) <= 3 or word.lower() in _ABBREV_WORDS or (len(word) <= 9 and short_name))
        ):
            journal = piece + " " + journal
            i -= 1
            continue
        words = word.split(" ")
        if (
            piece.endswith(".")
            and 1 < len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and words[-1].lower() in _ABBREV_WORDS
            and i > 0
            and re.fullmatch(r"[A-Z][a-z]{0,3}\.", parts[i - 1])
        ):
            # "J. Korean Med. Sci.": a full word inside a run of dotted abbreviations
            journal = piece + " " + journal
            i -= 1
            continue
        break
    return journal


def _journal_before(raw: str, before: str, comma: bool = False) -> str | None:
    """The journal printed just before the volume/year: an italic span, else the last sentence."""
    tail = before.rstrip(" .,;:")
    if not tail:
        return None
    for m in reversed(list(_RE_ITALIC.finditer(raw))):
        cand = _strip_markup(m.group(1) or m.group(2) or "").rstrip(" .,;:")
        if cand and not cand.isdigit() and tail.endswith(cand):
            return cand
    if comma and ", " in tail:
        # Elsevier separates authors, title and journal by commas
        tail = tail.rsplit(", ", 1)[1]
    quoted = re.search(r"[’'\"”][.,]\s+(?=[^’'\"”]+$)", tail)
    if quoted:
        # Harvard: "(2015) 'Title', Journal, 10(2), pp. 123–129"
        tail = tail[quoted.end() :]
    # "J Med Internet Res [Internet]. 2019": the medium is not part of the name
    tail = re.sub(
        r"\s*\[(?:Internet|online|serial on the Internet|electronic)\]$", "", tail, flags=re.I
    )
    journal = _last_sentence(tail).strip(" .,;:")
    # a lone "et al" or author list is not a journal
    if not journal or len(journal) > 150 or re.fullmatch(r"(?:et\s+al|[\d\W]+)", journal):
        return None
    return journal


# --------------------------------------------------------------------------- #
# identifiers


def find_doi(text: str) -> str | None:
    """The first DOI printed in `text`, lower case, without URL prefix or trailing punctuation."""
    m = _RE_DOI.search(text)
    if not m:
        return None
    doi = m.group(0)
    # "<https://doi.org/10.x/y>" and "[10.x/y]": the bracket is not part of it
    doi = re.split(r"[<>\]]", doi, maxsplit=1)[0] if doi.count("[") < doi.count("]") else doi
    doi = re.split(r"[<>]", doi, maxsplit=1)[0]
    while doi and doi[-1] in ".,;:":
        doi = doi[:-1]
    while doi.endswith(")") and doi.count(")") > doi.count("("):
        doi = doi[:-1]
    while doi and doi[-1] in ".,;:":
        doi = doi[:-1]
    if "/" not in doi or doi.endswith("/"):
        return None
    return doi.lower()


# --------------------------------------------------------------------------- #
# the parser


def _author_year(s: str) -> re.Match[str] | None:
    """The "(2019)" printed after the authors (APA, Springer, Harvard), not the Nature "(2019).",
    or the bare ", 2019." ending an author list (Elsevier Harvard: "Bedi, G., Hyman, D., 2010.").

    It must be followed by the title and source, i.e. by at least two more words.
    """
    for pattern in (_RE_PAREN_YEAR, _RE_BARE_YEAR):
        for m in pattern.finditer(s):
            if m.start() > 400:
                break
            if len(re.findall(r"[^\W\d_]{2,}", s[m.end() :])) >= 2:
                return m
    return None


# a book or chapter: "In: Quah SR, eds. Title. Oxford: Elsevier, 2017: 576–87."
_RE_BOOK = re.compile(
    r"(?:^|[.,;:]\s+)In:\s+\S|\b(?:eds?|editors?|Hrsg)\.?\s*[,.:)]|\(\s*eds?\.?\s*\)"
    r"|\b\d+(?:st|nd|rd|th)\s+ed(?:n|ition)?\b|\bedition\b",
    re.IGNORECASE,
)
# the publisher and year of a book: "Oxford: Elsevier, 2017" / "Lyon: IARC Press; 2004"
_RE_PUBLISHER_YEAR = re.compile(
    rf"\b[A-Z][\w.'’ -]{{1,40}}:\s*[^:;.]{{2,200}}?[,;]\s*{_YEAR}(?![\w/·‐‑‒–—−-]|:\S)"
)
# the page range of a chapter after the publisher's year, or "pp. 576–87"
_RE_BOOK_PAGES = re.compile(
    rf"^\s*[:;,.]?\s*(?:pp?\.\s*)?(?P<page>\d+)\s*{_DASH}\s*\d+|\bpp?\.\s*(?P<pp>\d+)\s*{_DASH}\s*\d+"
)
# styles whose source pattern is weak enough that a title must precede the "journal"
_WEAK_STYLES = {"year-only", "online", "in-press"}


def _book(scan: str, block_end: int) -> tuple[str | None, str | None] | None:
    """(year, first page of a chapter) when the reference is a book or chapter, else None.

    A book is recognised by "In:", "eds."/"editors", "(eds)" or an edition
    ("2nd edn"); its year is the one after the publisher ("Oxford: Elsevier,
    2017"), else the last free-standing year. A chapter's first page is read
    only from a page range ("2017: 576–87", "pp. 576–87").
    """
    if not _RE_BOOK.search(scan, block_end):
        return None
    pubs = list(_RE_PUBLISHER_YEAR.finditer(scan, block_end))
    pub = pubs[-1] if pubs else None
    if pub is not None:
        year: str | None = pub.group("year")
        rest = scan[pub.end() :]
    else:
        years = list(_RE_ANY_YEAR.finditer(scan, block_end))
        year = years[-1].group("year") if years else None
        rest = scan[years[-1].end() :] if years else scan[block_end:]
    m = _RE_BOOK_PAGES.search(rest)
    page = (m.group("page") or m.group("pp")) if m else None
    return year, page


def _book_title(scan: str, block_end: int) -> str | None:
    """The title of a book or chapter: from the end of the authors to the next full stop."""
    m = re.match(r"\s*(.+?)(?:\.\s|\s+In:\s|$)", scan[block_end:])
    title = m.group(1).strip(" .,;:") if m else ""
    return title or None


def _first_page(page: str) -> str:
    return page.rstrip(".")


def parse_reference(raw: str) -> dict[str, Any]:
    """Parse one reference entry into its bibliographic fields.

    Returns a dict with the keys ``first_author``, ``year`` (int), ``journal``,
    ``volume``, ``first_page``, ``doi``, ``title``, ``pmid`` (each None when not
    found) and ``style`` (the pattern that read the source: ``vancouver``,
    ``nature``, ``elsevier``, ``apa``, ``springer``, ``online``, ``year-only``
    or ``none``). The numbering prefix ("1.", "[1]", "(1)", "- ") may be present.
    """
    out: dict[str, Any] = {
        "first_author": None,
        "year": None,
        "journal": None,
        "volume": None,
        "first_page": None,
        "doi": None,
        "title": None,
        "pmid": None,
        "style": "none",
    }
    if not raw or not raw.strip():
        return out
    body = _RE_NUMBER_PREFIX.sub("", raw, count=1)
    # bare numbers on their own lines (a PDF number column read into the entry)
    body = _RE_BARE_NUMBER_LINE.sub(" ", body)
    s = _strip_markup(body)
    out["first_author"] = first_author(body)
    out["doi"] = find_doi(raw)
    pm = _RE_PMID.search(s)
    if pm:
        out["pmid"] = pm.group(1)

    # text after a DOI or URL is not bibliographic data: keep patterns off it
    cut = re.search(r"(?:\bdoi\s*:|https?://|\bwww\.|\b10\.\d{4,9}/)", s, re.IGNORECASE)
    scan = s[: cut.start()] if cut else s
    year_paren = _author_year(scan)
    block_end = _author_block_end(scan, year_paren)

    source_start: int | None = None
    year: str | None = None
    volume: str | None = None
    page: str | None = None
    style = "none"

    book = _book(scan, block_end)
    m = None if book is not None else _RE_VANCOUVER.search(scan, block_end)
    if book is not None:
        style, source_start = "book", None
        year, page = book
    elif m:
        style, source_start = "vancouver", m.start()
        year, volume, page = m.group("year"), m.group("volume"), m.group("page")
    if style == "none":
        m = _RE_BMC.search(scan, block_end)
        if m:
            style, source_start = "bmc", m.start()
            year, volume, page = m.group("year"), m.group("volume"), m.group("page")
    if style == "none":
        m = _RE_NATURE.search(scan, block_end)
        if m:
            style, source_start = "nature", m.start()
            year, volume, page = m.group("year"), m.group("volume"), m.group("page")
    if style == "none":
        m = _RE_ELSEVIER.search(scan, block_end)
        if m:
            style, source_start = "elsevier", m.start()
            year, volume, page = m.group("year"), m.group("volume"), m.group("page")
    if style == "none" and year_paren is not None:
        m = _RE_APA.search(scan, block_end)
        if m:
            style, source_start = "apa", m.start()
            year, volume, page = year_paren.group("year"), m.group("volume"), m.group("page")
        else:
            m = _RE_SPRINGER.search(scan, block_end) or _RE_CELL.search(scan, block_end)
            if m:
                style, source_start = "springer", m.start()
                year, volume, page = year_paren.group("year"), m.group("volume"), m.group("page")
    if style == "none":
        m = _RE_MDPI.search(scan, block_end)
        if m:
            style, source_start = "mdpi", m.start()
            year, volume, page = m.group("year"), m.group("volume"), m.group("page")
    if style == "none":
        # Vancouver with the volume or the page missing
        m = _RE_YEAR_PAGE.search(scan, block_end)
        if m:
            style, source_start = "vancouver", m.start()
            year, page = m.group("year"), m.group("page")
        else:
            m = _RE_YEAR_VOLUME.search(scan, block_end)
            if m:
                style, source_start = "vancouver", m.start()
                year, volume = m.group("year"), m.group("volume")
    if style == "none":
        m = _RE_ONLINE.search(scan, block_end) or _RE_ONLINE_AFTER_YEAR.search(scan, block_end)
        if m:
            style, source_start, year = "online", m.start(), m.group("year")
    if style == "none":
        m = _RE_IN_PRESS.search(scan, block_end)
        if m and scan[: m.start()].rstrip(" .,;:"):
            style, source_start = "in-press", m.start()
            years = list(_RE_ANY_YEAR.finditer(scan, m.start()))
            year = years[0].group("year") if years else None
    if style == "none":
        for m in _RE_YEAR_ONLY.finditer(scan, block_end):
            before = scan[: m.start()].rstrip()
            if before.endswith("."):
                style, source_start, year = "year-only", m.start(), m.group("year")
                break
    if style == "none":
        # no source pattern: a year in parentheses, else a free-standing year after the authors
        if year_paren is not None:
            year = year_paren.group("year")
        else:
            years = list(_RE_ANY_YEAR.finditer(scan, block_end))
            if years:
                year = years[-1].group("year")

    if source_start is not None:
        journal = _journal_before(body, scan[:source_start], comma=style == "elsevier")
        if journal is not None:
            jpos = scan.rfind(journal, 0, source_start)
            title_end = jpos if jpos >= 0 else source_start
            if year_paren is not None and style in ("apa", "springer"):
                title_end = min(title_end, source_start)
            title = scan[block_end:title_end].strip(" .,;:")
            out["title"] = title or None
            if jpos >= 0 and jpos < block_end:
                # the "journal" reached into the author list: not trustworthy
                journal = None
                out["title"] = None
            elif not title and style in _WEAK_STYLES and block_end > 0:
                # "Organisation. Report title. 2015." : a source with no title before it is
                # the title of a report or web page, not a journal
                journal = None
        out["journal"] = journal
    elif style == "book":
        out["title"] = _book_title(scan, block_end)
    if year is not None:
        out["year"] = int(year)
    out["volume"] = volume
    out["first_page"] = _first_page(page) if page else None
    out["style"] = style

    # the invariant: printed values only
    low = raw.lower()
    for key in ("volume", "first_page"):
        if out[key] is not None and out[key] not in raw:
            out[key] = None
    if out["year"] is not None and str(out["year"]) not in raw:
        out["year"] = None
    if out["doi"] is not None and out["doi"] not in low:
        out["doi"] = None
    if out["first_author"] is not None:
        out["first_author"] = unicodedata.normalize("NFC", out["first_author"])
    return out
