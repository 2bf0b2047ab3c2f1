"""Word lists over folded text (no accents, lower case): tone, topics, urgency, questions, links."""

from __future__ import annotations

import re


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


class WordsNear:
    """A word list tried only on texts where `needles` (a pattern) occurs.

    Proximity patterns (a speaker, a few words, then a verb) would otherwise be
    tried at every "je" and "i" of every comment; most hold none of the verbs.
    """

    __slots__ = ("needles", "pattern")

    def __init__(self, needles: str, *alternatives: str):
        self.needles = re.compile(needles)
        self.pattern = _words(*alternatives)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.needles.search(text) else None


class AnyOf:
    """Several word lists read as one: `search` finds the first that matches."""

    __slots__ = ("lists",)

    def __init__(self, *lists: re.Pattern[str] | WordsNear):
        self.lists = lists

    def search(self, text: str) -> re.Match[str] | None:
        for words in self.lists:
            hit = words.search(text)
            if hit:
                return hit
        return None


URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:com|org|net|ca|ly|io|co|info|biz|fr|quebec|shop|xyz|me|tv|app|gl)"
    r"(?:/\S*)?(?![\w@])",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]{0,30}://")
# What ends a sentence around a link rather than the link ("voir quebec.ca.").
LINK_TRAILING = ".,;:!?)]»\"'"


def link_host(link: str) -> str:
    """The site of a link as people write it, without scheme, "www.", path or trailing
    punctuation: the one reading for the links of a draft and the sites a lead allows.

    >>> link_host("https://www.Quebec.ca/sante."), link_host("csj.qc.ca:443/aide")
    ('quebec.ca', 'csj.qc.ca')
    """
    host = _SCHEME.sub("", link.strip().lower().rstrip(LINK_TRAILING))
    return re.split(r"[/?#:]", host, maxsplit=1)[0].removeprefix("www.").rstrip(".")


SWEARING = (
    r"tabarn[aoe]k\w*|tabarnac|crisse?|calisse|caliss|c[a]lice|ostie|hostie|esti|estie|"
    r"sacrament|ciboire|calvaire|viarge|marde|merde|chier|fuck\w*|f\*ck\w*|f\*\*k|shit\w*|"
    r"bullshit|wtf|ta gueule|votre gueule|fermez? (?:donc )?(?:ta|votre) gueule"
)
INSULTS = _words(
    SWEARING,
    r"idiots?|imbeciles?|cretins?|cons|connes?|connards?|conasses?|abrutis?|tarlas?|twits?|"
    r"nonos?|epais|deficients?|morons?|stupid|dumb\w*|jerks?|losers?|clowns?|"
    r"menteurs?|menteuses?|voleurs?|liars?|thieves|shut up|"
    r"(?:gang|bande) d(?:e |')\w+|bunch of \w+|espece d(?:e |')\w+|"
    r"(?:gros|maudits?|esti de|osti de|des|t'es (?:juste |rien qu'un )?(?:un )?(?:gros )?)caves?|"
    r"hopeless|clowns?",
)
NEGATIVE = _words(
    SWEARING,
    r"inacceptables?|inadmissibles?|honte|honteu(?:x|se)|scandal\w*|ridicules?|lamentables?|"
    r"pathetiques?|n'importe quoi|c'est nul|vraiment nul|deception|decevante?s?|decue?s?|"
    r"frustr\w+|fache(?:e|s)?|tanne(?:e|s)?|ecoeur\w*|marre|ras[- ]le[- ]bol|"
    r"toujours (?:pas|rien)|jamais de (?:reponse|retour|nouvelles)|"
    r"personne (?:ne |n')?(?:repond|rappelle|m'a rappele|rappele)\w*|"
    r"pas de (?:reponse|retour|nouvelles)|(?:ca|cela) fait \w+ (?:jours|semaines|mois) que|"
    r"j'attends (?:encore|toujours|depuis)|encore une fois|pas normal|pas d'accord|"
    r"en desaccord|incompetent\w*|incompetence|menteurs?|voleurs?|impolie?s?|irrespectu\w+|"
    r"mal (?:recue?s?|traitee?s?)|traitee? comme|heures d'attente|en panne|"
    r"rien ne (?:fonctionne|marche)|ne fonctionne (?:pas|jamais|plus)|marche pas|niais\w+|"
    r"rire de nous|pas fort|pas rapport|franchement|plainte|me plaindre|gaspill\w+|"
    r"encore (?:annule\w*|ferme\w*|en retard)|en retard|raccroche\w*|lourdeur|"
    r"confus\w*|(?:nous|me) prend\w* pour des|promesse brisee|doit partir|"
    r"unacceptable|shame\w*|disgrace\w*|ridiculous|pathetic|terrible|awful|horrible|"
    r"worst|useless|incompeten\w+|disappoint\w*|frustrat\w+|angry|fed up|sick of|"
    r"tired of|rude|liars?|idiots?|morons?|stupid|what a joke|waste of|still waiting|"
    r"been waiting|nobody (?:ever )?(?:answers|calls|replies)|no (?:answer|response|reply)|"
    r"never (?:answer|reply|call)s?|(?:does not|doesn't|not) work\w*|complain\w*|"
    r"disagree|get rid of|sucks?|"
    # What people say when fed up, threatened with a lawyer or an election, or when
    # something "kills" them ("ce formulaire me tue", "ça va tuer nos écoles").
    r"(?:pas|plus|aucunement|vraiment pas) acceptable|inhumain\w*|(?:ben |bin )?voyons donc|"
    r"give me a break|come on|garbage|trash|junk|a joke|pointless|insane|absurd\w*|"
    r"deborde\w*|(?:me|nous) tue(?:nt|s)?(?!\w)|killing (?:me|us)|"
    r"(?:va|vont|allez|aller|finir par) "
    r"(?:me |nous )?tuer|tuer (?:nos|notre)|kill(?:s|ing)? (?:our|my|the) \w+|"
    r"entendre parler de (?:mon|notre) avocat|hear from my lawyer|mise en demeure|poursuivre|"
    r"(?:sue|suing) you|lawsuit|regret\w*|(?:vous|te|les) battre|vote (?:you|them) out|"
    r"(?:est|sont|n'est|ne sont) (?:jamais|pas|toujours pas|encore pas) (?:passee?s?|venue?s?)|"
    r"never (?:stops|comes|came|showed up|shows up)|(?:comme|like) (?:a |un |des )?"
    r"(?:chiens?|dogs?|moins que rien|dirt|criminals|de la merde)",
    # Québec French and everyday complaints.
    r"(?:etes|es|est|sont|c'est|ete|vraiment|tellement|completement|totalement) nul(?:le)?s?|"
    r"pourri(?:e|s|es|ture)?|"
    r"(?:c'est|c'|cest|vraiment|tellement|trop|tres|assez|ben|bin|full|donc) poche|"
    r"(?:n'?(?:ai|a|avons|ont) )?jamais recue?s?|(?:toujours|encore) pas (?:recu|eu)|"
    r"still (?:have not|haven't|has not|hasn't|not) (?:received|heard|gotten)|"
    r"never (?:got|received|heard back)|personne n'est (?:venu|passe)|"
    r"nobody (?:came|showed up|picked up)|pas eu de nouvelles|"
    r"(?:debite|charge|preleve)e?s? deux fois|charged twice|par erreur|by mistake|"
    r"(?:a ete|est|ete|encore|toujours) refusee?s?|(?:was|got|been) (?:refused|denied|rejected)|"
    r"(?:appele|telephone|ecrit|rappele|relance)e?s? (?:0|deux|trois|quatre|cinq|six|dix|"
    r"plusieurs|des dizaines de) fois|"
    r"(?:called|emailed|written|phoned) (?:0|two|three|four|five|ten|several|many|multiple) "
    r"times|on repassera|"
    r"(?:pay|paie|paye|payons|payer) (?:des |nos |our |my )?(?:taxes|impots) "
    r"(?:too|aussi|nous aussi|pour rien|for nothing)",
)
# Threats are read as a speaker, a violent verb and a target a few words apart:
# "je vais tous vous tuer", "on va aller les descendre", "je vais tirer sur vos
# employés", "I'm going to kill the minister". Words are separated by spaces or
# apostrophes ("j'vais l'abattre"). "Me", "se" and "myself" are distress, not threats.
_TOKEN = r"[\s']+"
_NOT_SELF = r"(?!(?:me|m|moi|se|s|myself|ourselves)\b)"
_FR_SPEAKER = (
    r"(?:(?:je|on|nous)\s+(?:vais|va|vas|allons|veux|voulons|voudrais|devrais|pourrais|vas)"
    r"|j'?\s*vais|m'as)"
)
_FR_KILL = (
    r"(?:tuer|descendre|buter|abattre|poignarder|egorger|etrangler|massacrer|eliminer|"
    r"flinguer|trucider|frapper|battre|tabasser|casser la gueule|faire sauter|tirer)"
)
_FR_OBJECT = r"(?:te|t|vous|le|la|l|les|lui|leur)"
_FR_PERSON = (
    r"(?:ministres?|premiers? ministres?|employee?s?|fonctionnaires?|agente?s?|directeurs?|"
    r"directrices?|directions?|maires?|mairesses?|presidente?s?|deputee?s?|profs?|"
    r"professeure?s?|enseignante?s?|personnel|infirmiere?s?|infirmiers?|medecins?|"
    r"docteure?s?|gens|monde|enfants|eleves|policiers?|policieres?|juges?|avocate?s?|"
    r"travailleuses?|travailleurs?|boss|patrons?|patronnes?|gerante?s?|responsables?|"
    r"preposee?s?|chauffeurs?|secretaires?|receptionnistes?|commissaires?|chefs?|"
    r"toi|vous|quelqu'un|gars|madame|monsieur|femme|homme|conjointe?)"
)
_EN_SPEAKER = (
    r"(?:(?:i'm|im|i am|we're|we are)\s+(?:going to|gonna|about to)"
    r"|(?:i|we)(?:'ll|\s+will|\s+shall|\s+want to|\s+wanna|\s+gonna)|i'?ma|imma)"
)
_EN_KILL = (
    r"(?:kill|shoot|stab|murder|strangle|hurt|beat up|blow up|attack|punch|choke|"
    r"gun down|execute|slaughter|hunt down)"
)
_EN_PERSON = (
    r"(?:minister|premier|mayor|staff|employees?|workers?|people|clerks?|agents?|principal|"
    r"teachers?|nurses?|doctors?|officers?|cops?|judges?|lawyers?|boss|managers?|directors?|"
    r"receptionists?|guy|guys|lady|woman|man|kids?|one|ones|bastards?)"
)
_KILL_STEMS = (
    r"tuer|descendre|bute|abatt|poignard|egorg|etrangl|massacr|elimin|flingu|truci|frapp|"
    r"battre|tabass|gueule|sauter|tirer|kill|shoot|stab|murder|strangle|hurt|beat|blow|"
    r"attack|punch|choke|gun|execute|slaughter|hunt"
)
THREAT_PROXIMITY = WordsNear(
    _KILL_STEMS,
    rf"{_FR_SPEAKER}(?:{_TOKEN}{_NOT_SELF}\w+){{0,2}}?{_TOKEN}{_FR_OBJECT}{_TOKEN}{_FR_KILL}",
    rf"{_FR_SPEAKER}(?:{_TOKEN}{_NOT_SELF}\w+){{0,2}}?{_TOKEN}{_FR_KILL}"
    rf"(?:{_TOKEN}(?:sur|a|au|aux))?(?:{_TOKEN}\w+){{0,2}}?{_TOKEN}{_FR_PERSON}",
    rf"{_EN_SPEAKER}(?:\s+\w+){{0,2}}?\s+{_EN_KILL}\s+"
    rf"(?:you|ya|u|him|her|them|everyone|everybody|all of you|y'all|"
    rf"(?:the|your|that|this|those|these|every|each|some|all|a)(?:\s+\w+){{0,2}}?\s+{_EN_PERSON})",
)
THREAT_WORDS = _words(
    r"(?:merites?|meritez|meritent|meriterais?|meriteriez) (?:de|d') ?(?:crever|mourir|"
    r"(?:te|vous|se) faire (?:tuer|descendre|abattre))|deserves? to die|"
    r"should (?:be|get) (?:shot|killed)|creve(?:z)? donc|go die|drop dead",
    # "Une bombe" is Québec slang for a hit ("ce film était une bombe"): only a
    # bomb somewhere, placed or threatened, is a threat.
    r"bombes?\s+(?:dans|sous|devant|pres|au|aux|chez|a(?! retardement))|"
    r"bombs?\s+(?:in|at|under|near|inside|on)|"
    r"(?:poser|placer|mettre|cacher|planter|plant|place|put|hide|set off|faire exploser) "
    r"(?:une |des |a |the )?bombe?s?|alerte a la bombe|bomb threat|pipe bombs?|"
    r"bombes? artisanales?|explosifs?|explosives?|faire sauter|blow (?:up|it up)|attentat|"
    r"(?:mon|ma|un|une|des|avec) (?:fusil|arme|carabine|couteau)|"
    r"(?:my|a) (?:gun|rifle|knife)|shoot (?:up|you|everyone|them)|"
    r"je vais (?:te|vous|la|le|les) (?:retrouver|faire payer)|"
    r"(?:vous|tu) (?:allez|vas|va) (?:payer|le regretter|mourir|crever)|"
    r"(?:il|elle|ils|elles) (?:va|vont) le regretter|"
    r"je sais (?:ou|où) (?:tu|vous) (?:habite[sz]?|reste[sz]?|demeure[sz]?)|"
    r"i know where you live|you(?: will|'ll) (?:pay|regret|die)|"
    r"kill (?:you|all)|burn (?:it|that|this|the|your) (?:\w+ )?down|mettre le feu|"
    r"bruler (?:le|votre|vos|la) \w+",
)
THREATS = AnyOf(THREAT_WORDS, THREAT_PROXIMITY)
# Distress is the speaker's own: "je pense à en finir", not "on va en finir avec
# les bouchons"; "j'ai pensé au suicide", not "la prévention du suicide".
_FIRST_PERSON = r"(?:je|j|me|m|moi|i|i'm|im|i've|ive|i'll|my|myself)"
DISTRESS_PROXIMITY = WordsNear(
    r"suicid|en finir|sauter|jeter|lancer|jump|throw myself",
    rf"{_FIRST_PERSON}(?:{_TOKEN}\w+){{0,4}}?{_TOKEN}"
    r"(?<!prevention du )(?<!prevention of )(?<!prevent )suicid\w*(?! assist)",
    rf"{_FIRST_PERSON}(?:{_TOKEN}\w+){{0,4}}?{_TOKEN}en finir"
    r"(?!\s+(?:avec|une fois|enfin|bientot)(?!\s+(?:la|ma) vie))",
    rf"{_FIRST_PERSON}(?:{_TOKEN}\w+){{0,4}}?{_TOKEN}"
    r"(?:sauter|jeter|lancer|jump|jumping|throw myself)(?:\s+\w+){0,3}?\s+"
    r"(?:pont|bridge|toit|roof|balcon|balcony|falaise|cliff|fenetre|window|train|metro|"
    r"subway|edifice|immeuble|building|tour|tower|autoroute|highway)",
)
DISTRESS_WORDS = _words(
    r"me (?:tuer|suicider|pendre)|(?:se|te) suicider|suicidaires?|suicidal|"
    r"mettre fin a mes jours|(?:veux|vais|voudrais|aimerais|envie de) mourir|"
    r"(?:veux|voudrais|ai|a|peux|vois)\s+(?:plus|pu|pus|pas)\s+"
    r"(?:envie\s+de\s+|la\s+force\s+de\s+|de\s+raison\s+de\s+)?vivre|"
    r"(?:veux|voudrais|aimerais|envie de|want to|wanna)\s+(?:juste\s+|just\s+)?"
    r"(?:disparaitre|disappear)|idees? noires|pensees? noires|dark thoughts|"
    r"(?:j'en|je n'en) peux plus|(?:can't|cannot) take (?:this|it) anymore|"
    r"(?:plus|pas) envie de vivre|(?:je )?(?:ne )?suis plus capable|me faire du mal|"
    r"kill myself|end(?:ing)? (?:my life|it all)|want to die|"
    r"(?:don't|do not|dont) want to (?:live|be alive|exist)|"
    r"no reason to live|self[- ]harm|hurt myself",
)
DISTRESS = AnyOf(DISTRESS_WORDS, DISTRESS_PROXIMITY)
# "Urgent" alone is how people say "important" ("il est urgent d'agir sur le
# climat"): only a person's own "c'est urgent" is a call for help.
EMERGENCY = _words(
    r"c'est (?:vraiment |tres |super )?urgent(?!\s+(?:de|d'|que|qu'|pour))|"
    r"urgent (?:svp|s'il vous plait|please|!)|^urgent\b|"
    r"c'est (?:une )?urgence|^urgence|urgence ?!|au secours|a l'aide ?!|help me ?!|"
    r"please help me|help me please|"
    r"(?<!for an )(?<!in an )(?<!if it's an )(?<!if it is an )(?<!case of )(?<!of )"
    r"emergency(?! room| department| ward| line| number| services?| exit| kit| plan|"
    r" measures| preparedness|,? call)|"
    r"ne respire (?:plus|pas)|not breathing|can't breathe|cannot breathe|respire mal|"
    r"inconscient\w*|unconscious|collapsed|s'est effondre\w*|crise cardiaque|heart attack|"
    r"(?:perdu|perd|perdre) connaissance|sans connaissance|evanoui\w*|fainted|passed out|"
    r"crises? d'epilepsie|convulsions?|convulse\w*|seizures?|having a seizure|"
    r"overdose|surdose|avale des (?:medicaments|pilules)|saigne beaucoup|bleeding|"
    r"(?<!prevention des )(?<!prevention d')incendies? (?:a|au|aux|dans|chez|sur|pres)|"
    r"(?:y a|y'a|il y a) (?:le feu|un incendie|un feu)|au feu ?!|"
    r"(?:there's|there is) a fire|(?:is|are) on fire|fire (?:at|in) (?:the|my|our)|"
    r"(?:me|nous) (?:frappe|bat)|hits me|beats me|violence conjugale|"
    r"peur de rentrer|afraid to go home",
)
HATE = _words(
    r"retourne[rz]? dans (?:ton|votre|leur) pays|go back to (?:your|ur|their) country|"
    r"(?:les|ces|sales?|tous les) (?:immigrants|immigres|refugies|arabes|musulmans|juifs|"
    r"noirs|autochtones|indiens|chinois|gais|trans)(?: \w+)? (?:sont|=|tous|toutes|volent)|"
    r"sales? (?:immigrants|immigres|arabes|musulmans|juifs|noirs|negres|sauvages)|"
    r"maudits? (?:immigrants|immigres|refugies|arabes|musulmans|juifs|noirs|autochtones|"
    r"indiens|chinois|etrangers)|send them (?:all )?back|renvoyez[- ]les|retournez chez vous|"
    r"(?:immigrants|refugees|muslims|jews|blacks|natives) are (?:all )?"
    r"(?:criminals|parasites|animals|vermin)|parasites|vermine|race inferieure",
)
SEXUAL = _words(
    r"(?:filles?|femmes?|photos?|videos?) nues?|nudes?|hot singles|celibataires sexy|"
    r"sexe|sex|porno?\w*|xxx|onlyfans|escortes?|baiser? avec",
)
SPAM = _words(
    r"crypto\w*|bitcoin|forex|nft|gagne[rz] (?:\d|de l'argent)|earn money|make \$?\d[\d,]*|"
    r"make money|de la maison grace|from home|resultats garantis|guaranteed|cliquez ici|"
    r"click here|vous avez ete selectionnee?|you have been selected|win an? iphone|"
    r"gagner un iphone|(?:achetez|acheter|buy) (?:des |cheap )?(?:abonnes|followers|likes)|"
    r"dm me|ecrivez[- ]moi en prive|message me|investissez",
)
COMMERCIAL = _words(
    r"ma boutique|my (?:\w+ )?shop|notre magasin|our store|rabais|% off|discount|code promo|"
    r"promo code|with code|avec le code|promos? speciales?|prix (?:imbattables|d'ami|special)|"
    r"appelez[- ]nous|call us|contactez[- ]nous|free (?:quote|estimate)|soumission gratuite|"
    r"achetez|buy now|commandez|order now|je recommande \w+ \w+ pour vos|best \w+ \w+ in town|"
    r"cette semaine seulement|this week only|offre limitee|limited offer|online store|"
    r"boutique en ligne|abonnez-vous a ma|follow my page|livraison gratuite|free shipping",
)
PARTISAN = _words(
    r"caq|plq|caquistes?|pequistes?|liberaux|(?:le|du|au|votez|vote) (?:pq|qs)|"
    r"quebec solidaire|parti (?:quebecois|liberal|conservateur|vert)|bloc quebecois|"
    r"votez|vote (?:for|conservative|liberal|ndp|green)|prochaines? elections?|"
    r"next election|when you vote|vivement les elections|ce gouvernement doit partir|"
    r"conservatives?|liberals|npd|ndp",
)
MEDICAL = _words(
    r"fievre|fever|douleurs?|pain|mal (?:a|au|aux) (?:la |l')?\w+|symptomes?|symptoms?|"
    r"medicaments?|medication|medicine|antibiotiques?|antibiotics?|ibuprofene|ibuprofen|"
    r"acetaminophene|tylenol|advil|etourdissements?|dizz\w+|enflee?s?|swollen|"
    r"plaques rouges|rash|eruption|toux|cough\w*|vomi\w*|diagnostic|diagnos\w+|"
    r"(?:apres le|au) vaccin|(?:after|to) the vaccine|enceinte|pregnan\w+|saignements?|"
    r"infection|est-ce (?:grave|normal)|c'est normal ?\?|is (?:that|it|this) normal|"
    r"should i be worried|dois-je m'inquieter",
)
OWN_FILE = _words(
    r"(?:mon|ma|mes|son|sa) (?:dossier|demande|cheque|paiement|prestation|releve|avocate?|"
    r"reclamation|admissibilite|place)|"
    r"(?:my|his|her) (?:file|case|application|claim|payment|cheque|check|statement|lawyer|"
    r"benefits)|status of my|statut de (?:mon|ma)",
)
COMPLAINT = _words(r"plaintes?|porter plainte|me plaindre|complaint|complain")
SERVICE_EXPERIENCE = _words(
    r"attente|attendre|attends|attendu|waiting|wait|rappel\w*|call back|accueil|comptoir|"
    r"front desk|staff|personnel|agente?|employee?|prepose\w*|infirmiere|nurse|medecin|"
    r"doctor|mal (?:recue?|traitee?)|traitee? comme|impolie?|rude|on m'a|i was|urgence|"
    r"emergency room|rendez-vous|appointment|telephone|phone|repond\w*|answers|"
    r"transport scolaire|autobus|service lamentable|sent home|messages",
)

# Exclamations open like questions: "Quelle belle journée", "Quel bon service!".
_EXCLAIMED = (
    r"(?:belles?|beaux?|bel|bons?|bonnes?|grande?s?|magnifiques?|superbes?|jolie?s?|"
    r"excellente?s?|merveilleu\w+|extraordinaires?|formidables?|incroyables?|tristes?|"
    r"tristesse|honte|dommage|plaisir|chance|bonheur|joie|horreur|gachis|farce|blague|"
    r"soulagement|fierte|cauchemar|desastre|catastrophe|scandale|folie)\b"
)
# A sentence starts after a full stop, an exclamation mark or a line break, and
# the spaces that follow it (not another line break: the last one starts it,
# so that a run of line breaks is read once).
QUESTION_START = re.compile(
    r"(?:^|[.!\n][^\S\n]*+)(?:(?:bonjour|bonsoir|bon matin|allo|salut|hi|hello|hey|good morning|"
    r"oui|ok|alors|donc|so|and|but|fait que|faque|pis|ben|bon|mais|et|svp|merci),?\s+)?(?:"
    r"est[- ]ce qu|est[- ]ce que|pouvez[- ]vous|pourriez[- ]vous|avez[- ]vous|savez[- ]vous|"
    r"peut[- ]on|puis[- ]je|dois[- ]je|y a[- ]t[- ]il|pourquoi|combien|"
    rf"quel(?:le)?s?\b(?!\s++{_EXCLAIMED})(?![^?.\n!]*+!)|"
    r"comment (?:on|faire|je|ca|se|est)|a quand|ou est|c'est quand(?! meme)|c'est quoi|"
    r"ou (?:trouver|envoyer|aller|faire|obtenir|deposer|acheter|s'inscrire|se trouve|sont|"
    r"puis|peut|peux|dois|doit|on|je)\b|"
    r"quand (?:est|ouvre|ouvrez|ferme|fermez|commence|commencent|aura|auront|sera|seront|"
    r"va|vont|pourrai|pourra|pourrons|peut|peux|recevrai|recevra)\b|"
    r"qui (?:peut|dois|doit|appeler|contacter|s'occupe)\b|kosse|kesse|quosse|"
    r"how (?:do|does|can|long|much|many|is|are)|what (?:is|are|time|about)|"
    r"when (?:is|does|will|are)|where (?:is|can|do|are)|why\b|can (?:i|you|we|someone)|"
    r"could (?:you|someone)|do (?:you|i|we)|does\b|is (?:there|it|the|my)|are (?:you|they)|"
    r"will (?:you|there|it)|(?:any(?:one|body)) (?:know|knows|have|has))",
)
# Asked without a question mark, anywhere in the sentence: "vous ouvrez à quelle
# heure", "ça ouvre quand", "quelqu'un sait si…", "j'aimerais savoir si…".
QUESTION_ANYWHERE = _words(
    r"a quelle (?:heure|date|adresse)|a quel (?:endroit|moment|numero)|de quelle facon|"
    r"c'est (?:quand(?! meme)|quoi|combien|ou(?! bien))|"
    r"(?:quand|combien|a quelle heure|pourquoi|c'est ou)\s*(?:$|\n)|"
    r"(?:quelqu'un|qqn) (?:sait|saurait|connait|connaitrait)|"
    r"(?:quelqu'un|qqn) (?:peut|pourrait) (?:me dire|m'expliquer|m'aider|me repondre)|"
    r"(?:j'aimerais|je voudrais|je veux|je voulais|j'voudrais) (?:savoir|connaitre)|"
    r"(?:comprends?|sais|sait|vois) (?:pas |plus |vraiment pas )?(?:pourquoi|combien)|"
    r"(?:i'd|i would|i want to|i need to|i'd just) (?:like to )?know|"
    r"wondering (?:if|whether|when|where|how|why)",
)
# Québec French asks with a "-tu" particle: "c'tu ouvert", "ça se peut-tu",
# often written without the hyphen: "y'a tu", "c'est tu".
QUEBEC_TU = re.compile(
    r"\w-tu\b|\bc'?tu\b|\b(?:y'?a|y a|c'est|est|sont|peut|peux|faut|va|vont|as|avez|"
    r"etes|fait|marche|ouvre|reste) tu\b"
)
WONDERING = _words(r"je me demandais|je me demande si|i was wondering|i wonder if|any idea")


def has_question(folded: str) -> bool:
    """Whether a folded text asks something, with or without a question mark.

    >>> has_question("ca ouvre quand"), has_question("quelle belle journee!")
    (True, False)
    """
    without_links = URL.sub(" ", folded)
    return bool(
        "?" in without_links
        or QUESTION_START.search(without_links)
        or ("tu" in without_links and QUEBEC_TU.search(without_links))
        or WONDERING.search(without_links)
        or QUESTION_ANYWHERE.search(without_links)
    )
