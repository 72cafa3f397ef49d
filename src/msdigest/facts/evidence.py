"""Give a study a plain evidence label, the reasons for it, and a level from 1 to 5.

The label tells a reader at a glance how much weight a finding can bear, in words they
know: "early lab research", "case report", "small early study", "observational study",
"randomised trial", "review of many studies". Every reason is built from the extracted
facts only (the design, the number of people, the comparison group, the length), so no
reason states anything the abstract does not.
"""

from __future__ import annotations

from msdigest.facts.model import Duration, Evidence, Limitations, SampleSize
from msdigest.text.numbers import format_count

__all__ = ["grade_evidence"]

_DESIGN_REASON = {
    "animal_or_lab": "done in animals or in the lab, not yet tested in people",
    "case_report_or_series": "describes what happened to one or a few patients",
    "qualitative": "based on interviews or group discussions, not measurements",
    "feasibility_or_pilot": "a pilot study, run to test whether a bigger study can work",
    "single_arm_trial": "everyone got the same treatment; there was no comparison group",
    "non_randomized_trial": "compared groups that were not chosen at random",
    "randomized_controlled_trial": "people were put into groups at random, the fairest test",
    "cohort": "followed people over time; it shows links, not cause and effect",
    "case_control": "compared people with and without a condition; it shows links, not cause",
    "cross_sectional": "looked at people at one point in time; it shows links, not cause",
    "systematic_review": "brings together the results of earlier studies",
    "meta_analysis": "pools the results of earlier studies",
    "other": "the type of study is not clear from the abstract",
}


_COMMENTARY = "a narrative review or commentary: the authors' reading of other studies"


def _label(design: str, size: SampleSize) -> tuple[str, int]:
    small = size.total is None or size.total < 100
    if design == "animal_or_lab":
        return "early lab research", 1
    if design == "case_report_or_series":
        return ("case report", 1) if (size.total or 1) <= 1 else ("case series", 1)
    if design == "qualitative":
        return "interview study", 2
    if design in {"feasibility_or_pilot", "single_arm_trial"}:
        return ("small early study", 2) if small else ("early study without comparison", 2)
    if design == "non_randomized_trial":
        return "non-randomised trial", 3 if not small else 2
    if design == "randomized_controlled_trial":
        return ("small randomised trial", 3) if small else ("randomised trial", 4)
    if design in {"cohort", "case_control", "cross_sectional"}:
        large = size.total is not None and size.total >= 1000
        return ("large observational study", 3) if large else ("observational study", 2)
    if design in {"systematic_review", "meta_analysis"}:
        return "review of many studies", 5
    return "unclear evidence", 0


def grade_evidence(
    design: str,
    size: SampleSize,
    duration: Duration | None,
    limitations: Limitations,
    *,
    commentary: bool = False,
) -> Evidence:
    """Return the evidence label, its reasons and its level for these facts.

    `commentary` marks a narrative review, commentary or viewpoint: expert opinion on
    other studies, with no study of its own.
    """
    if commentary:
        return Evidence(label="expert review or opinion", reasons=(_COMMENTARY,), level=1)
    label, level = _label(design, size)
    reasons = [_DESIGN_REASON.get(design, _DESIGN_REASON["other"])]
    if design in {"systematic_review", "meta_analysis"}:
        if size.studies:
            reasons.append(f"{format_count(size.studies)} studies were included")
        if size.total is not None:
            reasons.append(f"{format_count(size.total)} people took part in those studies")
    elif size.total is not None and design != "animal_or_lab":
        people = "person" if size.total == 1 else "people"
        note = " (a small number)" if limitations.small_sample and size.total > 1 else ""
        reasons.append(f"{format_count(size.total)} {people} took part{note}")
    elif design != "animal_or_lab":
        reasons.append("the abstract does not say how many people took part")
    if limitations.no_control and design not in {"single_arm_trial", "case_report_or_series"}:
        reasons.append("there was no comparison group")
    if limitations.short_follow_up and duration is not None:
        reasons.append(f"it lasted {duration.text}, less than six months")
    if limitations.single_site:
        reasons.append("it was done at a single centre")
    return Evidence(label=label, reasons=tuple(reasons), level=level)
