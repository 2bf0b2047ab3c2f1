"""Invented comments for the demo database, by kind of message the policies describe.

Every name, number and address here is invented: phone numbers use the 555
exchange (its 0100-0199 lines are set aside for fiction), e-mails the
example.org/.com/.net domains, and the social insurance and health-card numbers
are drawn per comment (`lib.demo.personal_data`): made-up numbers that pass the
Luhn check where the text presents them as a SIN, and fail it where they are only
a code.
"""

# Programmes: (French article, French name, English name). French templates put
# the article where the grammar wants it: {program} "le programme…",
# {to_program} "au programme…", {of_program} "du programme…" (à + le = au, de + le = du).
PROGRAMS = (
    ("l'", "aide financière aux études", "student financial aid"),
    ("le", "programme d'aide sociale", "the social assistance program"),
    ("le", "crédit d'impôt pour solidarité", "the solidarity tax credit"),
    ("le", "Régime québécois d'assurance parentale", "the Québec parental insurance plan"),
    ("la", "formation de la main-d'œuvre", "workforce training"),
    ("le", "programme Objectif emploi", "the Objectif emploi program"),
    ("l'", "aide juridique", "legal aid"),
    ("la", "vaccination contre la grippe", "the flu vaccination"),
    ("le", "transport scolaire", "school transportation"),
    ("l'", "inscription au préscolaire", "kindergarten registration"),
    ("les", "allocations familiales", "the family allowance"),
    ("la", "prime au travail", "the work premium"),
    ("le", "programme Allocation-logement", "the Shelter Allowance program"),
    ("les", "services de garde éducatifs", "educational childcare"),
    ("le", "dépistage du cancer du sein", "breast cancer screening"),
    ("l'", "aide aux proches aidants", "support for caregivers"),
)
_TO = {"le": "au ", "la": "à la ", "l'": "à l'", "les": "aux "}
_OF = {"le": "du ", "la": "de la ", "l'": "de l'", "les": "des "}


def program_forms(index: int, language: str) -> dict[str, str]:
    """The programme's three forms for the templates of a language.

    >>> program_forms(1, "fr")["to_program"], program_forms(0, "fr")["of_program"]
    ("au programme d'aide sociale", "de l'aide financière aux études")
    """
    article, name, english = PROGRAMS[index]
    if language == "en":
        return {"program": english, "to_program": english, "of_program": english}
    glue = "" if article.endswith("'") else " "
    return {
        "program": f"{article}{glue}{name}",
        "to_program": _TO[article] + name,
        "of_program": _OF[article] + name,
    }


PLACES = (
    "Gaspé",
    "Rimouski",
    "Jonquière",
    "Québec",
    "Laval",
    "Sherbrooke",
    "Chandler",
    "Matane",
    "Trois-Rivières",
    "Gatineau",
    "Longueuil",
    "Drummondville",
    "Sept-Îles",
    "Val-d'Or",
    "Saint-Jérôme",
    "Lévis",
    "Amqui",
    "New Richmond",
)

# Fields filled per comment rather than per template (lib.demo.personal_data draws
# them with numpy): {weeks}, {phone}, {email}, {sin} (named as a SIN, Luhn-valid, any
# grouping), {sin_bare} (unnamed, so written 3-3-3 and Luhn-valid for anyone to
# recognise it), {code} (a 3-3-3 confirmation code that fails Luhn: not a SIN),
# {health_card}, {file_number}, {address}, {birth_date}.
ROW_FIELDS = (
    "weeks",
    "phone",
    "email",
    "sin",
    "sin_bare",
    "code",
    "health_card",
    "file_number",
    "address",
    "birth_date",
)
AREA_CODES = ("418", "581", "367", "514", "438", "450", "579", "819", "873")
# How people write a phone number; "{a}" is the area code, "{n}" the 555-01xx line.
PHONE_FORMATS = ("{a}-555-{n}", "({a}) 555-{n}", "{a} 555-{n}", "{a}.555.{n}", "1 {a} 555 {n}")
EMAIL_DOMAINS = ("example.org", "example.com", "example.net")
STREETS = (
    "rue Principale",
    "rue des Érables",
    "avenue du Parc",
    "boulevard Saint-Joseph",
    "rue de la Fabrique",
    "chemin du Lac",
    "rang Saint-Charles",
    "rue Notre-Dame",
)
# The first letter of a Québec postal code in the east, the centre and the west.
POSTAL_LETTERS = ("G", "H", "J")

# Each kind: the texts in each language; `{program}` (and its forms), `{place}`
# and the ROW_FIELDS are filled in.
KINDS = {
    "question": {
        "fr": (
            "Bonjour, quelles sont les dates limites pour {program} cette année?",
            "Est-ce que {program} est offert à {place}?",
            "Où puis-je trouver le formulaire {of_program}?",
            "Allo, c'est quoi les heures d'ouverture du bureau de {place}?",
            "Est-ce qu'il faut prendre rendez-vous pour {program}?",
            "Comment on fait pour s'inscrire {to_program}? Merci!",
            "Bonjour, le site Web ne fonctionne pas pour {program}, est-ce normal?",
            "Est-ce que les critères {of_program} ont changé depuis janvier?",
            "Y a-t-il une séance d'information sur {program} à {place} cet automne?",
            "Combien de temps faut-il attendre pour une réponse {of_program}?",
            "Le code de confirmation {code} n'est pas accepté sur le site, que dois-je faire?",
            "Est-ce que le bureau de {place} est ouvert le samedi?",
        ),
        "en": (
            "Hi, what are the deadlines for {program} this year?",
            "Is {program} available in {place}?",
            "Where can I find the form for {program}?",
            "What are the opening hours of the {place} office?",
            "Do I need an appointment for {program}?",
            "Hello, is there an information session about {program} in {place}?",
            "How do I apply for {program}? Thanks!",
        ),
    },
    "case_file": {
        "fr": (
            "J'attends une réponse pour mon dossier {of_program}, ça fait {weeks} semaines!",
            "Pouvez-vous vérifier où en est ma demande {of_program}?",
            "Mon dossier à {place} a été fermé sans explication, qui dois-je appeler?",
            "Pas reçu mon chèque {of_program} ce mois-ci, pouvez-vous regarder mon dossier?",
            "Ma demande {of_program} a été refusée, comment je peux la faire réviser?",
            "J'ai envoyé mes papiers au bureau de {place} il y a {weeks} semaines, toujours rien.",
            "Mon agente à {place} ne me rappelle pas, pouvez-vous regarder mon dossier?",
        ),
        "en": (
            "I'm still waiting for an answer on my file for {program}, it's been {weeks} weeks!",
            "Can you check the status of my application for {program}?",
            "My file at the {place} office was closed without explanation, who should I call?",
            "I sent my documents {weeks} weeks ago and still nothing about {program}.",
        ),
    },
    "complaint": {
        "fr": (
            "Service vraiment décevant au bureau de {place}, personne ne rappelle jamais.",
            "C'est inacceptable d'attendre deux heures au téléphone pour {program}.",
            "Je veux porter plainte contre le personnel de {place}, très mal reçu.",
            "Encore une fois le système est en panne, c'est ridicule.",
            "Franchement, {program} c'est de la paperasse pour rien. Honteux.",
            "Ça fait {weeks} semaines que j'attends, c'est inadmissible pour un service public.",
            "L'accueil au bureau de {place} laisse à désirer, on m'a parlé comme à un enfant.",
            "Le formulaire {of_program} est incompréhensible, c'est honteux.",
        ),
        "en": (
            "Really disappointing service at the {place} office, nobody ever calls back.",
            "Unacceptable to wait two hours on the phone for {program}.",
            "I want to file a complaint about the staff in {place}.",
            "I've been waiting {weeks} weeks, this is a disgrace for a public service.",
            "The website for {program} is down again, ridiculous.",
        ),
    },
    # Disagreement is never a removal reason (mess-…): it gets an answer or none.
    "opinion": {
        "fr": (
            "Pas d'accord avec cette décision, elle va pénaliser les familles de {place}.",
            "Couper dans {program}, c'est une mauvaise idée. Vous faites fausse route.",
            "Cette nouvelle mesure n'a aucun sens pour les régions comme {place}.",
            "Déçue de voir que {program} n'est toujours pas offert à {place}.",
        ),
        "en": (
            "I disagree with this decision, it will hurt families in {place}.",
            "Cutting {program} is a bad idea, you are going the wrong way.",
        ),
    },
    "medical": {
        "fr": (
            "J'ai de la fièvre depuis trois jours et une toux, est-ce que je devrais consulter?",
            "Mon enfant a une éruption sur les bras après le vaccin, est-ce grave?",
            "Est-ce que je peux avoir le vaccin contre la grippe si je prends des antibiotiques?",
            "J'ai mal à la poitrine depuis ce matin, qu'est-ce que je fais?",
            "Mon père a des étourdissements depuis hier, faut-il aller à l'urgence de {place}?",
            "Est-ce normal d'avoir encore mal au bras {weeks} semaines après le vaccin?",
            "Ma fille de 4 ans fait 39 de fièvre, où est-ce que je l'amène à {place}?",
        ),
        "en": (
            "I've had a fever for three days and a cough, should I see a doctor?",
            "My child has a rash after the vaccine, is it serious?",
            "My father has been dizzy since yesterday, should we go to the ER in {place}?",
            "Can I get the flu shot if I'm on antibiotics?",
        ),
    },
    "thanks": {
        "fr": (
            "Merci pour l'information, très utile!",
            "Bravo à l'équipe de {place} pour l'accueil, service impeccable.",
            "Super initiative, merci!",
            "Merci beaucoup, j'ai trouvé ce que je cherchais.",
            "Bonne nouvelle pour les familles de {place}!",
            "Merci à la dame du bureau de {place}, elle m'a beaucoup aidée pour {program}.",
            "Enfin une bonne nouvelle pour {program}! 👏",
            "Très clair, merci de l'avoir partagé.",
        ),
        "en": (
            "Thanks for the information, very helpful!",
            "Great initiative, thank you!",
            "Kudos to the {place} team, excellent service.",
            "Thank you, I found what I was looking for.",
        ),
    },
    "insult": {
        "fr": (
            "Gang d'incompétents, vous êtes tous des imbéciles.",
            "Quelle bande de paresseux payés avec nos taxes, des crétins finis.",
            "Ferme ta gueule, personne t'a rien demandé, espèce d'idiot.",
            "Vous êtes des voleurs et des menteurs, bande de caves.",
            "Le commis de {place} est un incompétent fini, un vrai imbécile.",
        ),
        "en": (
            "You are all a bunch of idiots and morons.",
            "Shut up, nobody asked you, you stupid clown.",
            "What a bunch of lazy idiots, paid with our taxes.",
        ),
    },
    "threat": {
        "fr": (
            "Si personne me rappelle, je vais aller régler ça moi-même au bureau de {place}.",
            "Je sais où tu restes, le commis de {place}. Fais attention à toi.",
        ),
        "en": ("You'd better watch out, I know where your office in {place} is.",),
    },
    "spam": {
        "fr": (
            "Gagnez 5000 $ par semaine depuis la maison!!! Cliquez ici www.argent-facile.example",
            "Promo exclusive : lunettes de soleil à 90 % de rabais sur https://soldes.example",
            "Devenez riche avec la crypto, écrivez-moi en privé 💰💰💰",
            "Visitez ma boutique en ligne pour les meilleurs prix à {place}! https://boutique.example",
            "Vous avez été sélectionné pour gagner un iPhone! Réclamez-le sur https://cadeau.example",
        ),
        "en": (
            "Earn $5000 a week from home!!! Click here www.easy-money.example",
            "Best crypto investment, DM me now 💰💰💰 https://crypto.example",
            "Check out my online store for the best deals https://shop.example",
        ),
    },
    "partisan": {
        "fr": (
            "Votez pour le bon parti aux prochaines élections, ce gouvernement doit partir!",
            "Encore une annonce électoraliste du gouvernement, votez contre eux.",
            "Ce ministre devrait démissionner, votez pour l'opposition!",
        ),
        "en": (
            "Vote them out in the next election, this government must go!",
            "Just more election propaganda, vote for the opposition.",
        ),
    },
    "off_topic": {
        "fr": (
            "Quelqu'un a vu le match du Canadien hier soir?",
            "Belle journée pour aller à la pêche à {place}.",
            "Perdu un chat gris près de la rue Principale à {place}.",
            "Quelqu'un sait si le pont de {place} est fermé aujourd'hui?",
            "Joyeux anniversaire à ma cousine Julie!",
        ),
        "en": (
            "Anyone watch the hockey game last night?",
            "Lost grey cat near Main Street.",
            "Does anyone know a good plumber in {place}?",
        ),
    },
    "misinformation": {
        "fr": (
            "Le vaccin contre la grippe contient des puces électroniques, renseignez-vous!",
            "Partagez : le gouvernement va couper toutes les allocations le 1er janvier!",
            "Faux, {program} est aboli depuis l'an passé, tout le monde le sait.",
        ),
        "en": ("The flu shot changes your DNA, do your research!",),
    },
    "personal_info": {
        "fr": (
            "Appelez-moi au {phone} pour mon dossier, je suis toujours là après 17 h.",
            "Mon NAS est {sin}, pouvez-vous vérifier pour {program}?",
            "Écrivez-moi à {email}, c'est pour ma demande {of_program}.",
            "Mon numéro d'assurance maladie est {health_card}, est-ce que je suis inscrit?",
            "Voici mon téléphone : {phone}, rappelez-moi svp.",
            "Je vous donne le {sin_bare} pour que vous retrouviez ma demande {of_program}.",
            "J'habite au {address}, pourquoi le transport scolaire ne passe pas chez nous?",
            "Mon numéro de dossier est {file_number}, pouvez-vous regarder ce qui bloque?",
            "Mon courriel : {email} et mon cell {phone}, merci de me contacter.",
            "Je suis née le {birth_date}, est-ce que j'ai droit {to_program}?",
        ),
        "en": (
            "Please call me at {phone} about my file.",
            "My email is {email}, please send me the form for {program}.",
            "My SIN is {sin}, can you check my file for {program}?",
            "You can reach me at {phone} or {email}.",
            "My health card number is {health_card}, am I registered?",
        ),
    },
    "urgent": {
        "fr": (
            "Je n'en peux plus, je pense à en finir, personne ne m'aide.",
            "Il y a une personne blessée devant le bureau de {place}, appelez quelqu'un!",
            "Mon voisin à {place} ne répond plus depuis deux jours, j'ai peur pour lui.",
        ),
        "en": (
            "I can't take it anymore, I want to end it all.",
            "Someone collapsed in front of the {place} office, please send help!",
        ),
    },
}

# How common each kind is among comments, and what the team usually does with it:
# (kind, share, [(outcome, share), ...]). Outcomes: reply, redirect:<code>,
# hide:<reason>, delete:<reason>, no_reply_needed, escalate (→ lead approval).
# A moderator's reply or redirection to a comment detected as negative becomes
# an escalation (or a lead's own answer) in lib.demo.handling, as lib.moderation.act
# requires.
MIX = (
    ("question", 0.28, (("reply", 0.85), ("no_reply_needed", 0.05), ("redirect:dossier", 0.10))),
    ("case_file", 0.10, (("redirect:dossier", 0.95), ("reply", 0.05))),
    (
        "complaint",
        0.11,
        (("redirect:plainte", 0.55), ("escalate", 0.40), ("no_reply_needed", 0.05)),
    ),
    ("opinion", 0.03, (("reply", 0.5), ("no_reply_needed", 0.5))),
    ("medical", 0.05, (("redirect:medical", 0.95), ("reply", 0.05))),
    ("thanks", 0.16, (("no_reply_needed", 0.70), ("reply", 0.30))),
    ("insult", 0.065, (("hide:injurieux", 0.70), ("delete:injurieux", 0.30))),
    ("threat", 0.01, (("delete:menace", 0.80), ("hide:menace", 0.20))),
    ("spam", 0.06, (("delete:pourriel", 0.60), ("delete:commercial", 0.40))),
    ("partisan", 0.03, (("hide:partisan", 0.80), ("no_reply_needed", 0.20))),
    ("off_topic", 0.05, (("hide:hors_sujet", 0.40), ("no_reply_needed", 0.60))),
    ("misinformation", 0.015, (("hide:mensonger", 0.50), ("reply", 0.50))),
    ("personal_info", 0.035, (("redirect:prive", 0.70), ("hide:renseignements_personnels", 0.30))),
    ("urgent", 0.005, (("reply", 1.0),)),
)
# Kinds that trolls write most of.
HOSTILE_KINDS = ("insult", "threat", "spam", "partisan")

FIRST_NAMES = (
    "Mylène",
    "Jocelyn",
    "Annabelle",
    "Rosaire",
    "Ghislaine",
    "Thierry",
    "Noémie",
    "Réjean",
    "Solange",
    "Maxence",
    "Gaétane",
    "Yannick",
    "Hélène",
    "Florent",
    "Priya",
    "Omar",
    "Lucía",
    "Wen",
    "Kateri",
    "Dmitri",
    "Fatou",
    "Brendan",
)
LAST_NAMES = (
    "Bouchard-Ferland",
    "Lapierre",
    "Dugas",
    "Vézina",
    "Brassard",
    "Thibodeau",
    "Lévesque-Roy",
    "Pouliot",
    "Gauvreau",
    "Sirois",
    "Cormier",
    "Dion",
    "Arsenault",
    "Nadeau",
    "Mercier",
    "Paquin",
    "O'Leary",
    "Hamdi",
    "Nguyen",
    "Sokolov",
)

TEAM = (
    ("mlachance", "Maude Lachance", "lead"),
    ("fbeaulieu", "Frédéric Beaulieu", "lead"),
    ("agirard", "Amélie Girard", "moderator"),
    ("kbenali", "Karim Benali", "moderator"),
    ("sfortin", "Sophie Fortin", "moderator"),
    ("jcote", "Jérôme Côté", "moderator"),
    ("lmorin", "Laurence Morin", "moderator"),
)

ACCOUNTS = (
    ("facebook", "Ministère des Services aux citoyens", 0.45),
    ("facebook", "Services aux citoyens — Région de la Gaspésie", 0.10),
    ("instagram", "@servicescitoyens.qc", 0.15),
    ("x", "@ServCitoyensQc", 0.12),
    ("youtube", "Services aux citoyens Québec", 0.08),
    ("linkedin", "Ministère des Services aux citoyens", 0.10),
)

REPLIES = {
    "fr": "Bonjour, merci de votre message. Vous trouverez l'information sur notre site Web.",
    "en": (
        "Bonjour, merci de votre message. Vous trouverez l'information sur notre site Web.\n\n"
        "Hello, thank you for your message. You will find the information on our website."
    ),
}

# A lead sends some proposed replies back (`reject`, with a note); the moderator
# then proposes this revised text, which the lead approves.
REJECTION_NOTES = (
    "Ton trop défensif : reconnaître d'abord l'insatisfaction de la personne.",
    "Ne promettez pas de délai; invitez plutôt la personne à nous écrire en privé.",
    "Ajoutez le lien vers le formulaire de plainte.",
)
REVISED_REPLIES = {
    "fr": (
        "Bonjour, nous sommes désolés de votre expérience et nous comprenons votre "
        "insatisfaction. Écrivez-nous en message privé : un membre de l'équipe fera le suivi."
    ),
    "en": (
        "Bonjour, nous sommes désolés de votre expérience et nous comprenons votre "
        "insatisfaction. Écrivez-nous en message privé : un membre de l'équipe fera le suivi.\n\n"
        "Hello, we are sorry about your experience and understand your dissatisfaction. "
        "Please send us a private message: a member of the team will follow up."
    ),
}

# A redirection a lead sent back is proposed again with this opening before the
# template's text (French, then English for an English comment).
REVISED_REDIRECT_OPENINGS = {
    "fr": "Bonjour, nous comprenons votre inquiétude et nous voulons vous aider. ",
    "en": "Hello, we understand your concern and want to help. ",
}
