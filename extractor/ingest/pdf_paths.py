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
import struct
from dataclasses import dataclass
from typing import Any

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


def read_paths(page: pdfium.PdfPage, y_top: float, x_left: float) -> list[PagePath]:
    """The page's visible paths (forms entered), points in the top-down frame."""
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
    fy = fb + 4
    out: list[PagePath] = []
    last_colour = (0, 0, 0, 0)

    def path(h: int, m: Matrix) -> None:
        nonlocal last_colour
        cl.draw_mode(h, ib, ib + 4)
        fill, stroke = ints[0], ints[1]
        if not (fill or stroke):
            return
        n = cl.count_segments(h)
        colour = None
        if fill and not stroke and 4 <= n <= 6:
            if cl.fill_colour(h, ib, ib + 4, ib + 8, ib + 12):
                last_colour = (ints[0], ints[1], ints[2], ints[3])
            colour = last_colour
        a, b, c, d, e, f = m
        bulk = bulk_segments(h, n) if n >= _BULK_MIN else None
        if bulk is not None:
            xs, ys, kinds, closes = bulk
            # the same operations, in the same order, as per segment below
            points = [
                (x * a + y * c + e - x_left, y_top - (x * b + y * d + f))
                for x, y in zip(xs, ys, strict=True)
            ]
            out.append(PagePath(fill, stroke, colour, points, kinds, closes))
            return
        points = []
        kinds = []
        closes = []
        add_point, add_kind, add_close = points.append, kinds.append, closes.append
        for i in range(n):
            seg = segment(h, i)
            point(seg, fb, fy)
            x, y = buf[0], buf[1]
            add_point((x * a + y * c + e - x_left, y_top - (x * b + y * d + f)))
            add_kind(segment_type(seg))
            add_close(segment_close(seg) != 0)
        out.append(PagePath(fill, stroke, colour, points, kinds, closes))

    def walk(handles: list[int], outer: Matrix, depth: int) -> None:
        for h in handles:
            kind = cl.obj_type(h)
            if kind != path_kind and kind != form_kind:
                continue
            cl.matrix(h, fb)
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
    return out
