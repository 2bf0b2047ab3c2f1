"""Invented comments for the demo database, by kind of message the policies describe.

Every name, number and address here is invented: phone numbers use the 555
exchange, e-mails example.org, and the social insurance numbers are made-up
numbers that merely pass the Luhn check.
"""

PROGRAMS = {
    "fr": (
        "l'aide financière aux études",
        "le programme d'aide sociale",
        "le crédit d'impôt pour solidarité",
        "le Régime québécois d'assurance parentale",
        "la formation de la main-d'œuvre",
        "le programme Objectif emploi",
        "l'aide juridique",
        "la vaccination contre la grippe",
        "le transport scolaire",
        "l'inscription au préscolaire",
    ),
    "en": (
        "student financial aid",
        "the social assistance program",
        "the solidarity tax credit",
        "the Québec parental insurance plan",
        "workforce training",
        "the Objectif emploi program",
        "legal aid",
        "the flu vaccine",
        "school transportation",
        "kindergarten registration",
    ),
}

PLACES = ("Gaspé", "Rimouski", "Jonquière", "Québec", "Laval", "Sherbrooke", "Chandler", "Matane")

# Each kind: the texts in each language; `{program}` and `{place}` are filled in.
KINDS = {
    "question": {
        "fr": (
            "Bonjour, quelles sont les dates limites pour {program} cette année?",
            "Est-ce que {program} est offert à {place}?",
            "Où puis-je trouver le formulaire pour {program}?",
            "Allo, c'est quoi les heures d'ouverture du bureau de {place}?",
            "Est-ce qu'il faut prendre rendez-vous pour {program}?",
            "Comment on fait pour s'inscrire à {program}? Merci!",
            "Bonjour, le site web ne fonctionne pas pour {program}, est-ce normal?",
        ),
        "en": (
            "Hi, what are the deadlines for {program} this year?",
            "Is {program} available in {place}?",
            "Where can I find the form for {program}?",
            "What are the opening hours of the {place} office?",
            "Do I need an appointment for {program}?",
        ),
    },
    "case_file": {
        "fr": (
            "J'attends toujours une réponse pour mon dossier de {program}, ça fait 3 semaines!",
            "Pouvez-vous vérifier où en est ma demande pour {program}?",
            "Mon dossier à {place} a été fermé sans explication, qui dois-je appeler?",
            "Pas reçu mon chèque pour {program} ce mois-ci, pouvez-vous regarder mon dossier?",
        ),
        "en": (
            "I'm still waiting for an answer on my {program} file, it's been 3 weeks!",
            "Can you check the status of my application for {program}?",
        ),
    },
    "complaint": {
        "fr": (
            "Service vraiment décevant au bureau de {place}, personne ne rappelle jamais.",
            "C'est inacceptable d'attendre deux heures au téléphone pour {program}.",
            "Je veux porter plainte contre le personnel de {place}, très mal reçu.",
            "Encore une fois le système est en panne, c'est ridicule.",
            "Franchement, {program} c'est de la paperasse pour rien. Honteux.",
        ),
        "en": (
            "Really disappointing service at the {place} office, nobody ever calls back.",
            "Unacceptable to wait two hours on the phone for {program}.",
            "I want to file a complaint about the staff in {place}.",
        ),
    },
    "medical": {
        "fr": (
            "J'ai de la fièvre depuis trois jours et une toux, est-ce que je devrais consulter?",
            "Mon enfant a une éruption sur les bras après le vaccin, est-ce grave?",
            "Est-ce que je peux prendre mes médicaments avant {program}?",
            "J'ai mal à la poitrine depuis ce matin, qu'est-ce que je fais?",
        ),
        "en": (
            "I've had a fever for three days and a cough, should I see a doctor?",
            "My child has a rash after the vaccine, is it serious?",
        ),
    },
    "thanks": {
        "fr": (
            "Merci pour l'information, très utile!",
            "Bravo à l'équipe de {place} pour l'accueil, service impeccable.",
            "Super initiative, merci!",
            "Merci beaucoup, j'ai trouvé ce que je cherchais.",
            "Bonne nouvelle pour les familles de {place}!",
        ),
        "en": (
            "Thanks for the information, very helpful!",
            "Great initiative, thank you!",
            "Kudos to the {place} team, excellent service.",
        ),
    },
    "insult": {
        "fr": (
            "Gang d'incompétents, vous êtes tous des imbéciles.",
            "Quelle bande de paresseux payés avec nos taxes, des crétins finis.",
            "Ferme ta gueule, personne t'a rien demandé, espèce d'idiot.",
            "Vous êtes des voleurs et des menteurs, bande de caves.",
        ),
        "en": (
            "You are all a bunch of idiots and morons.",
            "Shut up, nobody asked you, you stupid clown.",
        ),
    },
    "spam": {
        "fr": (
            "Gagnez 5000 $ par semaine depuis la maison!!! Cliquez ici www.argent-facile.example",
            "Promo exclusive : lunettes de soleil à 90 % de rabais sur https://soldes.example",
            "Devenez riche avec la crypto, écrivez-moi en privé 💰💰💰",
            "Visitez ma boutique en ligne pour les meilleurs prix à {place}! https://boutique.example",
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
        ),
        "en": ("Vote them out in the next election, this government must go!",),
    },
    "off_topic": {
        "fr": (
            "Quelqu'un a vu le match du Canadien hier soir?",
            "Belle journée pour aller à la pêche à {place}.",
            "Perdu un chat gris près de la rue Principale à {place}.",
        ),
        "en": ("Anyone watch the hockey game last night?", "Lost grey cat near Main Street."),
    },
    "personal_info": {
        "fr": (
            "Appelez-moi au 418-555-0142 pour mon dossier, je suis toujours là après 17 h.",
            "Mon NAS est 046 454 286, pouvez-vous vérifier pour {program}?",
            "Écrivez-moi à marie.exemple@example.org, c'est pour ma demande de {program}.",
            "Mon numéro d'assurance maladie est TREM 8503 1234, est-ce que je suis inscrit?",
            "Voici mon téléphone : 581 555-0199, rappelez-moi svp.",
        ),
        "en": (
            "Please call me at 418-555-0177 about my file.",
            "My email is john.sample@example.com, please send me the form for {program}.",
        ),
    },
    "urgent": {
        "fr": (
            "Je n'en peux plus, je pense à en finir, personne ne m'aide.",
            "Il y a une personne blessée devant le bureau de {place}, appelez quelqu'un!",
        ),
        "en": ("I can't take it anymore, I want to end it all.",),
    },
}

# How common each kind is among comments, and what the team usually does with it:
# (kind, share, [(outcome, share), ...]). Outcomes: reply, redirect:<code>,
# hide:<reason>, delete:<reason>, no_reply_needed, escalate (→ lead approval).
MIX = (
    ("question", 0.30, (("reply", 0.85), ("no_reply_needed", 0.05), ("redirect:dossier", 0.10))),
    ("case_file", 0.10, (("redirect:dossier", 0.95), ("reply", 0.05))),
    (
        "complaint",
        0.12,
        (("redirect:plainte", 0.55), ("escalate", 0.40), ("no_reply_needed", 0.05)),
    ),
    ("medical", 0.05, (("redirect:medical", 0.95), ("reply", 0.05))),
    ("thanks", 0.18, (("no_reply_needed", 0.70), ("reply", 0.30))),
    ("insult", 0.07, (("hide:injurieux", 0.70), ("delete:injurieux", 0.30))),
    ("spam", 0.06, (("delete:pourriel", 0.60), ("delete:commercial", 0.40))),
    ("partisan", 0.03, (("hide:partisan", 0.80), ("no_reply_needed", 0.20))),
    ("off_topic", 0.05, (("hide:hors_sujet", 0.40), ("no_reply_needed", 0.60))),
    ("personal_info", 0.035, (("redirect:prive", 0.70), ("hide:renseignements_personnels", 0.30))),
    ("urgent", 0.005, (("reply", 1.0),)),
)

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
