"""A comment read as sentences of words and their lemmas: what the urgency rules match.

Each sentence becomes its lemmas (folded: lower case, no accents) separated by
single spaces, so that one rule written over lemmas covers every tense and person
("je vais te tuer", "je te tuerai", "I killed", "kills"), with the place of each
in the text, so that a finding quotes the words as they were written. The tense
a rule needs is in the auxiliaries, kept as written. Elisions and contractions
are spelled out first ("j'vais" is
"je aller", "I'll" is "i will", Québec's "m'as" is "je aller"), and the pronouns
and auxiliaries are kept as they are written, because who does what to whom
lives in them.

Lemmas come from `simplemma` (its French and English dictionaries, shipped in
the package), and, for the verbs the urgency rules are about, from the forms
listed here, so that a comment written without accents ("je vais le bruler",
"avale", "etrangle") reads the same as one with them. Reading is linear in the
text's length: one pass to split, one dictionary look-up per word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from lib.detect.folding import fold

# A sentence ends at a full stop, an exclamation or question mark, a semicolon, a
# colon, a line break or an ellipsis.
_SENTENCE_END = re.compile(r"[.!?;:\n…]+")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*'?")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'"})

# Written forms spelled out as the words they stand for (folded).
_SPELLED_OUT = {
    # French elisions: the apostrophe stays on the word it belongs to.
    "j'": ("je",),
    "m'": ("me",),
    "t'": ("te",),
    "l'": ("le",),
    "s'": ("se",),
    "n'": ("ne",),
    "c'": ("ce",),
    "d'": ("de",),
    "qu'": ("que",),
    # Québec French: "m'as te trouver" is "je vais te trouver".
    "m'as": ("je", "aller"),
    "mas": ("je", "aller"),
    "chu": ("je", "etre"),
    "chus": ("je", "etre"),
    "jsuis": ("je", "etre"),
    "jvais": ("je", "aller"),
    "pu": ("plus",),
    "pus": ("plus",),
    "toe": ("toi",),
    "moe": ("moi",),
    "qqn": ("quelqu'un",),
    "quelqu'un": ("quelqu'un",),
    "aujourd'hui": ("aujourd'hui",),
    # English contractions.
    "i'm": ("i", "be"),
    "im": ("i", "be"),
    "i'll": ("i", "will"),
    "ill": ("i", "will"),
    "i've": ("i", "have"),
    "ive": ("i", "have"),
    "i'd": ("i", "would"),
    "we'll": ("we", "will"),
    "we're": ("we", "be"),
    "you'll": ("you", "will"),
    "youll": ("you", "will"),
    "you're": ("you", "be"),
    "youre": ("you", "be"),
    "he'll": ("he", "will"),
    "she'll": ("she", "will"),
    "they'll": ("they", "will"),
    "it'll": ("it", "will"),
    "it's": ("it", "be"),
    "there's": ("there", "be"),
    "won't": ("will", "not"),
    "wont": ("will", "not"),
    "can't": ("can", "not"),
    "cant": ("can", "not"),
    "don't": ("do", "not"),
    "dont": ("do", "not"),
    "doesn't": ("do", "not"),
    "didn't": ("do", "not"),
    "isn't": ("be", "not"),
    "gonna": ("go", "to"),
    "wanna": ("want", "to"),
    "gotta": ("have", "to"),
    "imma": ("i", "go", "to"),
    "ima": ("i", "go", "to"),
    "i'ma": ("i", "go", "to"),
    "od": ("overdose",),
    "od'd": ("overdose",),
    "odd": ("overdose",),
}


def _split(words: str) -> list[str]:
    return words.split()


# Pronouns, auxiliaries and small words are read as written: simplemma would turn
# "te" into "le" and "tu" into "taire", and the rules need the person.
_AS_WRITTEN = frozenset(
    _split(
        "je me moi te toi tu se soi le la les lui leur nous vous on il elle ils elles "
        "eux mon ma mes ton ta tes son sa ses notre nos votre vos leurs ce ca cela que "
        "qui ne pas plus jamais rien de du des un une au aux a en y si sinon i me my "
        "myself you your yourself he him his she her they them their we us our it its "
        "this that who someone somebody everyone everybody not never no if or else all "
        "be will would should shall can could may might must to the a an of in on at "
        "for better off mieux"
    )
)


def _regular_forms(stem: str) -> dict[str, str]:
    """The written forms (folded) of a regular -er verb: present, future, conditional,
    imperfect, participles."""
    lemma = stem + "er"
    endings = _split(
        "er e es ent ez ons ai a as ait ais aient ant ee ees erai eras era erons erez "
        "eront erais erait erions eriez eraient"
    )
    forms = {stem + ending: lemma for ending in endings}
    forms[stem + "e"] = lemma
    return forms


_REGULAR_VERBS = _split(
    "tu frapp aval coup brul poignard etrangl massacr elimin flingu but tabass tir "
    "egorg assassin extermin lynch trucid retrouv regrett pay surveill reveill "
    "blesse etouff saign achev plant explos incendi menac scarifi pend ecras "
    "etripp torch crev tremp attrap cherch guett tra merit"
)
_IRREGULAR_FORMS = {
    "abattre": (
        "abats abat abattons abattez abattent abattu abattue abattus abattrai "
        "abattra abattrez abattront abattrais abattrait"
    ),
    "battre": (
        "bats bat battons battez battent battu battue battus battrai battra "
        "battrez battront battrais battrait"
    ),
    "descendre": (
        "descends descend descendons descendez descendent descendu descendus "
        "descendrai descendra descendrez descendront descendrais descendrait"
    ),
    "attendre": (
        "attends attend attendons attendez attendent attendu attendrai attendra "
        "attendrez attendront attendrais attendrait"
    ),
    "mourir": (
        "meurs meurt mourons mourez meurent mort morte morts mourrai mourra "
        "mourrez mourront mourrais mourrait"
    ),
    "prendre": ("prends prend prenons prenez prennent pris prise prises prendrai prendra"),
    "pendre": "pends pend pendu pendus pendrai pendra pendrais pendrait",
    "faire": ("fais fait faisons faites font ferai feras fera ferons ferez feront ferais ferait"),
    "mettre": ("mets met mettons mettez mettent mis mise mettrai mettra mettrais mettrait"),
}
_IRREGULAR = {
    **{form: lemma for lemma, forms in _IRREGULAR_FORMS.items() for form in forms.split()},
    "cutting": "cut",
    "shot": "shoot",
    "shooting": "shoot",
    "hung": "hang",
    "overdosed": "overdose",
    "overdosing": "overdose",
    "swallowed": "swallow",
    "took": "take",
    "taken": "take",
}
FUNCTION_WORDS = _AS_WRITTEN | frozenset(
    [
        "avoir",
        "etre",
        "aller",
        "faire",
        "ai",
        "as",
        "est",
        "suis",
        "va",
        "vais",
        "have",
        "is",
        "am",
        "are",
        "was",
        "do",
        "get",
        "go",
        "just",
        "so",
        "and",
        "et",
        "pis",
        "ou",
        "but",
        "mais",
        "like",
        "genre",
        "d",
        "l",
        "j",
        "m",
        "t",
        "s",
        "c",
        "n",
        "qu",
        "re",
        "ll",
        "ve",
    ]
)
"""Words that explain nothing on their own: pronouns, auxiliaries, small words."""
_SPELLED_VALUES = frozenset(word for words in _SPELLED_OUT.values() for word in words)
_KNOWN_FORMS: dict[str, str] = {}
for _stem in _REGULAR_VERBS:
    _KNOWN_FORMS.update(_regular_forms(_stem))
_KNOWN_FORMS.update(_IRREGULAR)


@lru_cache(maxsize=65_536)
def lemma(word: str, language: str) -> str:
    """The folded lemma of one written word (lower case), read in `language` first.

    >>> lemma("tuerai", "fr"), lemma("brulerai", "fr"), lemma("killed", "en")
    ('tuer', 'bruler', 'kill')
    """
    folded = fold(word)
    if folded in _AS_WRITTEN:
        return folded
    known = _KNOWN_FORMS.get(folded)
    if known:
        return known
    if folded.isdigit():
        return "0"
    languages = ("en", "fr") if language == "en" else ("fr", "en")
    return fold(simplemma.lemmatize(word, lang=languages))


@dataclass(frozen=True)
class Sentence:
    """One sentence's lemmas (folded), joined by single spaces, and where each was
    written in the text (a contraction's words share its place)."""

    lemmas: str
    places: tuple[tuple[int, int], ...]
    text: str

    def words_at(self, start: int, end: int) -> str:
        """The text as written under the lemmas between `start` and `end` of `lemmas`."""
        first = self.lemmas.count(" ", 0, start)
        last = self.lemmas.count(" ", 0, max(start, end - 1))
        return self.text[self.places[first][0] : self.places[last][1]]


def _pieces(written: str) -> list[str]:
    """One written token as the words it stands for: "i'll" is "i will", "j'vais" is
    "je vais", "l'abattre" is "le abattre", "minister's" is "minister"."""
    folded = fold(written)
    spelled = _SPELLED_OUT.get(folded) or _SPELLED_OUT.get(folded.rstrip("'"))
    if spelled:
        return list(spelled)
    *elided, last = folded.split("'")
    words = []
    for part in elided:
        words.extend(_SPELLED_OUT.get(part + "'", (part,)))
    if last and last != "s":
        words.extend(_SPELLED_OUT.get(last, (last,)))
    return [word for word in words if word]


def _sentence(text: str, lowered: str, start: int, end: int, language: str) -> Sentence | None:
    lemmas: list[str] = []
    places: list[tuple[int, int]] = []
    for token in _WORD.finditer(lowered, start, end):
        written, place = token.group(0), token.span()
        if "'" not in written and fold(written) not in _SPELLED_OUT:
            lemmas.append(lemma(written, language))
            places.append(place)
            continue
        # The apostrophe's pieces are folded already; accents only matter for
        # simplemma, which reads them all the same on the verbs the rules need.
        for word in _pieces(written):
            lemmas.append(word if word in _SPELLED_VALUES else lemma(word, language))
            places.append(place)
    if not lemmas:
        return None
    return Sentence(" ".join(lemmas), tuple(places), text)


def sentences(text: str, language: str, worth=None) -> list[Sentence]:
    """`text` as sentences of lemmas, in order; with `worth` (a pattern),
    only the sentences whose folded text it finds something in.

    >>> [s.lemmas for s in sentences("J'vais te retrouver. Tu vas payer!", "fr")]
    ['je aller te retrouver', 'tu aller payer']
    >>> sentences("I'm gonna find you", "en")[0].words_at(0, 10)
    "I'm gonna"
    """
    lowered = text.lower().translate(_APOSTROPHES)
    if len(lowered) != len(text):
        # A letter whose lower case is longer ("İ"): quote the lower case.
        text = lowered
    read = []
    for start, end in _spans(lowered):
        if worth is not None and not worth.search(fold(lowered[start:end])):
            continue
        sentence = _sentence(text, lowered, start, end, language)
        if sentence:
            read.append(sentence)
    return read


def _spans(lowered: str):
    start = 0
    for end in _SENTENCE_END.finditer(lowered):
        yield start, end.start()
        start = end.end()
    yield start, len(lowered)
