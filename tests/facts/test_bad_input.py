"""Bad input gives empty facts with a reason, never a crash and never a guessed number."""

from __future__ import annotations

import pytest

from msdigest.facts import extract_facts
from msdigest.facts.document import MAX_CHARS
from msdigest.paper import AbstractSection, Paper
from tests.facts.builders import facts


def _paper(text: str) -> Paper:
    return Paper(id="bad", title="A title", abstract=(AbstractSection(text),))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("Abstract", "too short"),
        ("No abstract available.", "too short"),
        (
            "La esclerosis múltiple es una enfermedad crónica del sistema nervioso central que "
            "afecta a adultos jóvenes. Se incluyeron cuarenta pacientes y se evaluó la fatiga "
            "durante doce semanas con una escala validada en la consulta externa del hospital.",
            "English",
        ),
        ("多发性硬化症是一种慢性疾病。我们纳入了四十名患者，随访十二周。" * 3, "English"),
    ],
)
def test_unreadable_abstracts_give_null_facts_with_a_reason(text: str, reason: str) -> None:
    got = extract_facts(_paper(text))
    assert got.sample_size.total is None
    assert got.study_design == "other"
    assert got.duration is None
    assert got.notes and reason in got.notes[0]
    assert got.evidence.level == 0
    assert got.to_json()["notes"] == list(got.notes)


def test_a_huge_abstract_is_cut_and_says_so() -> None:
    sentence = (
        "METHODS: We enrolled 120 patients with relapsing MS and followed them for 12 months. "
    )
    text = sentence + "Patients were assessed with standard scales at each visit. " * 4000
    assert len(text) > 200_000
    got = extract_facts(_paper(text))
    assert got.sample_size.total == 120
    assert any(f"{MAX_CHARS:,}" in note for note in got.notes)


def test_a_huge_abstract_without_sentence_ends_does_not_crash() -> None:
    got = extract_facts(_paper("patients " * 30_000))
    assert got.sample_size.total is None


def test_markup_debris_is_noted_and_read_as_text() -> None:
    got = extract_facts(
        _paper("&lt;i&gt;Forty&lt;/i&gt; patients with <sup>MS</sup> were randomised to a drug.")
    )
    assert any("markup" in note for note in got.notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("METHODS: A total of 1,204 patients were included.", 1204),
        ("METHODS: A total of 1 204 patients were included.", 1204),
        ("METHODS: Adults aged 18-60 years (n = 98) were included.", 98),
        ("METHODS: Patients aged 18 to 65 were included in 2019.", None),
        ("METHODS: In 2019, 45 patients aged 30-40 years were enrolled.", 45),
    ],
)
def test_separators_and_ranges(text: str, expected: int | None) -> None:
    assert facts(text).sample_size.total == expected


def test_numbers_never_come_from_outside_the_text() -> None:
    got = facts("METHODS: Patients with MS were studied. RESULTS: Fatigue improved.")
    assert got.sample_size.total is None
    assert got.sample_size.reason == "no participant count stated"
    assert got.duration is None
