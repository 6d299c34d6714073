"""The visible vector paths of a PDF page, read once for the table rules
(`pdf_tables.page_edges`) and the side boxes (`pdf_boxes.page_boxes`).

A path object is visible when it is filled or stroked; form XObjects are
entered (three levels deep) with their matrices. Each path keeps its draw
mode, its fill colour and its segments' points in page coordinates, top
down from `y_top` and from `x_left` (the pdfplumber frame the words use).
pdfium is called through prototypes taking plain integer addresses, the
results written into one reused buffer.

A path's segments are what `FPDFPath_GetPathSegment` points at: pdfium's
array of path points (x, y as floats, then the segment type and the close
flag as bytes, 12 bytes apart), so a path of many segments (a figure's
curves and markers, four calls per segment) is read in one copy of that
array, once the handles of its first and last segment are exactly that far
apart and both read back through the API as they do in the copy; any other
path, or any mismatch, is read one segment at a time.
"""

from __future__ import annotations

import ctypes
import itertools
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Matrix = tuple[float, float, float, float, float, float]

#: pdfium's path point (CFX_Path::Point) as the segment handles address it:
#: x, y (floats), the segment type and the close flag (bytes), padding
_POINT = struct.Struct("<ffBBxx")
_STRIDE = _POINT.size
_BULK_MIN = 3  # segments: shorter paths are read through the API


@dataclass
class PagePath:
    """One visible path: draw mode, fill colour (r, g, b, a) and segments."""

    fill: int
    stroke: int
    #: read for the paths of 4-6 segments filled and not stroked (a side box's
    #: test); where pdfium cannot give it, the last colour read on the page
    colour: tuple[int, int, int, int] | None
    points: list[tuple[float, float]]  # (x, top) per segment
    kinds: list[int]  # FPDF_SEGMENT_* per segment
    closes: list[bool]  # per segment: it closes the subpath


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """Matrix product m x n (PDF row-vector convention: apply m, then n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n  # noqa: N806
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


class _Calls:
    """pdfium's path functions with integer-address prototypes."""

    def __init__(self) -> None:
        def proto(name: str, res: Any, *args: Any) -> Any:
            addr = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value
            return ctypes.PYFUNCTYPE(res, *args)(addr)

        v, i = ctypes.c_void_p, ctypes.c_int
        self.count_objects = proto("FPDFPage_CountObjects", i, v)
        self.get_object = proto("FPDFPage_GetObject", v, v, i)
        self.obj_type = proto("FPDFPageObj_GetType", i, v)
        self.matrix = proto("FPDFPageObj_GetMatrix", i, v, v)
        self.form_count = proto("FPDFFormObj_CountObjects", i, v)
        self.form_object = proto("FPDFFormObj_GetObject", v, v, ctypes.c_ulong)
        self.draw_mode = proto("FPDFPath_GetDrawMode", i, v, v, v)
        self.fill_colour = proto("FPDFPageObj_GetFillColor", i, v, v, v, v, v)
        self.count_segments = proto("FPDFPath_CountSegments", i, v)
        self.segment = proto("FPDFPath_GetPathSegment", v, v, i)
        self.point = proto("FPDFPathSegment_GetPoint", i, v, v, v)
        self.segment_type = proto("FPDFPathSegment_GetType", i, v)
        self.segment_close = proto("FPDFPathSegment_GetClose", i, v)
        self.buf = (ctypes.c_float * 6)()  # a matrix, or a point (x, y)
        self.ints = (ctypes.c_uint * 4)()  # draw mode (fill, stroke) or r g b a


_CALLS: _Calls | None = None


def _calls() -> _Calls:
    global _CALLS
    if _CALLS is None:
        _CALLS = _Calls()
    return _CALLS


def bulk_segments(
    h: int, n: int
) -> tuple[tuple[float, ...], tuple[float, ...], list[int], list[bool]] | None:
    """x, y, types and closes of the n segments of path object `h` (an
    integer address) read from pdfium's point array, or None when the array is
    not laid out as expected (then each segment is read through the API)."""
    cl = _calls()
    buf = cl.buf
    fb = ctypes.addressof(buf)
    first, last = cl.segment(h, 0), cl.segment(h, n - 1)
    if not first or not last or last - first != _STRIDE * (n - 1):
        return None
    rec = list(_POINT.iter_unpack(ctypes.string_at(first, _STRIDE * n)))
    for seg, (x, y, kind, close) in ((first, rec[0]), (last, rec[-1])):
        cl.point(seg, fb, fb + 4)
        if buf[0] != x or buf[1] != y or cl.segment_type(seg) != kind:
            return None
        if cl.segment_close(seg) != close:
            return None
    xs, ys, kinds, closes = zip(*rec, strict=True)
    if max(kinds) > 2 or max(closes) > 1:
        return None
    return xs, ys, list(kinds), list(map(bool, closes))


class PagePaths:
    """The visible paths of one page as arrays: every path's points one after
    the other (`x`, `y` top down, `kinds`, `closes`), `starts[i]` the index of
    path i's first point (`starts[-1]`: the number of points), and per path
    its `fill`, `stroke` and `colour`. Iterating gives one `PagePath` each."""

    def __init__(
        self,
        x: np.ndarray,
        y: np.ndarray,
        kinds: np.ndarray,
        closes: np.ndarray,
        starts: np.ndarray,
        fill: list[int],
        stroke: list[int],
        colour: list[tuple[int, int, int, int] | None],
    ) -> None:
        self.x, self.y, self.kinds, self.closes = x, y, kinds, closes
        self.starts = starts
        self.fill, self.stroke, self.colour = fill, stroke, colour

    def __len__(self) -> int:
        return len(self.fill)

    def __iter__(self) -> Iterator[PagePath]:
        points = list(zip(self.x.tolist(), self.y.tolist(), strict=True))
        kinds, closes = self.kinds.tolist(), self.closes.tolist()
        bounds = self.starts.tolist()
        for i, (a, b) in enumerate(itertools.pairwise(bounds)):
            yield PagePath(
                self.fill[i], self.stroke[i], self.colour[i], points[a:b], kinds[a:b], closes[a:b]
            )

    def __getitem__(self, i: int) -> PagePath:
        return list(self)[i]


#: a segment as `_POINT` lays it out, for reading a page's copies in one go
_POINT_DTYPE = np.dtype([("x", "<f4"), ("y", "<f4"), ("kind", "u1"), ("close", "u1"), ("_", "V2")])
#: a segment read through the API, packed as pdfium lays it out (the type
#: signed: the API answers -1 for a segment it cannot type)
_API_POINT = struct.Struct("<ffbBxx")


def read_paths(page: pdfium.PdfPage, y_top: float, x_left: float) -> PagePaths:
    """The page's visible paths (forms entered), points in the top-down frame.

    Each path's segments are copied as bytes (pdfium's point array, or the
    API's answers packed the same way), and all of them are turned into page
    coordinates at once; the layout of pdfium's array is checked against the
    API on the first path of the page copied in one go (it is a property of
    pdfium's build, not of the path) and the handles' spacing on every one."""
    cl = _calls()
    buf, ints = cl.buf, cl.ints
    fb = ctypes.addressof(buf)
    ib = ctypes.addressof(ints)
    path_kind, form_kind = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    segment, point, segment_type, segment_close = (
        cl.segment,
        cl.point,
        cl.segment_type,
        cl.segment_close,
    )
    count_segments, draw_mode, obj_type, matrix = (
        cl.count_segments,
        cl.draw_mode,
        cl.obj_type,
        cl.matrix,
    )
    string_at = ctypes.string_at
    pack = _API_POINT.pack
    stride = _STRIDE
    fy = fb + 4
    chunks: list[bytes] = []
    counts: list[int] = []
    mats: list[Matrix] = []
    fills: list[int] = []
    strokes: list[int] = []
    colours: list[tuple[int, int, int, int] | None] = []
    copied: dict[int, int] = {}  # path index -> handle, of the paths copied in one go
    last_colour = (0, 0, 0, 0)
    bulk_ok: bool | None = None  # the array's layout, checked on the page's first copy

    def api_bytes(h: int, n: int) -> bytes:
        parts = []
        for i in range(n):
            seg = segment(h, i)
            point(seg, fb, fy)
            parts.append(pack(buf[0], buf[1], segment_type(seg), segment_close(seg) != 0))
        return b"".join(parts)

    def path(h: int, m: Matrix) -> None:
        nonlocal last_colour, bulk_ok
        draw_mode(h, ib, ib + 4)
        fill, stroke = ints[0], ints[1]
        if not (fill or stroke):
            return
        n = count_segments(h)
        colour = None
        if fill and not stroke and 4 <= n <= 6:
            if cl.fill_colour(h, ib, ib + 4, ib + 8, ib + 12):
                last_colour = (ints[0], ints[1], ints[2], ints[3])
            colour = last_colour
        data = None
        if n >= _BULK_MIN and bulk_ok is not False:
            first, last = segment(h, 0), segment(h, n - 1)
            if first and last and last - first == stride * (n - 1):
                if bulk_ok is None:
                    bulk_ok = bulk_segments(h, n) is not None
                if bulk_ok:
                    data = string_at(first, stride * n)
                    copied[len(chunks)] = h
        chunks.append(api_bytes(h, n) if data is None else data)
        counts.append(n)
        mats.append(m)
        fills.append(fill)
        strokes.append(stroke)
        colours.append(colour)

    def walk(handles: list[int], outer: Matrix, depth: int) -> None:
        for h in handles:
            kind = obj_type(h)
            if kind != path_kind and kind != form_kind:
                continue
            matrix(h, fb)
            m = _mul((buf[0], buf[1], buf[2], buf[3], buf[4], buf[5]), outer)
            if kind == form_kind:
                if depth < 3:
                    inner = [cl.form_object(h, i) for i in range(cl.form_count(h))]
                    walk(inner, m, depth + 1)
                continue
            path(h, m)

    raw = ctypes.cast(page.raw, ctypes.c_void_p).value
    top = [cl.get_object(raw, i) for i in range(cl.count_objects(raw))]
    walk(top, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0)
    seg = np.frombuffer(b"".join(chunks), dtype=_POINT_DTYPE)
    starts = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    odd = np.flatnonzero((seg["kind"] > 2) | (seg["close"] > 1))
    if len(odd):
        # a copy holding values the API never gives is read through the API
        # (as `bulk_segments` refuses it)
        redo = [
            i for i in np.unique(np.searchsorted(starts, odd, "right") - 1).tolist() if i in copied
        ]
        for i in redo:
            chunks[i] = api_bytes(copied[i], counts[i])
        if redo:
            seg = np.frombuffer(b"".join(chunks), dtype=_POINT_DTYPE)
    return _page_paths(seg, starts, counts, mats, fills, strokes, colours, y_top, x_left)


def _page_paths(
    seg: np.ndarray,
    starts: np.ndarray,
    counts: list[int],
    mats: list[Matrix],
    fills: list[int],
    strokes: list[int],
    colours: list[tuple[int, int, int, int] | None],
    y_top: float,
    x_left: float,
) -> PagePaths:
    """The segments of a page's paths turned into page coordinates, in the
    order of operations of the per-point formula (so to the same doubles)."""
    m = np.array(mats, dtype=np.float64).reshape(-1, 6)
    per = np.repeat(m, counts, axis=0)
    a, b, c, d, e, f = (per[:, i] for i in range(6))
    x = seg["x"].astype(np.float64)
    y = seg["y"].astype(np.float64)
    px = x * a + y * c + e - x_left
    py = y_top - (x * b + y * d + f)
    return PagePaths(
        px,
        py,
        seg["kind"].view(np.int8).astype(np.int64),  # the API's -1 (no type) as it gave it
        seg["close"].astype(bool),
        starts,
        fills,
        strokes,
        colours,
    )
