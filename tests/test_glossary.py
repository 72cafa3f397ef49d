"""The MS glossary, the plain-words map and the analogy bank: their data and their matching.

The data tests hold the rules a reader depends on: definitions short, plain and not
circular; replacements common words that keep a claim's strength; analogies easy to read
and never advice. Readability thresholds, stated once here and in docs/glossary.md:
the mean Flesch-Kincaid grade of the definitions is at most 8 and no single definition is
above grade 12 (a one-line definition that must name "eculizumab" or "NMOSD" scores high on
syllables alone); every analogy is at most grade 8, the level a summary must reach.
"""

from __future__ import annotations

import re
import statistics

import pytest
from wordfreq import zipf_frequency

import msdigest.glossary as glossary_module
from msdigest.errors import DataError
from msdigest.glossary import (
    CATEGORIES,
    FITS,
    Glossary,
    GlossaryTerm,
    PlainWords,
    load_analogies,
    load_glossary,
    load_plain_words,
    pick_analogy,
)
from msdigest.glossary.analogies import _analogies_from_data
from msdigest.glossary.bench import run_benchmark
from msdigest.glossary.matching import plural, spellings
from msdigest.text.readability import flesch_kincaid_grade, words

REQUIRED_DRUGS = [
    "interferon beta",
    "glatiramer acetate",
    "teriflunomide",
    "dimethyl fumarate",
    "diroximel fumarate",
    "fingolimod",
    "siponimod",
    "ozanimod",
    "ponesimod",
    "cladribine",
    "natalizumab",
    "alemtuzumab",
    "ocrelizumab",
    "ofatumumab",
    "ublituximab",
    "rituximab",
    "inebilizumab",
    "eculizumab",
    "ravulizumab",
    "satralizumab",
    "tolebrutinib",
    "BTK inhibitor",
    "S1P modulator",
    "anti-CD20",
]
REQUIRED_MEASURES = [
    "EDSS",
    "SDMT",
    "6-minute walk test",
    "timed 25-foot walk",
    "T25FW",
    "MSFC",
    "9-hole peg test",
    "PASAT",
    "MSIS-29",
    "MFIS",
    "relapse",
    "annualised relapse rate",
    "NEDA",
    "confirmed disability progression",
    "brain atrophy",
]
REQUIRED_STUDY_WORDS = [
    "randomised",
    "placebo",
    "cohort",
    "cross-sectional",
    "case-control",
    "meta-analysis",
    "systematic review",
    "confidence interval",
    "p-value",
    "statistically significant",
    "hazard ratio",
    "odds ratio",
    "baseline",
    "follow-up",
    "primary outcome",
    "double-blind",
    "open-label",
    "pilot study",
    "feasibility",
]
REQUIRED_ABBREVIATIONS = {
    "RRMS": "relapsing-remitting MS",
    "SPMS": "secondary progressive MS",
    "PPMS": "primary progressive MS",
    "CIS": "clinically isolated syndrome",
    "NMOSD": "neuromyelitis optica spectrum disorder",
    "MOGAD": "MOG antibody-associated disease",
    "DMT": "disease-modifying therapy",
    "EDSS": "EDSS",
    "MRI": "MRI",
    "MS": "multiple sclerosis",
}
REQUIRED_CONCEPTS = [
    "myelin",
    "demyelination",
    "remyelination",
    "nerves",
    "thalamus",
    "brain atrophy",
    "lesion",
    "relapse",
    "progression",
    "immune cells",
    "B cell",
    "T cell",
    "antibody",
    "inflammation",
    "blood-brain barrier",
    "neuroplasticity",
    "aerobic exercise",
    "fitness",
    "strength training",
    "balance",
    "fatigue",
    "cognition",
    "processing speed",
    "MRI",
    "placebo",
    "randomisation",
    "control group",
    "small study",
    "pilot study",
    "cohort study",
    "cross-sectional study",
    "case report",
    "meta-analysis",
    "systematic review",
    "animal study",
    "lab study",
    "biomarker",
    "gut microbiome",
    "vitamin D",
    "diet",
    "pregnancy",
    "vaccine",
    "disease-modifying therapy",
    "side effects",
    "adherence",
]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary()


@pytest.fixture(scope="module")
def plain_words() -> PlainWords:
    return load_plain_words()


def _contains_phrase(text: str, phrase: str) -> bool:
    def norm(value: str) -> str:
        return " ".join(re.findall(r"[\w']+", value.lower().replace("\u2019", "'")))

    return re.search(rf"(?<!\S){re.escape(norm(phrase))}(?!\S)", norm(text)) is not None


# --- counts and required entries -------------------------------------------------------------


def test_the_bundled_files_hold_enough_entries(glossary: Glossary, plain_words: PlainWords) -> None:
    assert len(glossary) >= 300
    assert len(plain_words) >= 150
    assert len(load_analogies()) >= 40


@pytest.mark.parametrize("word", REQUIRED_DRUGS)
def test_every_main_ms_drug_and_drug_class_is_explained(glossary: Glossary, word: str) -> None:
    term = glossary.get(word)
    assert term is not None, word
    assert term.category == "treatments and drug classes"


@pytest.mark.parametrize("word", REQUIRED_MEASURES + REQUIRED_STUDY_WORDS)
def test_outcome_measures_and_study_words_are_explained(glossary: Glossary, word: str) -> None:
    assert glossary.get(word) is not None, word


@pytest.mark.parametrize(("abbreviation", "term"), sorted(REQUIRED_ABBREVIATIONS.items()))
def test_abbreviations_lead_to_their_terms(
    glossary: Glossary, abbreviation: str, term: str
) -> None:
    found = glossary.get(abbreviation)
    assert found is not None and found.term == term


def test_every_category_has_terms(glossary: Glossary) -> None:
    used = {term.category for term in glossary}
    assert used == set(CATEGORIES)


# --- the rules every definition meets ------------------------------------------------------


def test_definitions_are_short_sentences(glossary: Glossary) -> None:
    long = [(t.term, len(words(t.definition))) for t in glossary if len(words(t.definition)) > 20]
    assert not long
    unfinished = [t.term for t in glossary if not t.definition.endswith(".")]
    assert not unfinished
    lower_start = [t.term for t in glossary if not t.definition[:1].isupper()]
    assert not lower_start


def test_no_definition_uses_the_term_it_defines(glossary: Glossary) -> None:
    circular = [
        (term.term, form)
        for term in glossary
        for form in term.forms
        if _contains_phrase(term.definition, form)
    ]
    assert not circular


def test_definitions_read_at_grade_eight_or_below_on_average(glossary: Glossary) -> None:
    grades = {term.term: flesch_kincaid_grade(term.definition) for term in glossary}
    assert statistics.mean(grades.values()) <= 8.0
    assert not {term: grade for term, grade in grades.items() if grade > 12.0}


def test_definitions_use_common_words_or_other_glossary_terms(glossary: Glossary) -> None:
    """A definition may say "B cells" (itself explained), never "humoral" or "lymphoid"."""
    rare = []
    for term in glossary:
        text = term.definition
        for match in reversed(glossary.find(text)):
            text = text[: match.start] + " " + text[match.end :]
        for word in words(text):
            for part in word.split("-"):
                part = part.lower().removesuffix("'s")
                if part and not part[0].isdigit() and zipf_frequency(part, "en") < 3.0:
                    rare.append((term.term, part))
    assert not rare


def test_plain_phrases_in_the_glossary_are_common_words(glossary: Glossary) -> None:
    rare = []
    for term in glossary:
        text = term.plain or ""
        for match in reversed(glossary.find(text)):  # "the size of the thalamus" is fine
            text = text[: match.start] + " " + text[match.end :]
        for word in words(text):
            for part in word.lower().split("-"):
                if zipf_frequency(part.removesuffix("'s"), "en") < 3.0:
                    rare.append((term.term, part))
    assert not rare


def test_no_two_entries_share_a_form_even_in_the_plural(glossary: Glossary) -> None:
    names = [term.term.lower() for term in glossary]
    assert len(names) == len(set(names))
    for term in glossary:
        for form in term.forms:
            assert glossary.get(form) is term, form
            assert glossary.get(plural(form)) is term, form
            for other in spellings(form):
                assert glossary.get(other) is term, other


# --- get() and find() ------------------------------------------------------------------------


def test_get_ignores_case_and_plurals(glossary: Glossary) -> None:
    lesion = glossary.get("lesion")
    assert lesion is not None
    assert glossary.get("Lesions") is lesion
    assert glossary.get("LESION") is lesion
    assert glossary.get("edss") is glossary.get("EDSS")
    assert glossary.get("randomized controlled trials") is glossary.get("RCT")
    assert glossary.get("relapses") is glossary.get("relapse")
    assert glossary.get("no such word") is None
    assert "thalamus" in glossary and "teapot" not in glossary


def test_british_and_american_spellings_find_the_same_term(glossary: Glossary) -> None:
    pairs = [
        ("grey matter lesion", "gray matter lesion"),
        ("magnetisation transfer ratio", "magnetization transfer ratio"),
        ("clean intermittent catheterisation", "clean intermittent catheterization"),
        ("compartmentalised inflammation", "compartmentalized inflammation"),
        ("tumour necrosis factor", "tumor necrosis factor"),
        ("paediatric-onset MS", "pediatric-onset MS"),
    ]
    for british, american in pairs:
        assert glossary.get(british) is glossary.get(american) is not None, british
    assert spellings("exercise") == [] and spellings("chemokine") == []


def _found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.term.term) for m in glossary.find(text)]


def test_find_takes_the_longest_term_at_each_place(glossary: Glossary) -> None:
    text = "Adults with relapsing-remitting MS had fewer gadolinium-enhancing lesions."
    assert _found(glossary, text) == [
        ("relapsing-remitting MS", "relapsing-remitting MS"),
        ("gadolinium-enhancing lesions", "gadolinium-enhancing lesion"),
    ]
    spans = [(m.start, m.end) for m in glossary.find(text)]
    assert all(text[a:b] == m.text for (a, b), m in zip(spans, glossary.find(text), strict=True))


def test_abbreviations_match_only_in_capitals(glossary: Glossary) -> None:
    assert _found(glossary, "MS") == [("MS", "multiple sclerosis")]
    assert _found(glossary, "a response within 5 ms, or Ms Smith") == []
    assert _found(glossary, "the cis form") == []
    assert _found(glossary, "people with CIS") == [("CIS", "clinically isolated syndrome")]


def test_ordinary_words_match_in_any_case_and_in_the_plural(glossary: Glossary) -> None:
    found = _found(glossary, "Placebo. PLACEBO groups. Relapses and two DMTs.")
    assert [term for _, term in found] == [
        "placebo",
        "placebo",
        "relapse",
        "disease-modifying therapy",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "6-minute walk test",
        "6 minute walk test",
        "six-minute walk test",
        "Six minute walk test",
        "6\u2010minute walk test",
        "6MWT",
    ],
)
def test_hyphens_spaces_and_number_words_find_the_same_test(glossary: Glossary, text: str) -> None:
    assert _found(glossary, f"They did the {text} twice.") == [(text, "6-minute walk test")]


def test_terms_never_match_inside_other_words(glossary: Glossary) -> None:
    assert _found(glossary, "Cisplatin, EDSSx, lesional tissue, myelinogenic fibres") == []
    assert _found(glossary, "MS-related fatigue") == [
        ("MS", "multiple sclerosis"),
        ("fatigue", "fatigue"),
    ]


def test_terms_in_lists_each_term_once_in_order(glossary: Glossary) -> None:
    text = "EDSS rose; the SDMT fell; the EDSS was checked again."
    assert [t.term for t in glossary.terms_in(text)] == ["EDSS", "SDMT"]


def test_the_benchmark_runs_on_a_term_dense_text() -> None:
    result = run_benchmark(texts=3)
    assert result.texts == 3
    assert result.glossary_matches_per_text >= 20
    assert result.glossary_texts_per_second > 0 and result.plain_words_texts_per_second > 0


def test_loading_happens_once(glossary: Glossary) -> None:
    assert load_glossary() is glossary
    assert load_plain_words() is load_plain_words()
    assert load_analogies() is load_analogies()


def test_the_package_exports_what_it_lists() -> None:
    for name in glossary_module.__all__:
        assert hasattr(glossary_module, name), name
    public = {n for n in vars(glossary_module) if not n.startswith("_")}
    submodules = {"analogies", "bench", "matching", "plain_words", "terms", "annotations"}
    assert public - submodules == set(glossary_module.__all__)


# --- malformed data is refused with the entry named ----------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"terms": [{"term": "x", "category": "anatomy"}]}, r"terms\[0\]: 'definition'"),
        (
            {"terms": [{"term": "x", "definition": "A y.", "category": "food"}]},
            "unknown category 'food'",
        ),
        (
            {"terms": [{"term": "x", "definition": "A y.", "category": "anatomy", "aliases": "z"}]},
            "'aliases' must be a list",
        ),
        ({"terms": "nope"}, "expected an object with a list under 'terms'"),
        (
            {
                "terms": [
                    {"term": "x", "definition": "A y.", "category": "anatomy", "aliases": ["Z"]},
                    {"term": "z", "definition": "A w.", "category": "anatomy"},
                ]
            },
            "'z' is used by 'x' and 'z'",
        ),
    ],
)
def test_a_broken_glossary_is_refused_with_a_clear_message(data: object, message: str) -> None:
    with pytest.raises(DataError, match=message):
        Glossary.from_data(data)


def test_broken_plain_words_and_analogies_are_refused() -> None:
    with pytest.raises(DataError, match="pos must be one of"):
        PlainWords.from_data({"entries": [{"word": "a", "plain": "b", "pos": "thing"}]})
    with pytest.raises(DataError, match="'care' must be true or false"):
        PlainWords.from_data({"entries": [{"word": "a", "plain": "b", "pos": "noun", "care": 1}]})
    bad_fits = {"analogies": [{"key": "k", "concepts": ["c"], "text": "Like x.", "fits": ["up"]}]}
    with pytest.raises(DataError, match="'fits' must list"):
        _analogies_from_data(bad_fits)
    twice = {"key": "k", "concepts": ["c"], "text": "Like x.", "fits": ["any"]}
    with pytest.raises(DataError, match="duplicate keys k"):
        _analogies_from_data({"analogies": [twice, twice]})


# --- the plain-words map ---------------------------------------------------------------------


def test_plain_replacements_are_common_words(plain_words: PlainWords) -> None:
    rare = []
    for entry in plain_words:
        parts = [p for w in words(entry.plain) for p in w.lower().split("-")]
        floor = 3.5 if len(parts) == 1 else 3.0
        rare += [(entry.word, p) for p in parts if zipf_frequency(p, "en") < floor]
    assert not rare


def test_plain_replacements_never_strengthen_a_claim(plain_words: PlainWords) -> None:
    strong = re.compile(r"\b(prove[sd]?|cures?|caused|will|always|definitely|certainly)\b")
    assert not [e.word for e in plain_words if strong.search(e.plain)]
    for word in ("significantly", "significant", "trend", "indicate"):
        assert plain_words.get(word) is None and word in plain_words.keep
    significant = plain_words.get("statistically significant")
    assert significant is not None and significant.care and "chance" in significant.plain
    adverse = plain_words.get("adverse events")
    assert adverse is not None and "side effect" not in adverse.plain


def test_replace_keeps_capitals_articles_and_careful_words(plain_words: PlainWords) -> None:
    text = "Participants were administered an adverse event questionnaire, approximately weekly."
    assert plain_words.replace(text) == (
        "People were administered a health problem survey, about weekly."
    )
    assert plain_words.replace(text, include_care=True).startswith("People were given a health")
    assert plain_words.replace("Fatigue in PwMS.") == "Fatigue in people with MS."
    assert plain_words.replace("In addition to fatigue, pain.") == "As well as fatigue, pain."


def test_replace_leaves_names_and_keeps_headings_in_capitals(plain_words: PlainWords) -> None:
    text = "People filled in the Incontinence Questionnaire and a questionnaire on mood."
    assert plain_words.replace(text) == (
        "People filled in the Incontinence Questionnaire and a survey on mood."
    )
    assert plain_words.replace("PARTICIPANTS: 40 adults.") == "PEOPLE: 40 adults."


def test_replace_leaves_hyphenated_words_alone(plain_words: PlainWords) -> None:
    assert plain_words.replace("self-administered and well-utilised doses") == (
        "self-administered and well-utilised doses"
    )
    assert plain_words.replace("non-ambulatory people", include_care=True) == (
        "unable to walk people"
    )


# --- the analogy bank -------------------------------------------------------------------------


def test_every_required_concept_has_an_analogy() -> None:
    missing = [c for c in REQUIRED_CONCEPTS if pick_analogy([c], None, "seed") is None]
    assert not missing


def test_analogies_use_the_plain_words_a_summary_uses() -> None:
    """An analogy says "thinking speed" where the article does, not "processing speed".

    Only a design's own name, which the summary also uses ("a cohort study"), keeps its
    research words; any other word the plain-words map swaps would make the analogy name a
    thing differently from the summary around it.
    """
    from msdigest.writers.grounded.describe import DESIGN_NOUNS

    designs = [re.sub(r"^an? ", "", noun) for noun in DESIGN_NOUNS.values()]
    plain_words = load_plain_words()
    for analogy in load_analogies():
        named = [
            m.span()
            for design in designs
            for m in re.finditer(re.escape(design), analogy.text, re.IGNORECASE)
        ]
        for match in plain_words.find(analogy.text):
            if match.entry.care:
                continue
            inside = any(s <= match.start and match.end <= e for s, e in named)
            assert inside, f"{analogy.key}: {match.text!r} -> {match.entry.plain!r}"


def test_analogies_read_easily_and_are_clearly_analogies() -> None:
    marker = re.compile(r"\b(like|Think of|just as|a bit like)\b")
    for analogy in load_analogies():
        assert flesch_kincaid_grade(analogy.text) <= 8.0, analogy.key
        assert marker.search(analogy.text), analogy.key
        assert len(words(analogy.text)) <= 35, analogy.key
        assert set(analogy.fits) <= set(FITS)


def test_analogies_never_advise_or_overclaim() -> None:
    banned = re.compile(
        r"\b(you should|should|must|ask your|talk to your|stop taking|start taking|"
        r"proves?|cures?|guarantee\w*|will (?:cure|stop|fix|heal))\b",
        re.IGNORECASE,
    )
    assert not [a.key for a in load_analogies() if banned.search(a.text)]


def test_common_concepts_have_several_variants() -> None:
    for concept in ("myelin", "lesion", "relapse", "placebo", "small study", "fatigue"):
        keys = {pick_analogy([concept], None, seed).key for seed in range(40)}  # type: ignore[union-attr]
        assert len(keys) >= 2, concept


def test_pick_analogy_is_the_same_for_the_same_paper() -> None:
    text = "Thalamic volume fell over two years in people with relapsing MS."
    first = pick_analogy(text, "worsened", "pmid:123")
    assert first is not None and "thalamus" in first.concepts
    assert all(pick_analogy(text, "worsened", "pmid:123") == first for _ in range(5))


def test_pick_analogy_follows_the_most_mentioned_concept() -> None:
    text = "A placebo-free study of myelin. Myelin repair, myelin loss and remyelination."
    picked = pick_analogy(text, None, "x")
    assert picked is not None and "myelin" in picked.concepts
    assert pick_analogy(["vitamin D", "myelin"], None, "x").concepts[0] == "vitamin D"  # type: ignore[union-attr]


def test_pick_analogy_respects_the_kind_of_finding() -> None:
    picked = pick_analogy(["small study"], "no clear difference", "any-seed")
    assert picked is not None and "no clear difference" in picked.fits
    only_improved = [a for a in load_analogies() if a.fits == ("improved",)]
    assert only_improved
    for analogy in only_improved:
        for seed in range(20):
            chosen = pick_analogy(list(analogy.concepts), "worsened", seed)
            assert chosen is None or chosen.fits_direction("worsened")


def test_pick_analogy_returns_none_when_nothing_fits() -> None:
    assert pick_analogy("The weather in spring was mild.", None, 1) is None
    assert pick_analogy([], "improved", 1) is None
    with pytest.raises(ValueError, match="direction must be one of"):
        pick_analogy("myelin", "better", 1)


def test_glossary_term_records_are_immutable() -> None:
    term = GlossaryTerm("x", "A thing.", "anatomy")
    with pytest.raises(AttributeError):
        term.term = "y"  # type: ignore[misc]
