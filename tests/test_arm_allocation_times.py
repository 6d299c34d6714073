"""An allocation sentence whose 'groups' are times names no arm: the dates
of recruitment are when patients were randomised, not to what."""

import pytest

from litkg.extractor.components.arms import allocation


@pytest.mark.parametrize(
    "sent",
    [
        "In total 318 women were randomised at six clinics between March 2011 and June 2013.",
        "Children were randomized between Spring 2009 and Autumn 2010 in two provinces.",
    ],
)
def test_recruitment_dates_are_no_arms(sent):
    got = allocation(sent)
    assert got is None or not any(label for label, _n in got.arms)


def test_arms_of_an_allocation_sentence_are_still_read():
    got = allocation("Of these, 61 were randomized to acupuncture and 59 to sham needling.")
    assert got is not None
    assert [n for _label, n in got.arms] == [61, 59]
