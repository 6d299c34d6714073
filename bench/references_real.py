#!/usr/bin/env python3
"""Reference parsing on real references: JATS markup as the answer key, real PDFs by eye.

usage: references_real.py [--jats-dir DIR] [--pdf-dir DIR] [--verbose] [--sample N]

1. JATS: every reference of every `*.nxml` in `--jats-dir` (default
   `../shared/jats-samples`) is read with `read_jats`; its rendered line
   (`text`) is parsed by `parse_reference` with the markup ignored, and the
   result is compared field by field with the markup (first_author with
   diacritics folded, year, journal without dots and spaces, volume,
   first_page, doi). A field counts where the markup has it; a value the
   parser returns where the markup has none is counted as "spurious" (a
   guess). A first_author the markup gives that is really a title (a
   `<collab>` holding a sentence: more than eight words) is not scored.
   `--verbose` lists every wrong or spurious field. Then the same references are
   found, split and parsed from the article's rendered text with the markup
   dropped (the plain-text form of a PMC article) and compared the same way.
2. PDFs: for every `*.pdf` in `--pdf-dir` (default `../shared/real-pdfs`)
   the document is read with `load_document`, its reference list extracted,
   and the count, the numbering gaps, the share of entries with each field,
   a sample of parsed entries (`--sample`, default 6) and the hand-checked
   expectations below are printed.

Folders that are absent are skipped. Nothing is copied from them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from scoring import field_ok  # bench/ is on sys.path when run as a script

from litkg.extractor.components.citation_parse import parse_reference
from litkg.extractor.components.references import extract_references

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIELDS = ["first_author", "year", "journal", "volume", "first_page", "doi"]

# Entries read by eye from the printed reference lists of the real PDFs
# (document stem prefix -> {index: expected fields}); None means "must be null".
PDF_EXPECTED: dict[str, dict[int, dict[str, Any]]] = {
    "pdf01": {
        1: dict(first_author="Remme", year=2017, journal=None, volume=None),
        2: dict(
            first_author="Basanez",
            year=2008,
            journal="Lancet Infect Dis",
            volume="8",
            first_page="310",
        ),
        3: dict(
            first_author="Center for Disease Control and Prevention",
            year=2013,
            journal="MMWR Morb Mortal Wkly Rep",
            volume="62",
            first_page="405",
        ),
        6: dict(
            first_author="African Programme for Onchocerciasis Control",
            year=2015,
            journal=None,
            volume=None,
            first_page=None,
        ),
        11: dict(
            first_author="Korth-Bradley",
            year=2012,
            journal="Am J Trop Med Hyg",
            volume="86",
            first_page="122",
        ),
        15: dict(
            first_author="Awadzi",
            year=1980,
            journal="Ann Trop Med Parasitol",
            volume="74",
            first_page="189",
        ),
        22: dict(
            first_author="D’Ambrosio",
            year=2015,
            journal="Sci Transl Med",
            volume="7",
            first_page="286re4",
        ),
        29: dict(
            first_author="Mounsey",
            year=2016,
            journal="PLoS Negl Trop Dis",
            volume="10",
            first_page="e0004389",
        ),
    },
    "pdf04": {
        1: dict(
            first_author="Kallen",
            year=2001,
            journal="Eur J Public Health",
            volume="11",
            first_page="329",
        ),
        2: dict(
            first_author="Rogers",
            year=2009,
            journal="Reprod Toxicol",
            volume="28",
            first_page="152",
        ),
        4: dict(first_author="NHS Information Centre", year=2011, journal=None, volume=None),
        8: dict(
            first_author="Chamberlain",
            year=2013,
            journal="Cochrane Database Syst Rev",
            volume="10",
            first_page="CD001055",
        ),
        10: dict(
            first_author="Haasova", year=2012, journal="Addiction", volume="108", first_page="26"
        ),
        22: dict(first_author="Babor", year=1992, journal=None, volume=None),
        30: dict(first_author="Gates", year=2004, journal="BJOG", volume="111", first_page="213"),
        37: dict(
            first_author="Domenjoz",
            year=2014,
            journal="Am J Obstet Gynecol",
            volume="211",
            first_page="401",
        ),
        39: dict(
            first_author="Harrison",
            year=2011,
            journal="Int J Behav Nutr Phys Act",
            volume="8",
            first_page="19",
        ),
    },
    "pdf06": {
        1: dict(first_author="Ferlay", year=2004, journal=None, volume=None),
        3: dict(
            first_author="Baade",
            year=2006,
            journal="Cancer Causes Control",
            volume="17",
            first_page="287",
        ),
        4: dict(
            first_author="Brown",
            year=1993,
            journal="J NatlCancer Inst",
            volume="85",
            first_page="979",
        ),
        6: dict(
            first_author="Gonzalez", year=2006, journal="Br J Nutr", volume="96", first_page="S42"
        ),
        8: dict(
            first_author="Bingham", year=2003, journal="Lancet", volume="361", first_page="1496"
        ),
        20: dict(
            first_author="Caswell", year=2009, journal="Br J Nutr", volume="102", first_page="1541"
        ),
        22: dict(first_author="Bandura", year=1986, journal=None, volume=None),
        45: dict(
            first_author="Australian Bureau of Statistics", year=2003, journal=None, volume=None
        ),
        48: dict(year=None, journal=None, volume=None, first_page=None),
        50: dict(
            first_author="Hawkes", year=2012, journal="J Clin Oncol", volume=None, first_page=None
        ),
        52: dict(
            first_author="Hawkes", year=2009, journal="BMC Cancer", volume="9", first_page="286"
        ),
        65: dict(
            first_author="Tudor-Locke", year=2004, journal="Sports Med", volume="34", first_page="1"
        ),
        66: dict(
            first_author="Fletcher", year=1996, journal="Circulation", volume="94", first_page="857"
        ),
    },
}


def _markup_value(field: str, ref: dict[str, Any]) -> Any:
    value = ref.get(field)
    if value in (None, ""):
        return None
    if field == "first_author" and len(str(value).split()) > 8:
        return None  # a title marked up as <collab>
    return value


def bench_jats(folder: Path, verbose: bool) -> None:
    """Parse the rendered text of every JATS reference and compare with its markup."""
    from litkg.extractor.ingest.jats import read_jats

    paths = sorted(folder.glob("*.nxml")) if folder.is_dir() else []
    if not paths:
        print(f"JATS: no samples in {folder}, skipped")
        return
    right = {f: 0 for f in FIELDS}
    total = {f: 0 for f in FIELDS}
    spurious = {f: 0 for f in FIELDS}
    whole = [0, 0]
    skipped_authors = 0
    for path in paths:
        doc = read_jats(path)
        for ref in doc.references:
            got = parse_reference(str(ref.get("text") or ""))
            all_ok = True
            for f in FIELDS:
                want = _markup_value(f, ref)
                if want is None:
                    if f == "first_author" and ref.get(f):
                        skipped_authors += 1
                        continue
                    if got[f] is not None:
                        spurious[f] += 1  # reported apart, as score.py scores gold fields only
                        if verbose:
                            print(
                                f"  {path.stem} #{ref.get('index')} {f}: markup none, "
                                f"parsed {got[f]!r}"
                            )
                    continue
                ok = field_ok(f, want, got[f])
                right[f] += ok
                total[f] += 1
                all_ok &= ok
                if verbose and not ok:
                    print(
                        f"  {path.stem} #{ref.get('index')} {f}: markup {want!r} parsed {got[f]!r}"
                    )
            whole[0] += all_ok
            whole[1] += 1
    print(
        f"JATS references, each rendered line parsed ({len(paths)} files, {whole[1]} references):"
    )
    for f in FIELDS:
        acc = right[f] / total[f] if total[f] else 1.0
        print(f"  {f:<13} acc {acc:.3f} ({right[f]}/{total[f]})  spurious {spurious[f]}")
    print(
        f"  all-fields-right {whole[0] / whole[1] if whole[1] else 1.0:.3f} "
        f"({whole[0]}/{whole[1]}), markup authors not scored (titles): {skipped_authors}"
    )
    bench_jats_text(paths, verbose)


def bench_jats_text(paths: list[Path], verbose: bool) -> None:
    """The same references found, split and parsed from the rendered text (markup dropped).

    This is the plain-text form of a PubMed Central article ("## References",
    "1. ..."): `extract_references` runs on a text-only `Document`, and each
    markup reference is compared with the entry of the same number.
    """
    from litkg.extractor.document import Document
    from litkg.extractor.ingest.jats import read_jats

    right = {f: 0 for f in FIELDS}
    total = {f: 0 for f in FIELDS}
    whole = [0, 0]
    found = 0
    for path in paths:
        jats = read_jats(path)
        doc = Document(doc_id=jats.doc_id, source=str(path), source_format="text", text=jats.text)
        pred = {r.index: r for r in extract_references(doc)}
        found += len(pred)
        for ref in jats.references:
            p = pred.get(ref.get("index"))
            all_ok = True
            for f in FIELDS:
                want = _markup_value(f, ref)
                if want is None:
                    continue
                got = getattr(p, f) if p is not None else None
                ok = field_ok(f, want, got)
                right[f] += ok
                total[f] += 1
                all_ok &= ok
                if verbose and not ok:
                    print(
                        f"  text {path.stem} #{ref.get('index')} {f}: markup {want!r} got {got!r}"
                    )
            whole[0] += all_ok
            whole[1] += 1
    print(
        f"JATS references, list found in the rendered text ({found} found, {whole[1]} marked up):"
    )
    for f in FIELDS:
        acc = right[f] / total[f] if total[f] else 1.0
        print(f"  {f:<13} acc {acc:.3f} ({right[f]}/{total[f]})")
    print(
        f"  all-fields-right {whole[0] / whole[1] if whole[1] else 1.0:.3f} ({whole[0]}/{whole[1]})"
    )


def bench_pdfs(folder: Path, sample: int, verbose: bool) -> None:
    """Extract the reference list of every real PDF; print counts, a sample and checks."""
    from litkg.extractor.ingest import load_document

    paths = sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    if not paths:
        print(f"PDFs: none in {folder}, skipped")
        return
    checked = [0, 0]
    for path in paths:
        refs = extract_references(load_document(path))
        numbers = [r.index for r in refs]
        gaps = sorted(set(range(1, max(numbers) + 1)) - set(numbers)) if numbers else []
        have = {
            f: sum(1 for r in refs if getattr(r, f) is not None)
            for f in ("first_author", "year", "journal", "volume", "first_page")
        }
        shares = " ".join(f"{f}={n}" for f, n in have.items())
        print(f"{path.name}: {len(refs)} references, missing numbers {gaps or '-'}; with {shares}")
        step = max(1, len(refs) // sample) if sample else 0
        for r in refs[::step] if step else []:
            print(
                f"    {r.index:>3} {r.first_author!s:<24.24} {r.year!s:<5} "
                f"{r.journal!s:<28.28} {r.volume!s:<5} {r.first_page!s:<9} "
                f"{r.provenance.rule if r.provenance else ''}"
            )
        expected = next((v for k, v in PDF_EXPECTED.items() if path.name.startswith(k)), {})
        by_index = {r.index: r for r in refs}
        for index, fields in expected.items():
            r = by_index.get(index)
            for f, want in fields.items():
                got = getattr(r, f) if r is not None else None
                ok = (got is None) if want is None else field_ok(f, want, got)
                checked[0] += ok
                checked[1] += 1
                if not ok:
                    print(f"    ! #{index} {f}: expected {want!r} got {got!r}")
    if checked[1]:
        print(f"PDF hand-checked fields right: {checked[0]}/{checked[1]}")


def main(argv: list[str]) -> int:
    """Run both parts of the benchmark."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jats-dir", type=Path, default=SHARED / "jats-samples")
    ap.add_argument("--pdf-dir", type=Path, default=SHARED / "real-pdfs")
    ap.add_argument("--sample", type=int, default=6)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    bench_jats(args.jats_dir, args.verbose)
    bench_pdfs(args.pdf_dir, args.sample, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
