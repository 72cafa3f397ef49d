"""Say whom a study took: its age range, who could walk, one kind of MS, only women.

"Who it may not apply to" is only useful when it names the study's own selection: a reader
who needs a walking aid should learn that everyone in the study could walk 100 m without
one. The criteria are read from the population fact, the title and the methods, kept in
the source's own words (numbers exactly as stated), and each knows who it leaves out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msdigest.writers.grounded.context import Draft, per_draft
from msdigest.writers.grounded.describe import Phrase, about_ms, ms_type

__all__ = ["Criterion", "criteria", "selection_lines"]


@dataclass(frozen=True, slots=True)
class Criterion:
    """One way the study selected its people.

    `who` completes "Everyone in the study ..." ("could walk 100 m without aid", "was
    aged 18-65 years") and `left_out` names who the results may not fit ("people who need
    help to walk").
    """

    kind: str
    who: str
    left_out: str
    source: str


_AGE = re.compile(
    r"\baged (?:between )?(?P<low>\d{1,2})\s*(?:-|\u2013|to|and)\s*(?P<high>\d{1,2})"
    r"(?P<unit> years)?|\baged (?P<min>\d{1,2}) (?:years )?(?:or|and) (?:over|older|above)",
    re.IGNORECASE,
)
_WALK = re.compile(
    r"\b(?:who|that) (?:could|can|were able to|was able to) (?P<what>walk[^,;()]*?)"
    r"(?=\s+(?:were|was|and|or|who|with|took|had|received)\b|[,;()]|\.?$)",
    re.IGNORECASE,
)
_EDSS = re.compile(
    r"\b(?:an? )?EDSS(?: score)?(?: of| between| \u2264| <=| up to| below)? ?"
    r"(?P<range>\d(?:\.\d)?\s*(?:-|\u2013|to|and)\s*\d(?:\.\d)?|\d(?:\.\d)?)",
)
_CONDITION = re.compile(
    r"\bwith (?:MS|multiple sclerosis) and (?P<what>(?:slow(?:ed|er) (?:processing|thinking) "
    r"speed|fatigue|depression|overactive bladder symptoms|chronic pain|pain|spasticity|"
    r"ataxia|cognitive impairment|mild disability))\b",
    re.IGNORECASE,
)
_HAD = re.compile(
    r"\bwho had (?P<what>fallen[^,;()]*?|not received [^,;()]*?)(?=\s+(?:were|and|or|took|"
    r"could)\b|[,;()]|\.?$)",
    re.IGNORECASE,
)
_EARLY_KINDS = re.compile(
    r"clinically isolated syndrome or relapsing[- ]remitting (?:MS|multiple sclerosis)|"
    r"relapsing[- ]remitting (?:MS|multiple sclerosis) or clinically isolated syndrome",
    re.IGNORECASE,
)
_WOMEN = re.compile(r"\b(?:women|mothers|pregnant)\b", re.IGNORECASE)
_MEN = re.compile(r"\bmen\b", re.IGNORECASE)
_CHILDREN = re.compile(r"\b(?:children|adolescents|paediatric|pediatric|teenagers)\b", re.I)
_KIND_LEFT_OUT = {
    "relapsing-remitting MS": "people with progressive MS",
    "relapsing MS": "people with progressive MS",
    "progressive MS": "people with relapsing MS",
    "primary progressive MS": "people with other forms of MS",
    "secondary progressive MS": "people with other forms of MS",
    "primary or secondary progressive MS": "people with relapsing MS",
    "clinically isolated syndrome": "people with longer-standing MS",
    "NMOSD": "people with MS",
    "MOGAD": "people with MS",
}


def _texts(draft: Draft) -> list[str]:
    """Return where the selection is stated: population, title, methods (or the opening)."""
    population = draft.facts.population
    texts = [population.text] if population is not None else []
    texts.append(draft.paper.title)
    methods = draft.sentences_in("METHODS")
    if not methods and not draft.document.has_sections:
        methods = list(draft.document.sentences[:4])
    texts += [s.text for s in methods]
    return texts


@per_draft
def criteria(draft: Draft) -> list[Criterion]:
    """Return how the study selected its people, most telling first (at most one per kind)."""
    if draft.strength.level in ("lab", "review") or draft.facts.study_design in (
        "case_report_or_series",
    ):
        return []
    found: dict[str, Criterion] = {}
    texts = _texts(draft)
    for text in texts:
        if "walk" not in found and (walk := _WALK.search(text)):
            what = walk.group("what").strip()
            left = (
                "people who need help to walk"
                if re.search(r"without|unaided", what)
                else ("people who cannot walk that far")
            )
            found["walk"] = Criterion("walk", f"could {what}", left, text)
        if "condition" not in found and (condition := _CONDITION.search(text)):
            what = condition.group("what").lower()
            found["condition"] = Criterion(
                "condition", f"had {what}", f"people without {what}", text
            )
        if "had" not in found and (had := _HAD.search(text)):
            what = had.group("what").strip()
            left = (
                "people who have not fallen"
                if what.startswith("fallen")
                else ("people already on treatment")
            )
            # "Everyone ... had not received X" reads as a double negative; "had had no X"
            # says the same plainly.
            if what.startswith("not received "):
                who = "had had no " + what.removeprefix("not received ")
            else:
                who = f"had {what}"
            found["had"] = Criterion("had", who, left, text)
        if "age" not in found and (age := _AGE.search(text)):
            if age.group("min"):
                span = f"aged {age.group('min')} or over"
                left = "younger people"
            else:
                span = f"aged {age.group('low')}-{age.group('high')}{age.group('unit') or ''}"
                left = "younger or older people"
            found["age"] = Criterion("age", f"was {span}", left, text)
        if "edss" not in found and (edss := _EDSS.search(text)):
            span = f"an EDSS score of {edss.group('range')}"
            found["edss"] = Criterion("edss", f"had {span}", "people with more disability", text)
    kind = ms_type(draft)
    if kind == "paediatric MS" or any(_CHILDREN.search(t) for t in texts[:2]):
        found["children"] = Criterion(
            "children", "was a child or teenager", "adults", texts[0] if texts else ""
        )
    elif kind and kind in _KIND_LEFT_OUT and about_ms(draft):
        found["kind"] = Criterion("kind", f"had {kind}", _KIND_LEFT_OUT[kind], kind)
    elif kind is None and about_ms(draft) and (early := _EARLY_KINDS.search(texts[0])):
        # "clinically isolated syndrome or relapsing-remitting MS": early forms only.
        found["kind"] = Criterion(
            "kind", f"had {early.group(0)}", "people with progressive MS", texts[0]
        )
    head = " ".join(texts[:2])
    if _WOMEN.search(head) and not _MEN.search(head):
        found["women"] = Criterion("women", "was a woman", "men", head)
    order = ("walk", "condition", "had", "kind", "women", "children", "age", "edss")
    ranked = [found[key] for key in order if key in found]
    # What the title or the population says is how the study chose its people: first.
    first = [c for c in ranked if c.source in texts[:2]]
    return first + [c for c in ranked if c not in first]


_NOT_APPLY_ONE = (
    "Everyone in the study {who}, so the results may not apply to {left_out}.",
    "As everyone in the study {who}, the results may not fit {left_out}.",
)
_NOT_APPLY_TWO = (
    "Everyone in the study {who} and {also}, so the results may not apply to {left_out} "
    "or to {also_left}.",
    "Everyone in the study {who} and {also}, so the results may not fit {left_out}.",
)


def selection_lines(draft: Draft) -> list[tuple[tuple[str, ...], dict[str, Phrase | str]]]:
    """Return the "may not apply" wordings and their fields, most specific first.

    The caller fills the first wording that passes the summary's gate (numbers in the
    source, length, plain words); the fields are in plain words already.
    """
    found = []
    for criterion in criteria(draft):
        plain = draft.plain_phrase(criterion.who, max_words=14)
        if plain is not None:
            # Who is left out goes through the same plain words, so one article never says
            # "slower thinking speed" and then "people without slower processing speed".
            left_out = draft.plain_phrase(criterion.left_out, max_words=14) or criterion.left_out
            found.append(Criterion(criterion.kind, plain, left_out, criterion.source))
    options: list[tuple[tuple[str, ...], dict[str, Phrase | str]]] = []
    if len(found) >= 2:
        first, second = found[0], found[1]
        options.append(
            (
                _NOT_APPLY_TWO,
                {
                    "who": first.who,
                    "also": second.who,
                    "left_out": first.left_out,
                    "also_left": second.left_out,
                },
            )
        )
    for criterion in found:
        options.append((_NOT_APPLY_ONE, {"who": criterion.who, "left_out": criterion.left_out}))
    return options
