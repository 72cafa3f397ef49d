"""Tag a paper with topics from the MS taxonomy in `model.TOPICS`.

Each topic has a short list of words, word stems and phrases a reader would recognise. A
mention in the title (or a MeSH term) counts three times, in the abstract once (at most
six); a topic is kept when it reaches three, and at most four topics are kept, strongest
first, so a page about exercise is not also filed under every drug it names once.

Matching works on the words of the text (one pass, set look-ups), not on one regular
expression per topic: tagging must cost far less than a millisecond per abstract.
"""

from __future__ import annotations

import re
from collections import Counter

from msdigest.facts.document import Document
from msdigest.facts.model import TOPICS

__all__ = ["TOPIC_TERMS", "extract_topics", "topics_named"]

_DRUGS = (
    "ocrelizumab ofatumumab ublituximab rituximab natalizumab alemtuzumab fingolimod "
    "siponimod ozanimod ponesimod cladribine teriflunomide diroximel interferon glatiramer "
    "mitoxantrone inebilizumab eculizumab ravulizumab satralizumab tocilizumab azathioprine "
    "mycophenolate cyclophosphamide methylprednisolone prednisone prednisolone "
    "corticosteroid corticosteroids steroid steroids ibudilast biotin simvastatin clozapine "
    "risperidone metformin clemastine tolebrutinib evobrutinib fenebrutinib ivig "
    "immunoglobulin ahsct dalfampridine fampridine nabiximols cannabis cannabinoids "
    "baclofen botulinum modafinil amantadine dmt dmts dmd dmds drug drugs medication "
    "medications placebo therapy therapies infusion infusions dosing adherence"
)

#: topic key -> (whole words, word stems, phrases), all lower case.
TOPIC_TERMS: dict[str, tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]] = {
    "treatments": (
        frozenset(_DRUGS.split()),
        ("pharmacokinetic",),
        ("dimethyl fumarate", "disease-modifying", "disease modifying", "monoclonal antibod",
         "anti-cd20", "stem cell transplant", "treated with", "treatment with",
         "btk inhibitor", "plasma exchange"),
    ),
    "exercise_and_rehabilitation": (
        frozenset(
            "training rehabilitation aerobic hiit yoga pilates fitness neuromodulation tdcs "  # noqa: SIM905
            "transcranial cawthorne telerehabilitation tele-rehabilitation".split()
        ),
        ("exercis", "physiotherap"),
        ("physical therap", "occupational therap", "resistance training", "balance training",
         "physical activity", "walking program"),
    ),
    "symptoms": (
        frozenset(
            "fatigue pain spasticity bladder bowel incontinence urinary voiding anxiety sleep "  # noqa: SIM905
            "insomnia diplopia vision visual tremor balance gait walking mobility dizziness "
            "vertigo dysphagia mood qol stigma".split()
        ),
        ("depressi", "ataxi", "itch"),
        ("sexual function", "sexual dysfunction", "sexual satisfaction", "quality of life",
         "heat sensitivity"),
    ),
    "cognition": (
        frozenset(["memory", "sdmt", "attention", "bicams", "dementia", "learning"]),
        ("cogniti", "neuropsycholog"),
        ("processing speed", "symbol digit", "executive function", "information processing"),
    ),
    "imaging": (
        frozenset(
            "mri lesion lesions atrophy pet diffusion imaging neuroimaging t2 gadolinium "  # noqa: SIM905
            "cortical".split()
        ),
        ("thalam",),
        ("magnetic resonance", "brain volume", "grey matter", "gray matter", "white matter",
         "optical coherence tomography"),
    ),
    "immune_system_and_causes": (
        frozenset(
            "cytokine cytokines antibody antibodies ebv ebna genes gene hla microbiome "  # noqa: SIM905
            "microbiota gut infection infections covid-19 sars-cov-2 seroconversion "
            "seroprotection pneumonia smoking interleukin th17 aetiology etiology lymphocyte "
            "lymphocytes".split()
        ),
        ("immun", "autoantibod", "inflammat", "genetic", "vaccin", "il-"),
        ("t cell", "t-cell", "b cell", "b-cell", "epstein-barr", "risk factor",
         "blood-brain barrier"),
    ),
    "diagnosis_and_monitoring": (
        frozenset(
            "biomarker biomarkers neurofilament nfl gfap monitoring edss oligoclonal csf "  # noqa: SIM905
            "screening differential".split()
        ),
        ("diagnos", "misdiagnos", "prognos", "predict"),
        ("mcdonald criteria", "disability progression", "disability worsening",
         "disability milestone", "disability outcome", "cerebrospinal fluid"),
    ),
    "lifestyle_and_diet": (
        frozenset(
            "salt probiotic probiotics obesity bmi weight alcohol lifestyle mindfulness "  # noqa: SIM905
            "stress employment work sunlight fasting coffee".split()
        ),
        ("diet", "supplement", "nutrition", "smok"),
        ("vitamin d", "body mass"),
    ),
    "pregnancy_and_family": (
        frozenset(
            "breastfeeding breast-feeding postpartum fertility menses offspring caregiver "  # noqa: SIM905
            "caregivers carer carers parent parents infant infants".split()
        ),
        ("pregnan", "menstrua", "menopaus", "contracepti", "obstetric"),
        ("family planning", "care partner"),
    ),
    "progressive_ms": (
        frozenset(["ppms", "spms", "pwspms", "pms", "non-relapsing"]),
        (),
        ("primary progressive", "primary-progressive", "secondary progressive",
         "secondary-progressive", "progressive ms", "progressive multiple sclerosis",
         "progressive forms of", "progressive phase"),
    ),
    "paediatric_ms": (
        frozenset(
            ["paediatric", "pediatric", "poms", "juvenile", "paediatric-onset", "pediatric-onset"]
        ),
        (),
        ("children with", "childhood-onset", "childhood onset", "adolescents with",
         "adolescent with"),
    ),
    "related_conditions": (
        frozenset(["nmosd", "nmo", "mogad", "anti-mog", "mog-igg", "aqp4", "adem", "aqp4-igg"]),
        (),
        ("neuromyelitis optica", "mog antibod", "aquaporin-4", "aquaporin 4",
         "acute disseminated", "optic neuritis"),
    ),
}  # fmt: skip

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+]*(?:-[a-z0-9+]+)*")
_WORD_TOPICS: dict[str, list[str]] = {}
for _key, (_words, _, _) in TOPIC_TERMS.items():
    for _word in _words:
        _WORD_TOPICS.setdefault(_word, []).append(_key)
_STEMS = tuple((key, stems) for key, (_, stems, _) in TOPIC_TERMS.items() if stems)
_ANY_STEM = tuple(stem for _, stems in _STEMS for stem in stems)
_KEEP = 3
_MAX_TOPICS = 4
_ABSTRACT_CAP = 6


def _mentions(text: str) -> Counter[str]:
    """Return how many times each topic is mentioned in `text` (lower case)."""
    found: Counter[str] = Counter()
    for token, n in Counter(_TOKEN.findall(text)).items():
        for key in _WORD_TOPICS.get(token, ()):
            found[key] += n
        if token.startswith(_ANY_STEM):
            for key, stems in _STEMS:
                if token.startswith(stems):
                    found[key] += n
    for key, (_, _, phrases) in TOPIC_TERMS.items():
        for phrase in phrases:
            if phrase in text:
                found[key] += text.count(phrase)
    return found


def topics_named(text: str) -> frozenset[str]:
    """Return the topics `text` mentions at all (a title: what the study is about)."""
    return frozenset(_mentions(text.lower()))


def extract_topics(doc: Document) -> tuple[str, ...]:
    """Return up to four taxonomy keys, strongest first."""
    title = _mentions(doc.title.lower)
    mesh = _mentions(" ; ".join(doc.paper.mesh_terms).lower()) if doc.paper.mesh_headings else {}
    abstract = _mentions(doc.lower_text)
    scores: dict[str, int] = {}
    for key in TOPIC_TERMS:
        score = 3 * title.get(key, 0) + 3 * mesh.get(key, 0)
        score += min(abstract.get(key, 0), _ABSTRACT_CAP)
        if score >= _KEEP:
            scores[key] = score
    order = list(TOPICS)
    ranked = sorted(scores, key=lambda k: (-scores[k], order.index(k)))
    return tuple(ranked[:_MAX_TOPICS])
