"""Read the design cues of an abstract: which words name a kind of study, and where.

Each cue ("randomly assigned", "prospective cohort", "in mice", "semi-structured
interviews", "we included 12 trials with 900 participants") scores by where it sits
(title and methods weigh most, background least) and counts for almost nothing in
sentences about other or future studies ("Two RCTs showed...", "a randomised trial is
needed"). `design.py` resolves the scores into one design.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from msdigest.facts.document import Document, Sentence
from msdigest.facts.model import Span

__all__ = ["OWN_VOICE", "DesignCues", "read_cues"]

# The authors' own patients, however they are named: "we describe four adults", "here we
# present two people with MS", "this report describes a man", "a 34-year-old woman".
_CASE_OWN = (
    r"\b(?:we|this (?:case )?(?:report|paper|article|letter)) (?:\w+ )?(?:report|describe|"
    r"present)(?:ed|d|s)? (?:(?:a|an|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|\d{1,2}) (?:(?!(?:for|of|with|to|in|on|from|about|and|who|published|reported|"
    r"previously)\b)[\w-]+ ){0,4}?(?:cases?|patients?|people|persons?|individuals?|adults?|"
    r"child(?:ren)?|adolescents?|infants?|wom[ae]n|m[ae]n|boys?|girls?|siblings|sisters|"
    r"brothers|twins|famil(?:y|ies)|mother|father)|the case)\b|\b\d+-year-old (?:\w+ )?(?:man|"
    r"woman|male|female|patient|boy|girl|lady|gentleman)\b|\b(?:this|a) case\b"
    r"(?![- ]?control)(?: of)?|\bcase (?:description|presentation)\b"
)

# Each cue: (name, pattern, weight). A design's score is the best weight x place factor.
_CUES: tuple[tuple[str, re.Pattern[str], float], ...] = tuple(
    (name, re.compile(pattern.lower()), weight)
    for name, pattern, weight in (
        ("meta", r"(?<!\bno )(?<!without )(?<!\bnor )\bmeta-?\s?analy[sz]\w*"
                 r"(?! (?:was|were|could) not\b)(?! not\b)|\bpooled analysis of\b|"
                 r"\bmeta-regression", 3),
        ("review", r"\bsystematic(?:ally)? (?:\w+ ){0,2}(?:review\w*|search\w*)|\bscoping "
                   r"review|\bumbrella review|\bliterature review|\breview of (?:the )?"
                   r"(?:\w+ )?literature|\bwe (?:systematically )?(?:searched|reviewed) "
                   r"(?:the )?(?:pubmed|medline|embase|literature|databases)|\b(?:pubmed|"
                   r"medline|embase|web of science|cochrane library|cinahl|psycinfo)\b.{0,80}"
                   r"\b(?:searched|search)|\bwe included (?:\w+ ){0,2}(?:studies|trials|"
                   r"rcts|articles|papers)\b|\bincluded (?:studies|trials|rcts)\b|"
                   r"\b(?:studies|trials|rcts|articles) (?:met|fulfilled) (?:the |our )?"
                   r"(?:inclusion|selection|eligibility) criteria|"
                   r"\b(?:the|this) review (?:included|includes|contains|identified|found)\b|"
                   r"\b(?:studies|trials|rcts)\b[^.;]{0,40}?"
                   r"\b(?:involving|with|including|enrolling|comprising|recruiting|representing|"
                   r"totall?ing|of)\b[^.;]{0,25}?\b\d[\d,]* (?:[\w'-]+ ){0,4}?(?:participants|"
                   r"patients|people|subjects|individuals|women|men|children|adults)\b|"
                   r"\b(?:studies|trials|rcts)\s*\(\s*(?:n\s*=\s*)?\d[\d,]* participants", 3),
        ("narrative", r"\b(?:this|the present|our) (?:narrative |critical |brief |short |"
                      r"mini-? ?)?(?:review|commentary|viewpoint|perspective|editorial|overview|"
                      r"opinion (?:piece|paper))\b|\bin this (?:narrative |critical |brief )?"
                      r"(?:review|commentary|viewpoint|perspective|editorial|overview|chapter)\b|"
                      r"\b(?:here,? )?we (?:review|summari[sz]e|outline|argue|provide an "
                      r"overview)\b|\bthis (?:article|paper|chapter) (?:presents|reviews|"
                      r"discusses|summari[sz]es|describes (?:the|recent|current))\b|"
                      r"\bnarrative review\b|"
                      r"\b(?:a|an) (?:review|commentary|viewpoint|perspective|update|overview)$|"
                      r"\bwhere do we stand\b", 1.5),
        ("case", r"\bcase reports?\b|\bcase series\b|" + _CASE_OWN, 3),
        ("case_own", _CASE_OWN, 3),
        ("animal", r"\b(?:mice|mouse|murine|rats?|rodents?|animal models?|zebrafish|"
                   r"marmosets?|non-human primates?|primates|canine|eae\b|experimental "
                   r"autoimmune encephalomyelitis|cuprizone|lysolecithin|lpc-induced|knock-?out|"
                   r"transgenic|wild-type|littermates|in vivo)\b", 2),
        ("lab", r"\b(?:in vitro|cell lines?|cultured|cell cultures?|organoids?|ipscs?|induced "
                r"pluripotent|primary (?:human )?(?:cells|astrocytes|microglia|neurons|"
                r"oligodendrocytes)|post-?mortem|autopsy (?:tissue|material|cases)|"
                r"brain tissue (?:samples|sections)|in silico|molecular docking)\b", 1.5),
        ("qualitative", r"\bqualitative\b|\bsemi-?structured (?:\w+ )?interviews?|\bin-depth "
                        r"interviews?|\bthematic(?:ally)? analy\w*|\binterpretative "
                        r"phenomenological|\bgrounded theory|\bco-?design\w*|\bframework "
                        r"analysis", 3),
        # building or testing a tool with its users: usability sessions, think-aloud, feedback
        ("development", r"\busability(?: and [\w-]+)? (?:testing|tests?|sessions?|study|"
                        r"studies|evaluation|interviews?)\b|\buser (?:feedback|testing)\b|"
                        r"\bthink(?:ing)?[- ]aloud\b|\biterative(?:ly)? (?:[\w-]+ )?(?:design|"
                        r"development|approach|process|cycles?|refinement)\b|\brefined "
                        r"iteratively\b|\b(?:user|human|person)-cent(?:red|ered) design\b|"
                        r"\bparticipatory design\b", 2),
        # people using a tool for a stated time: a feasibility test rather than feedback
        ("use_period", r"\b(?:used|using|use of|trained with|tried)\b[^.;]{0,50}?\bfor "
                       r"(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve) "
                       r"(?:consecutive )?(?:days|weeks|months)\b", 2),
        # a commentary on another group's paper: "Novak et al. show", "in a recent paper"
        ("others_work", r"\bet al\.?,? (?:\(\d{4}\),? )?(?:\w+ )?(?:show|report|demonstrat|"
                        r"describe|found|find|present|provide|identif|suggest|propose)\w*|"
                        r"\b[a-z]+ and (?:colleagues|co-?workers|co-?authors)\b|\bin (?:a|their) "
                        r"(?:recent|new|landmark) (?:[\w-]+ ){0,2}(?:article|paper|study|report|"
                        r"issue|publication)\b|\bin this issue\b", 3),
        ("focus_groups", r"\bfocus groups?\b|\binterviews? (?:with|were conducted)", 1.5),
        ("randomised", r"(?<!mendelian )(?<!non-)(?<!non)(?<!quasi-)\brandomi[sz](?:ed|ation)\b|"
                       r"\brandomly (?:assigned|allocated|divided|selected to receive)|"
                       r"\bRCTs?\b", 3),
        ("pilot", r"\bpilot (?:study|trial|rct|randomi[sz]ed|project|programme|program|phase|"
                  r"clinical|feasibility|intervention|test)\w*|\b(?:a|this|our) pilot\b|"
                  r"\brandomi[sz]ed pilot|\bfeasibility (?:study|trial|rct|and "
                  r"(?:acceptability|safety|tolerability)|of (?:a|an|the|using|conducting|"
                  r"delivering|implementing))|\bproof[- ]of[- ]concept|\bto (?:test|assess|"
                  r"evaluate|examine|determine|explore|establish|investigate) (?:the )?"
                  r"(?:feasibility|practicability)", 3),
        ("protocol", r"\bprotocol (?:for|of) (?:a|an|the)\b|\bstudy protocol (?:for|of)\b|"
                     r":\s*(?:a |the )?(?:study |trial )?protocol\b|"
                     r"\bwe (?:describe|present|report) (?:the|a|our) (?:study |trial )?protocol\b|"
                     r"\bthis protocol\b", 3),
        ("trial", r"\bphase (?:i{1,3}|iv|[1-4])[ab]?\b|\bclinical trial\b|"
                  r"\bopen-?label\b|\binterventional study\b", 2),
        # the bare word: also "a trial of intrathecal baclofen", "Trial B" of a test
        ("trial_word", r"\btrial\b(?! [a-e]\b| \d)", 2),
        ("placebo", r"\bplacebo\b|\bsham\b|\bdouble-?blind\w*|\btriple-?blind\w*", 2),
        ("control_arm", r"\bcontrol (?:group|arm|condition)\b|\busual care\b|\bstandard care\b|"
                        r"\btreatment as usual\b|\bwait(?:ing)?[- ]?list\b|\bactive comparator\b|"
                        r"\bcontrols? received\b", 2),
        ("single_arm", r"\bsingle[- ]arm\b|\bsingle[- ]group\b|\bone[- ]group\b|\buncontrolled\b|"
                       r"\bnon-?comparative\b|\bopen-label,? (?:single|non-?randomi)|"
                       r"\b(?:open-label )?extension (?:study|phase|period)\b|\bopen-label "
                       r"extension\b", 2),
        # loose words: "before and after treatment initiation" is also said of claims data
        ("before_after", r"\bbefore and after\b|\bpre-? ?(?:and|to|-|/) ?post|\bpre-post\b", 2),
        ("nonrandomised", r"\bnon-?randomi[sz]ed\b|\bquasi-?experimental\b|\bquasi-?"
                          r"randomi[sz]ed\b|\bcontrolled before\b|\bhistorical controls?\b|"
                          r"\bnonrandomi[sz]ed\b", 3),
        ("intervention", r"\b(?:received|were given|were treated with|was administered|"
                         r"intervention|programme|program|training|exercises?|sessions?|"
                         r"supplementation|stimulation|infusions?|starting dose|maintenance dose|"
                         r"twice (?:daily|weekly|a week)|once (?:daily|weekly)|"
                         r"three times (?:a|per) week|mg/day|mg daily|"
                         r"post-?(?:intervention|treatment|training)|after "
                         r"(?:the )?(?:intervention|treatment|training|program))\b", 1),
        ("cohort_strong", r"\bcohort study\b|\b(?:prospective|retrospective|longitudinal|"
                          r"observational|population-based|register-based|registry-based|"
                          r"nationwide) (?:\w+ ){0,2}cohort\b|\blongitudinal (?:\w+ )?study\b|"
                          r"\bfollow-up study\b|\b(?:prospective|retrospective) (?:\w+ ){0,2}"
                          r"(?:study|analysis|review)\b|\bchart review\b|\bcohort analysis\b", 3),
        ("cohort_weak", r"(?<!our )(?<!this )(?<!the )(?<!whole )(?<!entire )\bcohorts?\b|"
                        r"\bregistry\b|\bregistries\b|\bregisters?\b|\bdatabase\b|"
                        r"\bmedical records\b|\bhealth records\b|\bclaims\b|\breal-world\b|"
                        r"\bfollowed (?:up )?(?:for|over|until|during)\b|\b(?:observed|"
                        r"monitored|tracked) (?:\w+ ){0,3}?(?:for|over|during|until)\b|"
                        r"\bprospectively\b|\bretrospectively\b|\bobservational\b|"
                        r"\bpopulation-based\b", 1),
        ("repeated", r"\bat baseline and (?:after|at|again)\b|\bbaseline and follow-up\b|"
                     r"\bat (?:baseline|inclusion)[^.;]{0,40}\b(?:after|later)\b|"
                     r"\b(?:annual|annually|yearly|serial|repeated|six-monthly|biannual) "
                     r"(?:[\w-]+,? (?:and )?){0,4}?(?:mris?|scans|assessments|visits|"
                     r"examinations|evaluations)\b|\bfollowed up (?:after|at|for|over|until)\b|"
                     r"\bre-?(?:examined|assessed|evaluated|contacted) (?:after|at)\b|"
                     r"\bevery (?:\d+|two|three|four|six|twelve) (?:weeks|months)\b", 2),
        ("case_control", r"\bcase-? ?control\b|\bcases and (?:\w+ ){0,3}controls\b|\bmatched "
                         r"(?:\w+ ){0,2}controls\b|\bcontrols? matched\b", 3),
        ("healthy_controls", r"\bhealthy (?:\w+ )?(?:controls?|volunteers|individuals|subjects|"
                             r"participants|donors)\b|\b(?:HCs?|HVs?)\b|\bcontrol (?:subjects|"
                             r"participants|individuals)\b|\bnormal (?:controls|volunteers|"
                             r"subjects)\b|\bcontrols? (?:without|free of)\b|\bdisease "
                             r"controls\b|\b(?:age|sex|gender)[- ](?:and [\w-]+[- ])?matched\b|"
                             r"\bmatched (?:for|by|on) (?:age|sex|gender)\b|\bwith and without "
                             r"(?:ms|multiple sclerosis|the disease|[a-z]+)\b|\b(?:people|persons|"
                             r"individuals|adults|those) without (?:ms|multiple sclerosis)\b", 1.5),
        ("cross_sectional", r"\bcross-? ?sectional(?:ly)?\b|\bat (?:a )?single (?:study )?"
                            r"(?:visit|time ?point|assessment|occasion)\b|\b(?:assessed|examined|"
                            r"tested|evaluated|measured|seen) (?:only )?once\b|"
                            r"\bprevalence study\b|\b(?:estimate|"
                            r"determine|assess|investigate|describe) the prevalence\b", 3),
        ("diagnostic", r"\bdiagnostic (?:accuracy|performance|value)\b|\bsensitivity and "
                       r"specificity\b|\barea under the (?:receiver operating )?curve\b", 2),
        ("survey", r"\bsurvey\w*\b|\bquestionnaire-based\b|\b(?:online|web-based|postal|"
                   r"mailed|anonymous|self-administered|self-reported) questionnaire\b|"
                   r"(?<!semi-)(?<!semi)\bstructured (?:telephone |phone |face-to-face )?"
                   r"interviews?\b|\btelephone interviews?\b|\bquestionnaires? (?:was|were) "
                   r"(?:returned|completed|sent|distributed|administered|mailed)\b", 2),
        ("data_source", r"\b(?:claims|insurance|prescription|administrative|electronic health|"
                        r"health ?care|hospital|national|research) (?:\w+ )?(?:database|data|"
                        r"records|registry|register)\b|\b(?:medical|health|patient) records\b|"
                        r"\bregistry\b|\bdatabase\b|\bchart review\b|\bretrospective(?:ly)?\b",
                        2),
        # data collected before, for another purpose, with nothing about time
        ("existing_data", r"\b(?:pre-?existing|existing|previously collected|archived) "
                          r"(?:[\w-]+ )?data\b", 2),
        ("span", r"\b(?:over|during|across) (?:a |the )?(?:period of )?(?:\d+|two|three|four|"
                 r"five|six|seven|eight|nine|ten|several) (?:consecutive )?years\b", 1),
        ("mendelian", r"\bmendelian randomi[sz]ation\b|\bgenome-wide association\b|\bgwas\b", 3),
        ("measured", r"\b(?:were|was) (?:assessed|measured|examined|evaluated|scored|tested)\b|"
                     r"\bcompleted (?:the|a|an)\b|\bunderwent\b|\bquestionnaires?\b", 1),
    )
)  # fmt: skip

# Cheap substring tests: a cue whose anchors are all absent from the text cannot match, so
# its (much slower) regular expression is not run at all.
_ANCHORS: dict[str, tuple[str, ...]] = {
    "meta": ("meta", "pooled"),
    "review": ("systematic", "literature", "search", "included", "review", "criteria", "studies",
               "trials", "rcts"),
    "narrative": ("review", "summari", "commentary", "viewpoint", "perspective", "editorial",
                  "overview", "opinion", "we outline", "we argue", "this article", "this paper",
                  "chapter", "update", "where do we stand"),
    "case": ("case", "year-old", "report", "describe", "present"),
    "case_own": ("case", "year-old", "report", "describe", "present"),
    "animal": ("mice", "mouse", "murine", "rat", "rodent", "animal", "zebrafish", "marmoset",
               "primate", "canine", "eae", "experimental autoimmune", "cuprizone", "lysolecithin",
               "lpc", "knock", "transgenic", "wild-type", "wildtype", "littermate", "in vivo"),
    "lab": ("in vitro", "cell line", "cultur", "organoid", "ipsc", "pluripotent", "primary",
            "mortem", "autopsy", "brain tissue", "in silico", "docking"),
    "qualitative": ("qualitative", "interview", "thematic", "phenomenolog", "grounded theory",
                    "design", "framework analysis"),
    "focus_groups": ("focus group", "interview"),
    "development": ("usability", "user ", "aloud", "iterative", "refined iteratively", "centred",
                    "centered", "participatory"),
    "use_period": ("used", "using", "use of", "trained with", "tried"),
    "others_work": ("et al", "colleagues", "co-workers", "coworkers", "co-authors", "coauthors",
                    "a recent", "their recent", "a new", "their new", "a landmark",
                    "their landmark", "this issue"),
    "randomised": ("random", "rct"),
    "pilot": ("pilot", "feasib", "proof", "practicab"),
    "protocol": ("protocol",),
    "trial": ("phase", "clinical trial", "open", "interventional"),
    "trial_word": ("trial",),
    "placebo": ("placebo", "sham", "blind"),
    "control_arm": ("control", "usual care", "standard care", "as usual", "wait", "comparator"),
    "single_arm": ("single", "one-group", "one group", "uncontrolled", "comparative", "open",
                   "extension"),
    "before_after": ("before and after", "pre"),
    "nonrandomised": ("randomi", "quasi", "controlled before", "historical"),
    "intervention": ("receiv", "given", "treated with", "administer", "intervention", "program",
                     "training", "exercise", "session", "supplement", "stimulation", "infusion",
                     "dose", "twice", "once", "three times", "mg", "post", "after"),
    "cohort_strong": ("cohort", "longitudinal", "follow-up study", "prospective", "retrospective",
                      "chart review"),
    "cohort_weak": ("cohort", "regist", "database", "records", "claims", "real-world", "followed",
                    "observed", "monitored", "tracked",
                    "prospectively", "retrospectively", "observational", "population-based"),
    "case_control": ("case-control", "case control", "casecontrol", "controls", "matched"),
    "healthy_controls": ("healthy", "hc", "hv", "control", "normal", "matched", "without"),
    "cross_sectional": ("cross-sectional", "cross sectional", "crosssectional", "prevalence",
                        "single", "once"),
    "survey": ("survey", "questionnaire", "interview"),
    "mendelian": ("mendelian", "genome-wide", "gwas"),
    "span": (" years",),
    "data_source": ("database", "data", "records", "registry", "register", "chart",
                    "retrospective"),
    "existing_data": ("existing", "previously collected", "archived"),
    "diagnostic": ("diagnostic", "sensitivity", "area under"),
    "repeated": ("baseline", "annual", "yearly", "serial", "repeated", "monthly", "followed up",
                 "every",
                 "examined", "assessed", "evaluated", "contacted"),
    "measured": ("assess", "measur", "complet", "underwent", "questionnaire", "scale", "test",
                 "mri", "scor", "examin", "evaluat"),
}  # fmt: skip

# The authors' own work: "we show", "our results", "this study" (read only when a text
# speaks of another group's paper, to tell a commentary from a study that cites others).
OWN_VOICE = re.compile(
    r"\bwe (?:\w+ )?(?:show|showed|found|find|demonstrat\w*|observed|"
    r"identified|generated|developed|used|performed|conducted|analy[sz]ed|"
    r"measured|tested|investigated|examined|assessed|evaluated|treated|studied|"
    r"recruited|enrolled|included|collected|compared|report\w*|describe\w*|"
    r"present\w*)\b|\bour (?:results|findings|data|study|experiments?|"
    r"analys[ie]s|cohort|patients)\b|\b(?:this|the present|the current) "
    r"study\b",
)

_PLACE = {
    "TITLE": 3.0,
    "METHODS": 2.0,
    "OBJECTIVE": 1.5,
    None: 1.5,
    "RESULTS": 1.0,
    "CONCLUSIONS": 1.0,
    "BACKGROUND": 0.3,
}
# Sentences about other, earlier or future studies do not describe this one.
_ELSEWHERE = re.compile(
    r"\b(?:(?:previous(?:ly)?|prior|earlier|other|recent) (?:\w+ )?(?:studies|research|reports|"
    r"trials|work|findings|evidence)|have shown|has shown|had shown|showed that|shown to|"
    r"(?:is|are|was|were) (?:still |urgently )?needed|need for (?:further|larger|more|a)|"
    r"needs? to be|warrant\w*|future|further (?:\w+ )?(?:studies|research|trials)|"
    r"should (?:\w+ )?be|"
    r"planned|larger (?:\w+ )?(?:studies|trials|samples|cohorts)|are required|is required|"
    r"recommend\w*|would be|could be|in the (?:\w+ )?literature|literature (?:has|have|suggests?|"
    r"shows?|indicates?))\b"
)
# Cues that name a kind of study: said of plural studies ("randomised placebo-controlled
# trials of vitamin D", "in phase 3 trials", "prospective cohort studies") they describe
# the literature, not this study.
_STUDY_KINDS = frozenset(
    {"randomised", "trial", "trial_word", "placebo", "pilot", "single_arm", "before_after",
     "nonrandomised", "control_arm",
     "cohort_strong", "cohort_weak", "case_control", "cross_sectional"}
)  # fmt: skip
_PLURAL_STUDIES = re.compile(r"[\s,]*(?:[\w-]+,? ){0,4}?(?:trials|studies|rcts|cohorts)\b")
_SELF = re.compile(
    r"\b(?:this|our|the present|the current|we (?:conducted|performed|designed|carried out|"
    r"report|undertook|did|present)|was an?|is an?|in an?)\b"
)
_REGISTRATION = re.compile(
    r"\b(?:nct\d{6,}|isrctn|actrn|irct|registered|registration|registry number|"
    r"clinicaltrials\.gov)\b"
)


@dataclass(slots=True)
class DesignCues:
    """The best score each cue reached in the paper, and the sentence where it did."""

    scores: dict[str, float] = field(default_factory=dict)
    where: dict[str, tuple[Sentence, int, int]] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)

    def score(self, name: str) -> float:
        """Return the score of one cue (0 when absent)."""
        return self.scores.get(name, 0.0)

    def span(self, name: str) -> Span | None:
        """Return the text where a cue scored best."""
        found = self.where.get(name)
        return found[0].span(found[1], found[2]) if found else None


def read_cues(doc: Document) -> DesignCues:
    """Score every design cue over the title and the sentences of the abstract."""
    cues = DesignCues()
    sentences = (doc.title, *doc.sentences)
    for index, found in sorted(_candidates(doc).items()):
        sentence = sentences[index]
        text = sentence.lower
        matches = [
            (name, weight, match)
            for name, pattern, weight in found
            if (match := pattern.search(text))
        ]
        if not matches or (_REGISTRATION.search(text) and len(text) < 200):
            continue
        place = _PLACE.get(sentence.category, 1.0)
        elsewhere = bool(_ELSEWHERE.search(text))
        own = bool(_SELF.search(text))
        order = sentence.index if not sentence.in_title else -1
        factor = place * (0.2 if elsewhere else 1.0) * (1.25 if own and not elsewhere else 1.0)
        for name, weight, match in matches:
            value = weight * factor
            if elsewhere and match.group(0).startswith(("we ", "this ")):
                # "We describe a patient ...; 12 such patients are in the literature"
                value = weight * place * 1.25
            if name in _STUDY_KINDS and _of_plural_studies(text, match):
                value = weight * place * 0.2
            cues.first.setdefault(name, order)
            if value > cues.score(name):
                cues.scores[name] = value
                cues.where[name] = (sentence, match.start(), match.end())
    return cues


def _candidates(doc: Document) -> dict[int, list[tuple[str, re.Pattern[str], float]]]:
    """Return, per sentence (0 is the title), the cues whose anchor words it contains.

    The anchors are found with `str.find` over the whole text at once, so a cue's regular
    expression runs only on the few sentences where it can match.
    """
    title = doc.title.lower
    offset = len(title) + 1
    everything = f"{title}\n{doc.lower_text}"
    starts = [0, *(offset + s.start for s in doc.sentences)]
    ends = [len(title), *(offset + s.end for s in doc.sentences)]
    found: dict[int, list[tuple[str, re.Pattern[str], float]]] = {}
    for name, pattern, weight in _CUES:
        hit: set[int] = set()
        for anchor in _ANCHORS[name]:
            position = everything.find(anchor)
            while position != -1:
                index = bisect_right(starts, position) - 1
                if position < ends[index]:
                    hit.add(index)
                    position = everything.find(anchor, ends[index])
                else:
                    position = everything.find(anchor, position + 1)
        for index in hit:
            found.setdefault(index, []).append((name, pattern, weight))
    return found


def _of_plural_studies(text: str, match: re.Match[str]) -> bool:
    """Return True when a design cue is said of several studies ("randomised trials")."""
    if match.group(0).endswith(("trials", "studies", "rcts", "cohorts")):
        return True
    return _PLURAL_STUDIES.match(text, match.end()) is not None
