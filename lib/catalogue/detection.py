"""Words for the detectors' rules: why a flag was raised (`lib.detect.Evidence.rule`)."""

STRINGS = {
    "detect.rule.threat.intent": {
        "fr": "Menace : quelqu'un annonce qu'il va s'en prendre à une personne",
        "en": "Threat: someone says they will harm a person",
    },
    "detect.rule.threat.conditional": {
        "fr": "Menace sous condition : « si… » suivi d'un geste violent annoncé",
        "en": "Conditional threat: “if…” followed by a violent act announced",
    },
    "detect.rule.threat.implicit": {
        "fr": "Menace voilée : savoir où vit la personne, l'attendre, « surveiller ses arrières »",
        "en": "Veiled threat: knowing where the person lives, waiting for them, “watch your back”",
    },
    "detect.rule.threat.weapon": {
        "fr": "Menace avec une arme : une arme ou une balle nommée avec une intention",
        "en": "Threat with a weapon: a weapon or a bullet named with an intent",
    },
    "detect.rule.threat.call": {
        "fr": "Appel à la violence : pousser à s'en prendre à quelqu'un, souhaiter sa mort",
        "en": "Call to violence: urging others to harm someone, wishing their death",
    },
    "detect.rule.threat.property": {
        "fr": "Menace contre un lieu : incendie, bombe ou explosion annoncés",
        "en": "Threat against a place: fire, bomb or explosion announced",
    },
    "detect.rule.threat.learned": {
        "fr": "Menace : tournure apprise d'exemples annotés; les mots qui ont pesé le plus",
        "en": "Threat: phrasing learned from labelled examples; the words that weighed most",
    },
    "detect.rule.distress.learned": {
        "fr": "Détresse : tournure apprise d'exemples annotés; les mots qui ont pesé le plus",
        "en": "Distress: phrasing learned from labelled examples; the words that weighed most",
    },
    "detect.rule.distress.suicide": {
        "fr": "Détresse : idées ou projet de suicide",
        "en": "Distress: suicidal thoughts or plans",
    },
    "detect.rule.distress.self_harm": {
        "fr": "Détresse : la personne se blesse elle-même",
        "en": "Distress: the person is harming themselves",
    },
    "detect.rule.distress.overdose": {
        "fr": "Détresse : surdose ou médicaments avalés en quantité",
        "en": "Distress: an overdose or medication swallowed in quantity",
    },
    "detect.rule.distress.emergency": {
        "fr": "Urgence en cours : une personne ne respire plus, perd connaissance, un incendie",
        "en": "Emergency in progress: someone is not breathing, has collapsed, a fire",
    },
    "detect.rule.distress.violence": {
        "fr": "Détresse : violence à la maison en ce moment",
        "en": "Distress: violence at home right now",
    },
    "detect.rule.negative.hate": {
        "fr": "Propos haineux contre un groupe",
        "en": "Hateful words against a group",
    },
    "detect.rule.negative.insult": {
        "fr": "Insulte ou sacre",
        "en": "Insult or swearing",
    },
    "detect.rule.negative.tone": {
        "fr": "Ton négatif : colère, reproche, exaspération",
        "en": "Negative tone: anger, reproach, exasperation",
    },
    "detect.rule.negative.learned": {
        "fr": "Ton négatif : tournure apprise d'exemples annotés; les mots qui ont pesé le plus",
        "en": "Negative tone: phrasing learned from labelled examples; the words that weighed most",
    },
    "detect.rule.question": {
        "fr": "Une question : point d'interrogation ou tournure interrogative",
        "en": "A question: a question mark or a question's wording",
    },
    "detect.rule.link": {
        "fr": "Une adresse web",
        "en": "A web address",
    },
    "detect.rule.english": {
        "fr": "Le commentaire est écrit en anglais",
        "en": "The comment is written in English",
    },
    "detect.rule.pii.email": {"fr": "Une adresse courriel", "en": "An e-mail address"},
    "detect.rule.pii.phone": {"fr": "Un numéro de téléphone", "en": "A phone number"},
    "detect.rule.pii.sin": {
        "fr": "Un numéro d'assurance sociale",
        "en": "A social insurance number",
    },
    "detect.rule.pii.health_card": {
        "fr": "Un numéro d'assurance maladie",
        "en": "A health insurance number",
    },
    "detect.rule.pii.card": {"fr": "Un numéro de carte de paiement", "en": "A payment card number"},
    "detect.rule.pii.driver_licence": {
        "fr": "Un numéro de permis de conduire",
        "en": "A driver's licence number",
    },
    "detect.rule.pii.address": {"fr": "Une adresse de domicile", "en": "A home address"},
    "detect.rule.pii.birth_date": {"fr": "Une date de naissance", "en": "A date of birth"},
    "detect.rule.pii.file_number": {"fr": "Un numéro de dossier", "en": "A file number"},
}
