"""litkg's table finder gives what pdfplumber's `TableFinder` gives (it only
replaces two quadratic steps): the same intersections, cells and tables on
random rulings, grids with gaps and near-misses within the tolerances."""

from __future__ import annotations

import random

from pdfplumber.table import TableFinder

from litkg.extractor.ingest.pdf_tables import _edge, _EdgePage, _TableFinder


def _random_edges(rng: random.Random) -> list[dict]:
    edges = []
    # a grid, some of its rules broken or shifted within the snap tolerance
    xs = sorted(rng.sample(range(20, 560, 10), rng.randint(2, 8)))
    ys = sorted(rng.sample(range(20, 800, 10), rng.randint(2, 12)))
    for y in ys:
        for a, b in zip(xs, xs[1:], strict=False):
            if rng.random() < 0.85:
                j = rng.choice((0.0, 0.0, 0.4, -1.7, 2.5))
                edges.append(_edge(a + rng.random(), b - rng.random(), y + j, y + j, "h"))
    for x in xs:
        for a, b in zip(ys, ys[1:], strict=False):
            if rng.random() < 0.85:
                j = rng.choice((0.0, 0.0, 0.3, 1.2, -2.9))
                edges.append(_edge(x + j, x + j, a - rng.random(), b + rng.random(), "v"))
    # stray rules
    for _ in range(rng.randint(0, 10)):
        x, y = rng.uniform(0, 560), rng.uniform(0, 800)
        if rng.random() < 0.5:
            edges.append(_edge(x, x + rng.uniform(3, 200), y, y, "h"))
        else:
            edges.append(_edge(x, x, y, y + rng.uniform(3, 200), "v"))
    rng.shuffle(edges)
    return edges


def _seen(finder: TableFinder) -> tuple:
    return (
        sorted(finder.intersections),
        finder.cells,
        [t.bbox for t in finder.tables],
        [[r.cells for r in t.rows] for t in finder.tables],
    )


def test_same_tables_as_pdfplumber_on_random_rulings() -> None:
    rng = random.Random(13)
    found = 0
    for _ in range(100):
        page = _EdgePage(_random_edges(rng), 595.0, 842.0)
        ours, theirs = _TableFinder(page), TableFinder(page)  # type: ignore[arg-type]
        assert _seen(ours) == _seen(theirs)
        assert list(ours.intersections) == list(theirs.intersections)
        found += len(theirs.tables)
    assert found > 60  # the rulings do make tables
