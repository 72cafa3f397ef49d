"""Related articles by TF-IDF: closest first, deterministic, fast enough for 10,000."""

from __future__ import annotations

from msdigest.related import RelatedDocument, RelatedIndex, tokenize


def _docs() -> list[RelatedDocument]:
    return [
        RelatedDocument("gut1", "Gut bacteria and diet shape immune cells in MS", ("lifestyle",)),
        RelatedDocument("gut2", "Diet changes gut bacteria; immune cells respond", ("lifestyle",)),
        RelatedDocument("mri1", "Spinal cord lesions on MRI scans over two years", ("imaging",)),
        RelatedDocument("mri2", "MRI lesions in the spinal cord predict walking", ("imaging",)),
        RelatedDocument("walk", "A walking programme improved walking endurance", ()),
    ]


def test_the_closest_document_comes_first_and_self_is_excluded() -> None:
    index = RelatedIndex(_docs())
    assert index.top("gut1")[0][0] == "gut2"
    assert index.top("mri1")[0][0] == "mri2"
    assert all(key != "mri1" for key, _ in index.top("mri1"))


def test_scores_are_cosines_and_order_is_stable() -> None:
    first = RelatedIndex(_docs()).all_top()
    second = RelatedIndex(reversed(_docs())).all_top()
    assert first == second
    assert all(0 < score <= 1.0 for pairs in first.values() for _, score in pairs)


def test_unrelated_and_unknown_documents_have_no_neighbours() -> None:
    index = RelatedIndex([*_docs(), RelatedDocument("odd", "zebra xylophone quartz", ())])
    assert index.top("odd") == []
    assert index.top("missing") == []


def test_tokenize_drops_stopwords_numbers_and_short_words() -> None:
    assert tokenize("The 48 patients in MS had lower T2-lesion volume.") == [
        "lower",
        "t2-lesion",
        "volume",
    ]
