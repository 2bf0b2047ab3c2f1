"""What cannot wait: threats, and people in danger, read sentence by sentence.

A rule reads who does what to whom, and when, over a sentence's lemmas
(`sentences`): a speaker ("je", "on", "I", "we") and an intention ("aller",
"vouloir", "will", "going to") before a harm ("tuer", "retrouver", "shoot") done
to someone ("te", "vous", "le ministre", "the staff"), not to oneself ("me"),
and not negated. The same words in another role are something else: "cette
file me tue" has a thing for speaker and "me" for target; "je veux me tuer" is
distress, not a threat. A medical emergency is one happening now, not one
remembered ("il y a dix ans").

Two signals, because the answer differs: a `threat` is escalated and removed;
`distress` (suicide, self-harm, overdose, a medical emergency, violence at home)
is answered first with 811 / 911. Each finding names its rule, whose words are in
the catalogue (`detect.rule.<rule>`), and the words of the comment that raised it.

Rules run only on comments where a cheap first pass (`CANDIDATE`) finds a word
they are about; each is a regular expression over words separated by single
spaces, with gaps of a bounded number of words, so reading stays linear in the
text's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.detect.sentences import Sentence, sentences

THREAT, DISTRESS = "threat", "distress"


@dataclass(frozen=True)
class Finding:
    """One rule that matched: its signal (`threat` or `distress`), its code, its words."""

    signal: str
    rule: str
    words: str


def _any(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


def _gap(most: int) -> str:
    """Up to `most` words, as few as possible."""
    return rf"(?: \S+){{0,{most}}}?"


def _rule(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\S)(?:" + "|".join(alternatives) + r")(?!\S)")


# --- Vocabulary, as lemmas (folded) --------------------------------------------------
SPEAKER = _any("je", "on", "nous", "i", "we")
INTENT = _any(
    "aller", "vouloir", "venir", "pouvoir", "devoir", "finir par", "will", "would", "shall",
    "go to", "want to", "be about to", "plan to", "be come to", "could", "might",
)  # fmt: skip
NEGATION = _any("ne", "pas", "jamais", "not", "never", "no")
OBJECT_FR = _any("te", "vous", "le", "la", "les", "lui", "leur", "toi")
OBJECT_EN = _any(
    "you", "u", "ya", "him", "her", "them", "everyone", "everybody", "all of you", "y'all",
    "somebody", "someone", "people",
)  # fmt: skip
HARM_FR = _any(
    "tuer", "buter", "abattre", "poignarder", "egorger", "etrangler", "massacrer",
    "eliminer", "flinguer", "trucider", "frapper", "battre", "tabasser", "bruler",
    "planter", "crever", "assassiner", "exterminer", "lyncher", "achever", "etripper",
    "ecraser", "pendre", "retrouver", "descendre", "tirer dessus", "tirer une balle",
    "casser la (?:gueule|face|yeule|margoulette)", "peter la (?:gueule|face|yeule)",
    "faire la peau", "regler \\S+ compte", "faire sauter", "faire exploser", "faire payer",
    "faire regretter", "faire mal", "faire du mal", "faire peur", "tirer sur",
)  # fmt: skip
HARM_EN = _any(
    "kill", "shoot", "stab", "murder", "strangle", "hurt", "beat", "beat up", "burn",
    "attack", "punch", "choke", "execute", "slaughter", "hunt down", "hunt", "slit", "hang",
    "lynch", "bomb", "torch", "smash", "gut", "find", "make \\S+ pay", "make \\S+ regret",
    "get even with", "shoot up", "jump", "take out", "put down", "scare",
)  # fmt: skip
PERSON = _any(
    "ministre", "premier ministre", "employe", "fonctionnaire", "agent", "agente",
    "directeur", "directrice", "direction", "maire", "mairesse", "president",
    "presidente", "depute", "deputee", "prof", "professeur", "enseignant", "enseignante",
    "personnel", "infirmier", "infirmiere", "medecin", "docteur", "gens", "monde",
    "enfant", "eleve", "policier", "policiere", "juge", "avocat", "travailleur", "boss",
    "patron", "gerant", "responsable", "prepose", "preposee", "chauffeur", "secretaire",
    "receptionniste", "commissaire", "chef", "quelqu'un", "gars", "madame", "monsieur",
    "conseiller", "conseillere", "fonctionnaire", "minister", "premier", "mayor", "staff",
    "employee", "worker", "clerk", "agent", "principal", "teacher", "nurse", "doctor",
    "officer", "cop", "judge", "lawyer", "manager", "director", "receptionist", "guy",
    "lady", "woman", "man", "kid", "one", "bastard", "councillor", "councilor", "official",
    "tout le monde", "everyone", "everybody", "people", "bureaucrat", "politician",
    "politicien", "chacun",
)  # fmt: skip
PLACE = _any(
    "bureau", "edifice", "batiment", "ecole", "hotel de ville", "clinique", "hopital",
    "place", "maison", "local", "caisse", "batisse", "centre", "cisss", "mairie",
    "office", "building", "school", "city hall", "clinic", "hospital", "house", "center",
    "centre", "headquarters", "it", "ca", "tout",
)  # fmt: skip
WEAPON = _any(
    "fusil", "arme", "carabine", "gun", "rifle", "shotgun", "pistol", "pistolet",
    "revolver", "couteau", "knife", "machette", "machete", "hache", "axe", "12", "ar 15",
    "ar15", "glock", "munition", "ammo", "balle", "bullet",
)  # fmt: skip
DETERMINER = _any(
    "le", "la", "les", "l", "un", "une", "des", "ce", "cette", "ces", "mon", "ma", "mes",
    "ton", "ta", "tes", "son", "sa", "ses", "votre", "vos", "leur", "tout", "tous",
    "the", "your", "that", "this", "those", "these", "every", "each", "some", "all",
    "a", "his", "her", "their", "our", "my", "any",
)  # fmt: skip
TARGET_AFTER = rf"(?:(?:sur|a|au|aux|after|on) )?(?:{DETERMINER} ){{0,2}}(?:\S+ )?{PERSON}"
CALLER = _any(
    "quelqu'un", "someone", "somebody", "on", "people", "everyone", "everybody",
    "tout le monde", "we", "il", "faut", "y", "nous", "vous", "ils",
)  # fmt: skip
OUGHT = _any(
    "devoir", "should", "ought to", "need to", "must", "falloir", "have to",
)  # fmt: skip
ELECTION = re.compile(
    r"(?<!\S)(?:elections?|electoral|urnes?|vote[rsz]?|votes|voting|ballots?|polls?|"
    r"scrutin|campagne|campaign|mandat|petition)(?!\S)"
)
PAST_OVER = re.compile(
    r"(?<!\S)(?:il y a (?:0|un|une|deux|trois|quatre|cinq|dix|quelques|plusieurs|des) "
    r"(?:an|ans|annee|annees|mois)|l'an (?:dernier|passe)|an dernier|(?:years?|months) ago|"
    r"last year|en 0|in 0|quand (?:je|j) (?:etais|etait)|when i (?:was|were)|"
    r"(?:merci|thanks?|thank you|grace) (?:\S+ ){0,2}(?:ambulanciers?|paramedics?|"
    r"pompiers?|firefighters?|equipe|team|staff|personnel|infirmieres?|nurses?|"
    r"medecins?|doctors?|urgentologues?)|en cas de|if someone|si (?:quelqu'un|une personne)|"
    r"signs of|signes d|symptomes|symptoms)(?!\S)"
)
TOPIC = re.compile(
    r"(?<!\S)(?:crise des \S+|(?:overdose|opioid|drug) crisis|prevention|campagne|campaign|"
    r"semaine|week|statistiques|"
    r"statistics|deces|deaths|taux|rate|conference|formation|training|journee|day|"
    r"sensibilisation|awareness|ressources|resources|atelier|workshop|naloxone|"
    r"programme|program|article|reportage|news|nouvelles)(?!\S)"
)

# --- Threats -------------------------------------------------------------------------
_FREE = rf"(?:(?! {NEGATION}(?!\S))(?: \S+)){{0,3}}?"
THREAT_INTENT = _rule(
    # "je vais te tuer", "on va tous vous descendre", "m'as te retrouver"
    rf"{SPEAKER}{_FREE} {OBJECT_FR} {HARM_FR}",
    # "je vais tirer sur le ministre", "on va aller tuer tout le monde"
    rf"{SPEAKER}{_FREE} {INTENT}{_FREE} {HARM_FR} {TARGET_AFTER}",
    # "I'm going to kill you", "we'll find the mayor", "i will shoot up the school"
    rf"{SPEAKER}{_FREE} {INTENT}{_FREE} {HARM_EN} (?:{OBJECT_EN}|{TARGET_AFTER}|the|your|that)",
    rf"{SPEAKER}{_FREE} be come (?:for|after) (?:{OBJECT_EN}|{DETERMINER})",
    # A warning to the reader: "tu vas payer pour ça", "you'll regret this".
    r"(?:tu|vous|you|il|elle|ils|elles|he|she|they) (?:aller|will|be go to|go to)"
    r"(?: le| la| en| y)? "
    r"(?:payer|regretter|crever|souffrir|y passer|pay|regret|suffer|be sorry)"
    r"(?: (?:pour|for) (?:ca|cela|tout|this|that|it)| cher| (?:de|with) (?:ta|votre|your) "
    r"(?:vie|life)| (?:ca|cela|this|it|that|amerement)|(?= *$))",
    r"(?:tu|vous|you) (?:aller|will|be go to|go to) (?:mourir|die)(?! (?:de|of) )",
)
THREAT_IMPLICIT = _rule(
    # "je sais où tu habites", "I know what time you finish your shift"
    rf"(?:savoir|know|connaitre) (?:ou|where|a quel\S* heure|quand|what time|when)"
    rf"{_gap(3)} (?:habiter|rester|demeurer|travailler|finir|sortir|stationner|garer|"
    r"live|work|park|finish|leave|get off|go to|shift|enfant|kid|school|ecole)",
    # "je vais t'attendre dans le stationnement", "I'll be waiting outside after your shift"
    rf"{SPEAKER}{_FREE} (?:aller|will|venir|be go to)(?: be)?(?: {OBJECT_FR})? (?:attendre|wait)"
    rf"{_gap(4)} (?:dehors|sortie|stationnement|parking|apres|after|outside|devant|chez|"
    r"en bas|door|porte|car|char|voiture|auto|shift|home)",
    r"(?:surveiller|watch|guetter) (?:son|sa|ses|ton|ta|tes|votre|vos|leur|leurs|your|his|"
    r"her|their) (?:arriere|back|dos)",
    r"(?:look|regarder) (?:over|par dessus) (?:your|his|her|ton|ta|son|votre) (?:shoulder|epaule)",
    r"(?:ton|tes|vos|ses|son|your|his|her|their) jour (?:etre )?compter",
    r"(?:your|his|her|their) day (?:be )?(?:numbered|number)",
    rf"(?:dommage|shame|pity|triste){_gap(4)} (?:arriver|happen) (?:\S+ )?(?:quelque chose|"
    r"something|malheur|accident)",
    rf"(?:dommage|shame|pity){_gap(4)} (?:quelque chose|something|malheur)(?: \S+)? "
    r"(?:arriver|happen)",
    r"(?:quelque chose|something|malheur|accident)(?: bad)? (?:pouvoir|could|might|may|will|"
    r"aller) (?:\S+ )?(?:arriver|happen)(?: (?:a|to|au|aux) )?",
    r"accident happen|ne (?:etre|serez) (?:plus )?(?:pas )?en securite|"
    r"(?:not|never) be safe|consider yourself warned|you have be warn|dernier avertissement|"
    r"last warning|vous etes avertis|tenez vous le pour dit",
    rf"(?:y avoir|there will be|there be go to be|ca aller){_gap(2)} (?:du sang|blood|"
    r"bain de sang|bloodbath|des mort|dead|body)",
)
THREAT_WEAPON = _rule(
    rf"{SPEAKER}{_FREE} (?:aller|venir|will|be go to|go to|apporter|amener|sortir|charger|"
    rf"come|bring|load|grab|show up|debarquer|passer|avoir|have|get){_gap(4)} "
    rf"(?:avec |with )?(?:{DETERMINER} )?{WEAPON}",
    rf"(?:balle|bullet|plomb){_gap(2)} (?:dans|in|through|entre) (?:{DETERMINER} )?"
    r"(?:tete|head|face|skull|crane|yeux|eyes|front)",
    r"(?:mettre|loger|put|pump|planter) (?:une |a |des )?(?:balle|bullet|plomb|couteau|knife)",
)
THREAT_CALL = _rule(
    # "quelqu'un devrait aller leur faire peur chez eux", "someone should shoot the mayor"
    rf"{CALLER}{_gap(2)} {OUGHT}{_gap(6)} (?:{OBJECT_FR} )?(?:{HARM_FR}|{HARM_EN})"
    rf"(?: (?:{OBJECT_EN}|{TARGET_AFTER}|{DETERMINER}|{OBJECT_FR}|chez|at|eux))",
    rf"^(?:aller|allons|allez|let s|let us|go)(?: \S+)?(?: {OBJECT_FR})? (?:{HARM_FR}|{HARM_EN})",
    r"(?:meriter|deserve) (?:de |to )?(?:mourir|crever|die|etre (?:tuer|abattre|pendre)|"
    r"se faire (?:tuer|abattre|descendre)|be (?:shoot|kill|hang|execute))",
    r"should (?:be|get) (?:shoot|hang|kill|execute|lynch|beat|burn)",
    r"(?:hope|esperer)(?: que| qu)? (?:he|she|they|you|il|elle|ils|tu|vous) "
    r"(?:die|rot|get shoot|get kill|crever|mourir)",
    r"(?:a mort|death to|mort aux?) (?:le |la |les |the |aux? )?\S+",
    r"(?:pendre|hang|string up|string) (?:le|la|les|ce|cette|tous|him|her|them|the)"
    rf"(?:{_gap(2)} (?:{PERSON}|up))?",
    r"peloton de execution|firing squad",
)
THREAT_PROPERTY = _rule(
    rf"(?:{SPEAKER}|{CALLER}){_FREE} (?:{INTENT}|{OUGHT}|allons|let s){_FREE} "
    rf"(?:bruler|incendier|mettre le feu|faire sauter|faire exploser|burn|torch|blow up|"
    rf"set fire|set on fire|bomb){_gap(2)} (?:(?:a|au|aux|chez|down|to) )?"
    rf"(?:{DETERMINER} )?(?:\S+ )?{PLACE}",
    r"burn (?:\S+ ){0,3}?down|mettre le feu (?:a|au|aux|chez|dans)|"
    r"(?:poser|placer|cacher|plant|place|hide|leave) (?:une |des |un |a |the )?(?:bombe|bomb)",
    rf"(?:bombe|bomb|explosif|explosive){_gap(1)} (?:dans|sous|devant|pres|au|aux|chez|in|at|"
    r"under|near|inside)",
    r"(?:y avoir|there be) (?:une |a )(?:bombe|bomb)",
)
THREAT_RULES = (
    ("threat.intent", THREAT_INTENT),
    ("threat.implicit", THREAT_IMPLICIT),
    ("threat.weapon", THREAT_WEAPON),
    ("threat.call", THREAT_CALL),
    ("threat.property", THREAT_PROPERTY),
)
CONDITION = re.compile(r"^(?:si|if|quand|when) |(?<!\S)(?:sinon|or else|otherwise|sans quoi)(?!\S)")
FIGURATIVE = re.compile(
    r"(?<!\S)(?:mourir|die|dying|crever|tuer|kill) (?:de|of|d) (?:rire|faim|honte|ennui|"
    r"chaleur|froid|fatigue|boredom|laughter|embarrassment|hunger|curiosity|curiosite)(?!\S)|"
    r"(?<!\S)(?:tuer le temps|kill time|kill for|killing it|kill it|to die for|dying to|"
    r"bomb at|la bombe|une bombe de|the bomb)(?!\S)"
)

# --- Distress ------------------------------------------------------------------------
ME = _any("je", "me", "moi", "i", "my", "myself", "mon", "ma", "mes")
DISTRESS_SUICIDE = _rule(
    rf"{ME}{_gap(5)} (?:me tuer|me suicider|suicider|me pendre|me enlever la vie|"
    r"mettre fin a (?:mes|ma) (?:jour|vie)|kill myself|end my life|end it all|"
    r"take my (?:own )?life|hang myself)",
    r"suicidaire|suicidal|idee noir|pensee noir|dark thought|suicide note|lettre de adieu|"
    r"goodbye (?:letter|note)",
    rf"{ME}{_gap(4)} (?:penser|think|thinking|songer|idee|thought|plan|planning|envie|"
    r"tenter|try|attempt)(?: \S+){0,2}? (?:suicide|suicider|me suicider|en finir|end it)",
    rf"{ME}{_gap(4)} (?:vouloir|envie de|gout de|want to|wish i could|wish i be|be go to) "
    r"(?:juste |just )?(?:mourir|die|disparaitre|disappear|"
    r"dormir pour toujours|sleep forever|be dead|en finir(?! avec (?!la vie|tout|moi))|"
    r"end it(?! with)|plus (?:me )?reveiller|"
    r"not wake up|never wake up)",
    rf"{ME}{_gap(4)} (?:plus|pas|not|no|never|don t|do not) (?:\S+ )?(?:envie de vivre|la force de "
    r"vivre|raison de vivre|reason to live|point in living|point living|see the point|"
    r"want to live|want to be alive|want to exist|vivre|reveiller|wake up|continuer|go on)",
    r"sleep and never wake up|dormir et (?:ne )?plus (?:me )?reveiller|mieux sans moi|"
    r"better off without me|better off dead|mieux mort|plus (?:etre )?la demain|"
    r"not be here tomorrow|be (?:a )?burden|un fardeau pour|dire adieu|say goodbye (?:to|for)|"
    r"tout (?:prevoir|preparer|planifier|prevu|prepare) pour (?:ce soir|demain)|"
    r"en finir (?:ce soir|pour de bon|avec la vie|avec tout|une fois pour toute)",
    rf"{ME}{_gap(5)} (?:sauter|jeter|lancer|jump|throw myself){_gap(3)} (?:pont|bridge|toit|roof|"
    r"balcon|balcony|falaise|cliff|fenetre|window|train|metro|subway|edifice|immeuble|"
    r"building|tour|tower|autoroute|highway)",
    r"j en (?:pouvoir|peux) plus de vivre|je (?:ne )?veux plus vivre|"
    r"(?:corde|rope|pills|pilule|gun|fusil) (?:\S+ ){0,4}?(?:ce soir|tonight)",
)
DISTRESS_SELF_HARM = _rule(
    rf"{ME}{_gap(4)} (?:me (?:couper|scarifier|bruler|blesser|faire du mal|faire mal|mutiler|"
    r"taillader)|cut myself|cut|hurt myself|burn myself|harm myself)",
    r"self harm|automutilation|scarification|(?:start|be|been) cut again|cutting again|"
    r"lame de rasoir|razor blade|les marques sur mes bras|marks on my arms",
)
DISTRESS_OVERDOSE = _rule(
    r"(?:prendre|avaler|take|swallow|pop|gober) (?:\S+ ){0,3}?(?:tout|toute|tous|toutes|all|"
    r"whole|entire|une bouteille|a bottle|bunch|handful|poignee|plein|trop|too many|double|0|"
    r"deux|trois|dix|vingt|twenty|ten)(?: \S+){0,4}? (?:pilule|comprime|medicament|cachet|pill|"
    r"med|meds|tablet|capsule|somnifere|sleeping pill|tylenol|advil|ativan|boite|box|bottle|"
    r"pot|flacon)",
    r"(?:avaler|swallow|gober) (?:des|some|plein de|a bunch of|a lot of) (?:\S+ )?(?:pilule|"
    r"comprime|medicament|cachet|pill|med|meds|tablet|capsule|somnifere|sleeping pill)",
    r"(?:faire|avoir|be|have) (?:une |a |an )?(?:overdose|surdose)|overdose|surdose",
    r"(?:se reveiller|wake up|respond|responding|repondre) (?:\S+ )?(?:pas|plus|not|barely)|"
    r"(?:pas|plus|not|barely|hardly) (?:\S+ )?(?:se reveiller|wake up|respond|responding|"
    r"repondre|reagir)|levre bleue|blue lip|lips be blue",
)
DISTRESS_EMERGENCY = _rule(
    r"(?:ne )?respirer (?:plus|pas|mal|a peine)|not breathe|not breathing|can not breathe|"
    r"stop breathing|stopped breathing|trouble breathing|inconscient|unconscious|convulser|"
    r"convulsion|seizure|(?:faire|avoir) (?:un |une )?(?:avc|crise cardiaque|arret cardiaque)|"
    r"stroke|heart attack|cardiac arrest|saigner (?:beaucoup|abondamment|partout)|"
    r"bleed (?:a lot|heavily|badly|everywhere)|not stop bleed|perdre connaissance|"
    r"sans connaissance|pass out|passed out|s etouffer|se etouffer|choke|choking|"
    r"tomber et (?:ne )?(?:pouvoir|peut|bouger) (?:plus|pas)|can not get up|anaphyla\S*|"
    r"choc anaphylactique|allergic reaction|crise de epilepsie|epileptic fit|"
    r"(?:il y a|y a|y avoir|there be) (?:le |un |a )?(?:feu|incendie\S*|fire)|au feu|"
    r"(?:be|etre) en feu|(?:be )?on fire|incendie\S* (?:a|au|aux|dans|chez)|"
    r"fire (?:in|at) (?:the|my|our)",
)
DISTRESS_VIOLENCE = _rule(
    r"(?:conjoint|chum|mari|ex|husband|boyfriend|partner|pere|father|dad|il|he|she|elle|"
    r"blonde|wife|girlfriend) (?:\S+ ){0,2}?(?:me|moi|us|nous) (?:frapper|battre|menacer|"
    r"etrangler|hit|beat|threaten|choke|strangle)",
    r"(?:frapper|battre|menacer|hit|hitting|beat|threaten|choke|strangle) (?:me|moi|us|nous|"
    r"mes enfant|my kid|the kid|my child|mon enfant)",
    r"peur de rentrer|afraid to go home|scared to go home|enfermer dans|lock me in|"
    r"be outside my (?:door|house)|devant ma porte|menace de me tuer|threaten to kill me|"
    r"(?:il|elle|ils|he|she|they) (?:\S+ )?(?:aller|will|be go to|go to) (?:me tuer|kill me)",
)
DISTRESS_RULES = (
    ("distress.suicide", DISTRESS_SUICIDE),
    ("distress.self_harm", DISTRESS_SELF_HARM),
    ("distress.overdose", DISTRESS_OVERDOSE),
    ("distress.emergency", DISTRESS_EMERGENCY),
    ("distress.violence", DISTRESS_VIOLENCE),
)

# The first pass, over the folded text: every rule needs one of these at the start of
# a word, so a comment with none of them is neither a threat nor distress.
CANDIDATE = re.compile(
    r"(?<![a-z])(?:"
    # harm done to someone
    r"tu(?:e|er|es|ez|ent|era\w*|erai\w*|ee?s?)\b|bute|abat|batt|bat\b|bats\b|poign|egorg|"
    r"etrangl|massacr|elimin|flingu|frapp|tabass|brul|plant|crev|assassin|extermin|lynch|"
    r"achev|etrip|ecras|pend|retrouv|descend|tir|gueule|yeule|face\b|peau\b|compte\b|"
    r"sauter|explos|regret|fai\w* (?:du )?mal|fai\w* peur|kill|shoot|shot|stab|murder|"
    r"strangl|hurt|beat|burn|attack|punch|chok|execut|slaughter|hunt|slit|hang|hung|bomb|"
    r"torch|smash|gut\b|find|get even|scare|jump|take (?:him|her|them|you) out|come (?:for|after)|"
    r"pay\b|payer|paie|payera\w*|pay for|souffr|suffer|sorry\b|mour|meur|die\b|dying|"
    # veiled warnings
    r"(?:sai[st]?|know|connai\w*) (?:ou|where|a quel|what time|when|quand)|"
    r"(?:attend|wait)\w*|arrieres?\b|back\b|epaule|shoulder|jours? (?:sont |son )?compt|"
    r"numbered|dommage|shame|pity|accident|securit|safe\b|warn|avert|sang\b|blood|"
    r"dead\b|body|bodies|morts?\b|"
    # weapons, fire
    r"fusil|arme|carabin|gun|rifle|pistol|revolver|couteau|knife|machet|hache|axe\b|ar ?15|"
    r"glock|munition|ammo|balle|bullet|plomb|merit|deserv|hope\b|esper|feu\b|fire\b|incend|"
    # distress
    r"suicid|noir|dark|adieu|goodbye|disparai|disappear|dorm|sleep|finir|end (?:it|my)|"
    r"reveil|wake|vivre|living|alive|exist|go on|better off|mieux sans|burden|fardeau|"
    r"prepar|prevu|planifi|throw myself|jet|lanc|corde|rope|coup|cut|scarif|bless|harm|mutil|"
    r"taillad|lame|razor|blade|marques|marks|aval|swallow|pop|gob|pilul|comprim|medic|"
    r"cachet|pill|meds\b|tablet|capsul|somnif|tylenol|advil|ativan|overdos|surdos|od\b|od'd|"
    r"respon|repond|reagi|levres?\b|lips?\b|respir|breath|inconscien|unconscious|convuls|"
    r"seizure|avc\b|cardiaque|stroke|heart attack|cardiac|saign|bleed|connaissance|pass(?:ed)? out|"
    r"etouff|tomb|anaphyla|allerg|epilep|menac|threat|enferm|lock|door|porte|rentrer|go home"
    r")"
)


def _read(sentence: Sentence, rules) -> list[tuple[str, str]]:
    found = []
    for code, pattern in rules:
        hit = pattern.search(sentence.lemmas)
        if hit:
            found.append((code, sentence.words_at(hit.start(), hit.end())))
    return found


def find_urgency(text: str, folded: str, language: str) -> tuple[Finding, ...]:
    """The threats and the distress in a comment, each with its rule and its words.

    >>> [f.rule for f in find_urgency("J'vais te retrouver", "j'vais te retrouver", "fr")]
    ['threat.intent']
    >>> find_urgency("Cette file d'attente me tue", "cette file d'attente me tue", "fr")
    ()
    """
    if not CANDIDATE.search(folded):
        return ()
    findings: dict[str, Finding] = {}
    past = PAST_OVER.search(folded) is not None
    topic = TOPIC.search(folded) is not None
    election = ELECTION.search(folded) is not None
    for sentence in sentences(text, language, CANDIDATE):
        if FIGURATIVE.search(sentence.lemmas):
            continue
        for code, words in _read(sentence, THREAT_RULES):
            if election and code in ("threat.intent", "threat.implicit"):
                continue
            if CONDITION.search(sentence.lemmas):
                code = "threat.conditional"
            findings.setdefault(code, Finding(THREAT, code, words))
        for code, words in _read(sentence, DISTRESS_RULES):
            if code == "distress.emergency" and (past or topic):
                continue
            if code in ("distress.overdose", "distress.suicide") and topic and not _mine(sentence):
                continue
            findings.setdefault(code, Finding(DISTRESS, code, words))
    return tuple(findings.values())


_MINE = _rule(ME)


def _mine(sentence: Sentence) -> bool:
    return _MINE.search(sentence.lemmas) is not None
