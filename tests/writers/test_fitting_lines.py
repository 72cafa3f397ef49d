"""Lines that fit the study: one name for one thing, a carer line about what was studied.

Each test builds a short made-up abstract of a shape that once read badly ("slower thinking
speed" beside "people without slower processing speed", a scans line for carers on a
treatment study, "it shows a pattern" for an interview study) and checks the article now
reads consistently and truly.
"""

from __future__ import annotations

from msdigest.facts import extract_facts
from msdigest.paper import AbstractSection, Paper
from msdigest.summary import LaySummary
from msdigest.writers import write_summary
from msdigest.writers.grounded.context import clean_intervention, title_objects, with_objects


def _paper(title: str, sections: list[tuple[str, str]], paper_id: str = "fl-1") -> Paper:
    return Paper(
        id=paper_id,
        title=title,
        abstract=tuple(AbstractSection(text=t, label=lab, category=lab) for lab, t in sections),
        journal_title="Test Journal of MS",
    )


def _summary(paper: Paper) -> LaySummary:
    """Return the checked summary of `paper`, from the facts extracted from it."""
    return write_summary(paper, extract_facts(paper))


def _part(summary: LaySummary, part: str) -> str:
    return " ".join(s.text for s in summary.sentences if s.part == part)


def _all(summary: LaySummary) -> str:
    return " ".join(s.text for s in summary.sentences)


def test_who_is_left_out_uses_the_same_plain_words_as_who_took_part() -> None:
    paper = _paper(
        "Memory games for people with multiple sclerosis and slowed processing speed: a "
        "randomised controlled trial.",
        [
            ("METHODS", "Adults with MS and slower processing speed were randomly assigned "
             "to memory games or to crosswords for 8 weeks."),
            ("RESULTS", "A total of 70 people were randomised. Processing speed improved "
             "more with memory games than with crosswords."),
            ("CONCLUSIONS", "Memory games may improve processing speed in MS."),
        ],
    )  # fmt: skip
    text = _all(_summary(paper))
    assert "processing speed" not in text.lower()
    assert "people without slower thinking speed" in _part(_summary(paper), "may_not_apply_to")


def test_interview_studies_and_case_reports_are_not_told_as_patterns_or_links() -> None:
    interviews = _paper(
        "Living with bladder problems in multiple sclerosis: a qualitative interview study.",
        [
            ("METHODS", "We held semi-structured interviews with 20 women with MS who had "
             "bladder problems."),
            ("RESULTS", "Women described planning every trip around toilets."),
            ("CONCLUSIONS", "Bladder problems shape daily life for women with MS."),
        ],
    )  # fmt: skip
    case = _paper(
        "An unusual spinal lesion in a man with multiple sclerosis: a case report.",
        [
            ("CASE", "We describe a 40-year-old man with MS who had a large spinal lesion "
             "on MRI."),
            ("CONCLUSIONS", "Large spinal lesions can occur in MS and may look like a tumour."),
        ],
    )  # fmt: skip
    for paper in (interviews, case):
        people = _part(_summary(paper), "people_with_ms")
        assert "pattern" not in people and "link" not in people, people
    assert "new evidence" not in _part(_summary(case), "people_with_ms")


def test_the_carer_line_follows_what_the_study_is_about() -> None:
    survey = _paper(
        "Flu vaccine uptake among people with multiple sclerosis: a national survey.",
        [
            ("METHODS", "An online questionnaire asked 500 people with MS about flu "
             "vaccination, immune treatments and antibodies."),
            ("RESULTS", "In all, 300 people replied; 180 had a flu vaccine last year. "
             "Taking an immune treatment was linked to higher vaccine uptake."),
            ("CONCLUSIONS", "Clear advice may improve vaccine uptake."),
        ],
    )  # fmt: skip
    carers = _part(_summary(survey), "caregivers")
    assert "immune system" not in carers and "scans" not in carers, carers

    children = _paper(
        "Strong versus mild first treatment in children with multiple sclerosis: MRI "
        "outcomes.",
        [
            ("METHODS", "This cohort study followed 80 children with relapsing MS who "
             "started a strong or a mild disease-modifying treatment. Outcomes were new "
             "lesions on MRI scans."),
            ("RESULTS", "New lesions on MRI were less common with strong treatment."),
            ("CONCLUSIONS", "Starting with a strong treatment was linked to fewer new "
             "lesions on MRI in children."),
        ],
    )  # fmt: skip
    carers = _part(_summary(children), "caregivers")
    assert "scans" not in carers, carers


def test_a_review_of_the_gut_microbiome_reads_with_the_and_promises_no_test() -> None:
    paper = _paper(
        "Gut microbiome in multiple sclerosis: a systematic review.",
        [
            ("METHODS", "We searched three databases and included 20 studies of the gut "
             "microbiome in MS."),
            ("RESULTS", "Some kinds of bacteria were more common in MS in several studies."),
            ("CONCLUSIONS", "The gut microbiome may differ in MS, but results vary."),
        ],
    )  # fmt: skip
    text = _all(_summary(paper))
    assert "not a new test" not in text
    assert "about gut microbiome" not in text and "on gut microbiome" not in text


def test_one_main_measure_is_not_called_the_main_measures() -> None:
    paper = _paper(
        "Early strong treatment and disability in relapsing multiple sclerosis: a registry "
        "cohort study.",
        [
            ("METHODS", "We compared 2,000 people with relapsing MS who started a strong "
             "treatment with those who started a mild one. The primary outcome was "
             "24-week confirmed disability worsening."),
            ("RESULTS", "Serious infections were more frequent with strong treatment."),
        ],
        paper_id="fl-measure",
    )  # fmt: skip
    assert "the main measures," not in _all(_summary(paper))


def test_an_unnamed_comparison_is_still_said_to_be_a_comparison() -> None:
    paper = _paper(
        "Home exercise for walking in multiple sclerosis: a randomised controlled trial.",
        [
            ("METHODS", "Adults with MS were randomly assigned to a 10-week home exercise "
             "programme (two sessions a week) or to a waiting-list control group that "
             "continued usual care. The primary outcome was the 6-minute walk distance (6MWD)."),
            ("RESULTS", "Eighty adults were randomised. The 6MWD improved by 30 m with "
             "exercise and 5 m in the control group."),
        ],
        paper_id="fl-compare",
    )  # fmt: skip
    providers = _part(_summary(paper), "healthcare_providers")
    assert "improved more with" in providers
    assert " than " in providers, providers


def test_a_protocol_tells_what_taking_part_will_mean() -> None:
    paper = _paper(
        "Online yoga for people with multiple sclerosis: protocol for a pilot study.",
        [
            ("METHODS", "We will recruit 30 people with MS to an online yoga course of "
             "two 30-minute sessions a week at home for 8 weeks. The main outcomes will be "
             "recruitment and retention."),
        ],
    )  # fmt: skip
    carers = _part(_summary(paper), "caregivers")
    assert "meant" not in carers, carers


def test_an_investigational_compound_is_named_by_its_name() -> None:
    """ "a treatment called investigational compound ABC-123" says the name twice over."""
    assert clean_intervention("The investigational compound ABC-123") == "ABC-123"
    assert clean_intervention("an experimental drug XY-9") == "XY-9"
    assert clean_intervention("experimental drug treatment") == "experimental drug treatment"


def test_a_bare_uptake_says_uptake_of_what_the_title_names() -> None:
    paper = _paper(
        "Flu vaccine uptake among people with multiple sclerosis: a national survey.",
        [
            ("METHODS", "An online survey asked 400 people with MS about flu vaccination."),
            ("RESULTS", "In all, 250 people replied. Older age was linked to higher uptake."),
            ("CONCLUSIONS", "Reminders from MS nurses may improve uptake."),
        ],
    )  # fmt: skip
    text = _all(_summary(paper))
    assert "vaccine uptake" in text
    assert "improve uptake" not in text and "higher uptake" not in text


def test_the_title_names_what_a_bare_noun_is_of() -> None:
    objects = title_objects("Vaccine uptake and hesitancy in MS: a survey")
    assert objects == {"uptake": "vaccine uptake"}
    assert with_objects("Uptake was low; uptake of boosters was lower.", objects) == (
        "Vaccine uptake was low; uptake of boosters was lower."
    )
    assert with_objects("Vaccine uptake was low.", objects) == "Vaccine uptake was low."
    assert title_objects("Low uptake of exercise in MS") == {}


def test_a_headline_does_not_point_back_to_a_group_not_yet_met() -> None:
    paper = _paper(
        "Falls in winter among people with multiple sclerosis: a cohort study.",
        [
            ("METHODS", "We followed 300 people with MS for 2 years and recorded falls."),
            ("RESULTS", "Falls were more common in winter than in summer."),
            ("CONCLUSIONS", "Falls were more frequent in winter in this recent cohort."),
        ],
    )  # fmt: skip
    headline = _summary(paper).headline
    assert "in this recent" not in headline, headline


def test_a_review_of_fewer_relapses_names_no_comparison_group() -> None:
    """Only a controlled study had a comparison group to have "fewer relapses than"."""
    paper = _paper(
        "Pregnancy in multiple sclerosis: a systematic review.",
        [
            ("METHODS", "We searched four databases and included 25 studies of pregnancy in "
             "women with MS."),
            ("RESULTS", "Most studies found that pregnancy reduced relapses, especially in "
             "the third trimester."),
            ("CONCLUSIONS", "Pregnancy may lower the relapse rate in MS."),
        ],
    )  # fmt: skip
    providers = _part(_summary(paper), "healthcare_providers")
    assert "fewer relapses" in providers
    assert "comparison group" not in providers, providers
