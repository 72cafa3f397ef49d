"""Judge whether a phrase lifted from an abstract is a whole noun phrase a reader can use.

The writer puts the intervention, comparison and outcome phrases into its own sentences
("The study tested {intervention}"), so a fragment shows at once: "the measures before",
"Exercise reduced fatigue", "non-invasive", "their loss and the role of ...". A phrase is
kept only when it names a thing: it ends on a noun (not on a preposition, an article, a
conjunction, a verb or an adjective), holds no verb of a finding, does not point back to
something outside itself ("their", "that of"), and its brackets are whole. Otherwise the
fact is left empty and the reason noted, which is better than a clumsy sentence.
"""

from __future__ import annotations

import re

__all__ = ["phrase_problem", "tidy_phrase"]

# Words a noun phrase cannot end on.
_DANGLING = frozenset(
    "a an the of in on at by for with to from into onto than as and or nor but vs versus "  # noqa: SIM905
    "via per between among about before after during over under without within whether "
    "that which who whom whose this these those its their his her our your my "
    "is are was were be been being has have had do does did can could may might will "
    "would should must not no also only both either neither each every all any some "
    "such very more most less least same other another based delivered given used "
    "administered combined including compared plus associated related".split()
)
# Verbs that make a phrase a sentence about a finding, or a clause.
_FINDING_VERB = re.compile(
    r"\s(?:is|are|was|were|has|have|had|did|does|do|reduced|increased|improved|decreased|"
    r"showed|shows|led|leads|caused|causes|resulted|remained|revealed|found|reduces|"
    r"increases|improves|decreases|lowered|raised|worsened|predicted|predicts|explained|"
    r"occurred|appeared|seemed|tended|reached|failed|focus\w*)\b"
)
# Words that point outside the phrase, so it cannot stand alone.
_POINTS_BACK = re.compile(
    r"^(?:(?:their|its|his|her)(?! (?:usual|own|regular|normal|habitual|standard|current|"
    r"routine|everyday)\b)|them|that of|those of|this|these|it)\b"
)
# Adjectives and compound modifiers that cannot be the head of a noun phrase.
_MODIFIER_END = re.compile(
    r"(?:^|[\s-])(?:non-?\w+|\w+-(?:efficacy|dose|intensity|term|based|related|induced|free|"
    r"naive|level|invasive|blind|label|controlled|matched|specific|dependent|guided|"
    r"delivered)|\w+(?:ive|ous|ful|less|able|ible|ary|ical))$"
)
_NOUN_LIKE_ADJECTIVE_ENDINGS = frozenset(
    {"placebo", "alternative", "objective", "derivative", "sedative", "preservative",
     "relative", "representative", "initiative", "diary", "summary", "boundary",
     "vocabulary", "secretary", "dietary supplement", "capillary", "salary", "ancillary",
     "library", "literary", "capable"}
)  # fmt: skip


# "age and DMT treatment": a trait of the people joined to what they were given names two
# exposures, and "an age and disease-modifying treatment" is what a sentence makes of it.
_TRAIT_AND = re.compile(
    r"^(?:the )?(?:(?:older|younger|patient|patients'?) )?(?:age|sex|gender|ethnicity|race|"
    r"bmi|body mass index|weight|height|education|income|smoking(?: status)?|disease duration)"
    r",?\s+(?:and|or|&)\s+"
)


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def tidy_phrase(text: str) -> str:
    """Return `text` without leading and trailing words that cannot begin or end it."""
    text = text.strip(" ,;:.")
    previous = None
    while previous != text:
        previous = text
        words = text.split()
        if words and words[-1].lower() in _DANGLING:
            text = " ".join(words[:-1]).strip(" ,;:")
        words = text.split()
        if words and words[0].lower() in {"and", "or", "with", "of", "for", "to", "by", "in"}:
            text = " ".join(words[1:]).strip(" ,;:")
    return text


def phrase_problem(text: str) -> str | None:
    """Return why `text` is not a whole noun phrase naming a thing, or None when it is."""
    words = text.split()
    if not words:
        return "empty"
    low = text.lower()
    if words[-1].lower().strip(",;:") in _DANGLING:
        return f"ends on '{words[-1]}'"
    if not _balanced(text):
        return "a bracket is cut"
    if _POINTS_BACK.match(low):
        return f"points back to something outside the phrase ('{words[0]}')"
    if _FINDING_VERB.search(f" {low}" if len(words) > 1 else ""):
        return "holds a verb: a clause or a finding, not the name of a thing"
    if re.search(
        r"\bto (?:measure|assess|evaluate|determine|compare|examine|investigate|"
        r"receive|be|test|explore|identify)\b",
        low,
    ):
        return "holds an aim ('to ...'), not the name of a thing"
    if _TRAIT_AND.match(low):
        return "joins a trait of the people ('age and ...') with another exposure: two things"
    last = words[-1].lower().strip("()[]")
    if re.fullmatch(r"\d[\d.,]*", last):
        return f"ends on a bare number ('{words[-1]}')"
    if last not in _NOUN_LIKE_ADJECTIVE_ENDINGS and _MODIFIER_END.search(last):
        return f"ends on a describing word ('{words[-1]}'), not a noun"
    if len(words) == 1 and re.fullmatch(r"[a-z]+ed", last):
        return f"a single verb ('{words[0]}')"
    return None
