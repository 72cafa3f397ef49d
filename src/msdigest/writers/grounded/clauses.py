"""Clauses: is this a clause, where can it be split or trimmed, what is its claim.

Without a parser, a few careful rules tell a clause from a fragment (a finite verb), split
a long sentence only where both halves are clauses, drop asides and trailing qualifiers
when a sentence is too long, and cut a concluding sentence's lead-in ("These results
suggest that") so the claim can be put in the summary's own frame. `tidy` gives every
sentence its final punctuation, capital and articles.
"""

from __future__ import annotations

import re
from itertools import pairwise

from msdigest.text.readability import word_count

__all__ = ["core_clause", "first_predicate", "has_verb", "split_long", "tidy", "trim_clauses"]

_NOT_VERBS = frozenset(
    {"hundred", "indeed", "proceed", "succeed", "exceed", "speed", "randomized", "randomised",
     "controlled", "blinded", "unblinded", "matched", "advanced", "detailed", "limited",
     "related", "based", "selected", "untreated", "treated"}
)  # fmt: skip
# Sentences about the analysis rather than the finding mean nothing to a lay reader.
# "improvement in and," is what is left when bracketed words were removed.
_BEFORE_ADJECTIVE = frozenset(
    {"the", "a", "an", "of", "and", "or", "with", "more", "less", "most", "least", "very",
     "newly", "recently", "previously", "their", "its", "in", "for", "on"}
)  # fmt: skip
_SPLIT_SEMICOLON = re.compile(r"\s*;\s+")
# ", and the lesion had shrunk": a second clause with its own subject.
_SPLIT_AND = re.compile(
    r",\s+and\s+(?=(?:the|a|an|this|these|it|they|all|most|both|no|[A-Z][\w-]+)\s)"
)
_SPLIT_CONTRAST = re.compile(r",\s+(?:but|while|although|though|yet)\s+", re.IGNORECASE)
_FINITE = frozenset(
    (
        *("is", "are", "was", "were", "has", "have", "had", "did", "does", "do", "can"),
        *("could", "may", "might", "should", "would", "will", "showed", "shows", "found"),
        *("finds", "remained", "remains", "became", "becomes", "seemed", "seems", "led"),
        *("leads", "took", "takes", "made", "makes", "gave", "gives", "got", "felt", "held"),
        *("saw", "met", "reported", "seem", "seems", "appear", "appears", "remain", "become"),
        *("suggest", "suggests", "indicate", "indicates", "help", "helps", "improve"),
        *("improves", "reduce", "reduces", "increase", "increases", "decrease", "decreases"),
        *("predict", "predicts", "support", "supports", "differ", "differs", "vary", "varies"),
        *("occur", "occurs", "exist", "exists", "lead", "cause", "causes", "affect"),
        *("affects", "depend", "depends", "work", "works", "provide", "provides", "include"),
        *("includes", "contribute", "contributes", "play", "plays", "offer", "offers"),
        *("strengthens", "suppresses", "protects", "promotes", "lowers", "raises", "slows"),
        *("worsens", "prevents", "explains", "matters", "tracks", "links", "need", "needs"),
    )
)


_SPACE_BEFORE_PUNCTUATION = re.compile(r" ([,.;:!?])")
_PUNCTUATION_RUN = re.compile(r"([,;:])(?: ?[,;:])+")
_PUNCTUATION_BEFORE_END = re.compile(r"[,;:] ?([.!?])")
_LEADING = re.compile(r"^[,;:. ]+")
_ARTICLE = re.compile(r"\b(a|an|A|An) (?=\w)")
_DOUBLED = re.compile(r"\b(\w{3,}) \1\b")


def tidy(text: str, *, end: bool = True) -> str:
    """Return `text` with spaces and stray punctuation cleaned, capitalised, ended by a stop.

    Each repair runs only when a cheap test shows it may be needed: every sentence of a
    summary passes through here, many of them more than once.
    """
    text = " ".join(text.split())
    if " " in text and any(f" {mark}" in text for mark in ",.;:!?"):
        text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    if any(mark in text for mark in ",;:"):
        text = _PUNCTUATION_RUN.sub(r"\1", text)
        text = _PUNCTUATION_BEFORE_END.sub(r"\1", text)
    if text[:1] in (",", ";", ":", ".", " "):
        text = _LEADING.sub("", text)
    if "a " in text or "an " in text or "A " in text:
        text = _ARTICLE.sub(_article, text)
    tokens = text.lower().split()
    if any(a == b and len(a) >= 3 for a, b in pairwise(tokens)):
        text = _DOUBLED.sub(r"\1", text)  # "treatment treatment" after rewrites
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    if end and text[-1] not in ".!?":
        text = text.rstrip(",;:") + "."
    return text


_VOWEL_SOUND = re.compile(
    r"(?:[aeio]|u(?!s[eu]|ni|ro|ti)|MS\b|MRI\b|NfL\b|L\b|X\b|F\b|S\b|H\b|M\b)"
)


def _article(match: re.Match[str]) -> str:
    article = match.group(1)
    following = match.string[match.end() : match.end() + 4]
    wanted = (
        "an"
        if _VOWEL_SOUND.match(following if following[:1].isupper() else following.lower())
        else "a"
    )
    if following[:2].isupper() and following[:1] in "AEIOU":
        wanted = "an"
    if article[:1].isupper():
        wanted = wanted.capitalize()
    return wanted + " "


_ASIDE = re.compile(r",\s+(?:which|who|whereby|thereby)\b[^,]*(?:,|(?=\.$))", re.IGNORECASE)
_MEASURED_BY = re.compile(
    r",?\s+(?:as\s+)?(?:measured|assessed|evaluated|defined|rated|scored)\s+(?:by|with|using|on)\s+"
    r"(?:the\s+)?[^,.;]+",
    re.IGNORECASE,
)
_TAIL = re.compile(
    r",\s+(?:considering|including|together with|as well as|given|suggesting|indicating|"
    r"as (?:is|are|was|were|does|do)|possibly|probably (?:because|due|reflecting)|"
    r"highlighting|supporting|implicating|rendering|making|reflecting|independent(?:ly)? of|"
    r"regardless of|irrespective of|after (?:adjusting|controlling)|controlling for|"
    r"adjusting for|in terms of|especially|particularly|mainly|with the exception of)\b.*$",
    re.IGNORECASE,
)
_POPULATION = re.compile(r"\bin an? ([\w-]+(?: [\w-]+){0,3}) population\b", re.IGNORECASE)


def _drop_aside(match: re.Match[str]) -> str:
    """Return what replaces an aside: its closing comma when a qualifier follows.

    "slow disability, which supports X, particularly in Y" must keep a comma before
    "particularly" (the trailing qualifier is then dropped whole), not run on without one.
    """
    if match.group(0).endswith(",") and _TAIL.match(match.string, match.end() - 1):
        return ","
    return ""


def trim_clauses(text: str) -> str:
    """Return `text` without asides (", which ...") and trailing qualifiers (", considering ...").

    Used when a sentence is too long or too hard as it stands: the main claim survives,
    the detail a lay reader can do without goes.
    """
    body = text.rstrip(".")
    body = _ASIDE.sub(_drop_aside, body)
    body = _MEASURED_BY.sub("", body)
    body = _TAIL.sub("", body)
    body = _POPULATION.sub(lambda m: f"in people with {m.group(1)}", body)
    return tidy(body)


# Common verbs of research findings, by their base form; "-s" and "-ed" forms count too.
_VERB_BASES = frozenset(
    {"affect", "alter", "appear", "associate", "benefit", "block", "cause", "change",
     "contribute", "correlate", "decline", "decrease", "delay", "depend", "differ", "drive",
     "emerge", "enhance", "exist", "explain", "fail", "fall", "favour", "favor", "follow",
     "help", "highlight", "identify", "impair", "improve", "include", "increase", "indicate",
     "influence", "inhibit", "involve", "lack", "last", "lead", "limit", "link", "lower",
     "matter", "mediate", "need", "occur", "offer", "persist", "play", "predict", "prevent",
     "promote", "protect", "provide", "raise", "reach", "receive", "reduce", "reflect",
     "reinforce", "relate", "remain", "report", "represent", "require", "restore",
     "result", "reveal", "revolve", "rise", "seem", "show", "slow", "stay", "strengthen",
     "suggest", "support", "suppress", "tend", "track", "trigger", "underline", "vary",
     "want", "work", "worsen", "yield"}
)  # fmt: skip
_IRREGULAR_PAST = frozenset(
    {"went", "came", "grew", "fell", "rose", "kept", "left", "began", "ran", "led", "took",
     "gave", "got", "felt", "held", "saw", "met", "made", "found", "showed", "shown", "did"}
)  # fmt: skip


def _is_verb_form(word: str) -> bool:
    if word in _IRREGULAR_PAST:
        return True
    for ending in ("", "s", "es", "d", "ed"):
        if ending and not word.endswith(ending):
            continue
        base = word[: len(word) - len(ending)] if ending else word
        if base in _VERB_BASES or (base.endswith("i") and base[:-1] + "y" in _VERB_BASES):
            return True
    return False


def has_verb(text: str) -> bool:
    """Return True when `text` looks like a clause (it has a finite verb), not a fragment.

    A rough test without a tagger: a common finite verb not after "to" ("X to have Y" is
    not a clause), or a word in "-ed" that is not part of a hyphenated word
    ("home-based"), not after a word that makes it an adjective ("moderately increased
    salt"), and not a known non-verb ("speed", "hundred").
    """
    before = previous = ""
    for token in text.split():
        word = token.strip(".,;:()[]'\"").lower()
        if (word in _FINITE or _is_verb_form(word)) and previous not in ("to", "the", "a", "an"):
            return True
        adverb_as_adjective = previous.endswith("ly") and (
            before in _BEFORE_ADJECTIVE or not before
        )
        if (
            "-" not in word
            and word.isalpha()
            and word.endswith("ed")
            and len(word) > 5
            and word not in _NOT_VERBS
            and previous not in _BEFORE_ADJECTIVE
            and not adverb_as_adjective
        ):
            return True
        before, previous = previous, word
    return False


def split_long(text: str) -> list[str]:
    """Return `text` as one or more sentences, split at semicolons and contrasts when long.

    A split happens only when both sides are clauses with a verb, so no fragment is left.
    """
    pieces = [text]
    if word_count(text) > 15:
        pieces = _split_on(pieces, _SPLIT_SEMICOLON, "")
        pieces = _split_on(pieces, _SPLIT_CONTRAST, "But ")
    if word_count(text) > 22:
        pieces = _split_on(pieces, _SPLIT_AND, "")
    return [tidy(p) for p in pieces if p.strip(" .")]


def _split_on(pieces: list[str], regex: re.Pattern[str], lead: str) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        chunks = regex.split(piece)
        if len(chunks) > 1 and all(has_verb(c) and word_count(c) >= 4 for c in chunks):
            rest = [_with_subject(chunks[0], c) for c in chunks[1:]]
            if any(c is None for c in rest):
                out.append(piece)  # "..., but did not reduce fatigue": no subject to give it
                continue
            out.append(chunks[0])
            out.extend(lead + c[:1].lower() + c[1:] if lead else c for c in rest if c)
        else:
            out.append(piece)
    return out


_STARTS_WITH_VERB = re.compile(
    r"^(?:did|does|do|was|were|is|are|had|has|have|could|can|may|might|would|should|"
    r"remained|showed|improved|reduced|increased|decreased|led|seemed|appeared|became|fell|"
    r"rose)\b",
    re.IGNORECASE,
)
_ADVERB_START = re.compile(r"^(?:not|also|only|still|then|rather|instead)\b", re.IGNORECASE)
_PLURAL_NOUNS = frozenset({"people", "children", "men", "women", "mice", "data", "adults"})


def _with_subject(first: str, chunk: str) -> str | None:
    """Return `chunk` as a sentence of its own: with "it" or "they" when it has no subject.

    "A programme improved walking, but did not reduce fatigue" splits into "... improved
    walking." and "But it did not reduce fatigue."; when the subject of the first half
    cannot be told, None (the sentence is not split).
    """
    if _ADVERB_START.match(chunk):
        return None  # ", but not fingolimod, ...": an aside, not a clause
    tail = first.rsplit(" that ", 1)
    if len(tail) == 2 and not has_verb(tail[1]):
        return None  # "suggest that dimethyl fumarate, but ...": the first half is cut short
    if not _STARTS_WITH_VERB.match(chunk):
        return chunk
    tokens = first.split()
    subject: list[str] = []
    for token in tokens:
        word = token.strip(".,;:").lower()
        if word in _FINITE or _is_verb_form(word):
            break
        subject.append(word)
    else:
        return None
    head_words = re.split(r"\s+(?:with|of|in|on|from|who|that|for)\s+", " ".join(subject))[0]
    head = head_words.split()[-1] if head_words.split() else ""
    if not head or len(subject) > 8 or head in ("it", "they", "this", "there"):
        return None
    plural = head in _PLURAL_NOUNS or (head.endswith("s") and not head.endswith(("ss", "us", "is")))
    return ("they " if plural else "it ") + chunk


_LEAD_IN = re.compile(
    r"^(?:(?:so|also|thus|here|overall|in conclusion|in summary|to conclude|"
    r"taken together),?\s+)?"
    r"(?:(?:these|the|our|this study's|the study's|present|current)\s+"
    r"(?:results|findings|data|observations|analyses|study|work|review|trial|analysis|"
    r"evidence)(?:\s+(?:of|from) (?:this|the|our) (?:present |current )?"
    r"(?:study|work|review|trial|analysis))?|"
    r"(?:results|findings|data) (?:from|of) (?:the|this|our) (?:present |current )?"
    r"(?:study|work|trial|review|analysis)|"
    r"this (?:[a-z-]+ ){0,2}(?:study|review|trial|analysis|work|report|case)|"
    r"the (?:[\w-]+ ){1,8}?(?:trial|study|review)(?:'s)? (?:results|findings|data)|"
    r"the researchers|the authors|it is)\s+"
    r"(?:(?:further|clearly|strongly|collectively|together|also)\s+)?"
    r"(?:suggests?|suggested|indicates?|indicated|shows?|showed|shown|demonstrates?|"
    r"demonstrated|supports?|supported|implies|implied|confirms?|confirmed|reveals?|"
    r"revealed|highlights?|highlighted|concludes?|concluded|finds?|found|provides? "
    r"(?:evidence|support))\s+that\s+",
    re.IGNORECASE,
)


_EVIDENCE_LEAD = re.compile(
    r"^(?:based on|on the basis of|with|from) (?:[\w-]+ ){0,3}(?:evidence|data),\s+",
    re.IGNORECASE,
)


def core_clause(text: str) -> tuple[str, bool]:
    """Return the claim of a concluding sentence without its lead-in, and whether one was cut.

    "These results suggest that probiotics may help" gives ("probiotics may help", True),
    so the writer can put the claim in its own frame ("The authors concluded that ...").
    The clause keeps its first letter's case only for short forms and names.
    """
    stripped = _LEAD_IN.sub("", text.strip(), count=1)
    stripped = _EVIDENCE_LEAD.sub("", stripped, count=1)
    cut = stripped != text.strip()
    if stripped and not re.match(r"[A-Z][A-Z0-9-]", stripped):
        first = stripped.split()[0]
        if first[:1].isupper() and first[1:] == first[1:].lower():
            stripped = stripped[:1].lower() + stripped[1:]
    return stripped.rstrip(" ."), cut


_SECOND_PREDICATE = re.compile(
    r"(?:,\s*|\s+)(?:but|and|while|yet|whereas)\s+(?:it\s+|they\s+)?(?:did not|does not|"
    r"do not|was not|were not|is not|are not|had no|has no|did|was|were|had|showed|led|"
    r"reduced|improved|increased|decreased|lowered|raised|needed|caused|indicated?|"
    r"suggested?|highlighted?|may|might|could|should|preventing|reducing|improving|"
    r"increasing|decreasing|delaying|lowering|helping)\b.*$",
    re.IGNORECASE,
)


def first_predicate(text: str) -> str:
    """Return a sentence cut after its first claim: "X improved A and did not change B" gives
    "X improved A".

    Used for a headline that would be too long: the first claim is the main one, and the
    study section tells the rest. The text is returned unchanged when the cut would leave
    a fragment.
    """
    body = text.rstrip(" .")
    cut = _SECOND_PREDICATE.sub("", body)
    if cut == body or len(cut.split()) < 6 or not has_verb(cut):
        return text
    return cut
