"""The Paper record: dates, names, JSON round trip."""

from __future__ import annotations

import datetime as dt

from msdigest.paper import AbstractSection, Author, MeshHeading, Paper, PubDate


def test_medline_date_ranges_give_first_year_and_month() -> None:
    assert PubDate.from_medline_date("2013 Jan-Mar") == PubDate(2013, 1, None, "2013 Jan-Mar")
    assert PubDate.from_medline_date("1998 Dec-1999 Jan").year == 1998
    assert PubDate.from_medline_date("1998 Dec-1999 Jan").month == 12
    assert PubDate.from_medline_date("2000 Spring").month == 3
    assert PubDate.from_medline_date("1999-2000").month is None


def test_date_display_is_as_precise_as_the_source() -> None:
    assert PubDate(2021).display() == "2021"
    assert PubDate(2021, 2).display() == "Feb 2021"
    assert PubDate(2021, 2, 20).display() == "20 Feb 2021"
    assert PubDate.from_medline_date("2013 Jan-Mar").as_date() == dt.date(2013, 1, 1)


def test_paper_json_round_trip_keeps_every_field() -> None:
    paper = Paper(
        id="123",
        pmid="123",
        title="A title",
        abstract=(AbstractSection("We did it.", "METHODS", "METHODS"),),
        doi="10.1/x",
        pub_date=PubDate(2020, 5, 1),
        entry_date=dt.date(2020, 5, 3),
        authors=(
            Author("Smith", "Anna", "A", affiliations=("Uni A",)),
            Author(collective_name="MS Study Group"),
        ),
        mesh_headings=(MeshHeading("Multiple Sclerosis", True, ("therapy",)),),
        keywords=("exercise",),
        publication_types=("Randomized Controlled Trial",),
    )
    assert Paper.from_dict(paper.to_dict()) == paper
    assert paper.abstract_text == "METHODS: We did it."
    assert paper.affiliations == ("Uni A",)
    assert [a.name for a in paper.authors] == ["Smith A", "MS Study Group"]
