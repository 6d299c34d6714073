"""A value's note mark printed as a letter closed by a parenthesis, its stars
after it ("1.31±0.12a)**", "7 (15)b)"), as a sports-medicine house style
prints them: the mark is no part of the value."""

from litkg.extractor.tables import parse_value


def test_a_letter_mark_closed_by_a_parenthesis_is_a_mark():
    v = parse_value("1.31±0.12a)**")
    assert (v.kind, v.value, v.disp) == ("estimate", 1.31, 0.12)
    c = parse_value("7 (15)b)")
    assert (c.kind, c.n, c.percent) == ("count", 7, 15.0)
    assert parse_value("12 (a)").kind == "text"  # a letter in parentheses is no value's mark


def test_a_parenthesis_closing_a_unit_is_no_mark():
    from litkg.extractor.tables.labels import clean

    assert clean("Fluid balance (first 24 h)") == "Fluid balance (first 24 h)"
    assert clean("Food intake (g/24h)") == "Food intake (g/24h)"
    assert clean("Grade (≥50 mm, <75 mm)") == "Grade (≥50 mm, <75 mm)"
