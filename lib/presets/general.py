"""Vigie's own preset: DESIGN.md's blend of the five policies, for a body that has none of them.

The ministry's hours and one business day (the CISSS states the same hours), every
reason of the ministry's and the CISSS's netiquettes (together they name all sixteen),
the CEST's approval of replies to negative comments (a lead's own reply included), the
CSJ's French-then-English answer to an English comment, and the default templates (the
CSJ's file redirection, the CISSS's commissioner and Info-Santé 811 / 911). No
organisation: the lead types its name.
"""

from __future__ import annotations

from lib.presets import cest, cisss, csj, mess
from lib.presets.rules import Preset, Rule

NETIQUETTE = {
    "fr": """\
Nous vous invitons à échanger avec nous dans le respect. Chaque personne est responsable de \
ses propos. Nous ne supprimons jamais un commentaire parce que nous sommes en désaccord avec \
son contenu.

Nous nous réservons toutefois le droit de masquer ou de supprimer tout commentaire :
- injurieux, grossier, ou qui contient des attaques personnelles;
- haineux ou discriminatoire (raciste, sexiste…);
- diffamatoire;
- à connotation sexuelle ou sexuellement explicite;
- qui contient des menaces ou du harcèlement;
- promotionnel ou commercial, ou un pourriel;
- partisan;
- non pertinent (hors sujet);
- mensonger, confus ou imprécis;
- qui contient des renseignements personnels ou confidentiels;
- qui porte atteinte au droit d'auteur;
- illégal;
- anonyme ou répétitif.

Les personnes qui ne respectent pas ces règles peuvent être exclues de façon temporaire ou \
permanente. Aucune plainte, aucune question sur un dossier personnel et aucune question \
médicale n'est traitée sur les médias sociaux : nous vous dirigerons vers le bon service (pour \
la santé, Info-Santé au 811; en cas d'urgence, le 911).

Nos comptes sont suivis du lundi au vendredi, de 8 h 30 à 16 h 30.""",
    "en": """\
We invite you to talk with us respectfully. Everyone is responsible for what they write. We \
never delete a comment because we disagree with its content.

We do, however, reserve the right to hide or delete any comment that is:
- abusive, coarse, or a personal attack;
- hateful or discriminatory (racist, sexist…);
- defamatory;
- sexual in nature or sexually explicit;
- a threat or harassment;
- promotional or commercial, or spam;
- partisan;
- irrelevant (off-topic);
- untrue, confused or unclear;
- holding personal or confidential information;
- a breach of copyright;
- illegal;
- anonymous or repetitive.

People who do not follow these rules may be excluded, temporarily or permanently. No \
complaint, no question about a personal file and no medical question is handled on social \
media: we will direct you to the right service (for health, Info-Santé at 811; in an \
emergency, 911).

Our accounts are followed Monday to Friday, 8:30 a.m. to 4:30 p.m.""",
}

PRESET = Preset(
    "general",
    None,
    (
        Rule(
            {"organisation": ""},
            why="No body's policy: the lead types the organisation's name.",
        ),
        Rule(mess.PRESET.rules_for("open_time")[0].values, (mess.HOURS,), source=mess.SOURCE),
        Rule({"target_hours": 8.0}, (mess.TARGET,), source=mess.SOURCE),
        Rule({"retired_reasons": ()}, tuple(mess.LISTED), source=mess.SOURCE),
        Rule(
            {"retired_reasons": ()},
            tuple(cisss.LISTED),
            why="With the ministry's list, every one of the sixteen reasons.",
            source=cisss.SOURCE,
        ),
        Rule(
            {"netiquette": NETIQUETTE},
            (mess.NETIQUETTE_FR[0], mess.NETIQUETTE_FR[2]),
            why="Vigie's blend: the ministry's stance, both lists, the CISSS's exclusions and "
            "redirections.",
            source=mess.SOURCE,
        ),
        Rule({"netiquette": NETIQUETTE}, (cisss.EXCLUSION, cisss.HEALTH), source=cisss.SOURCE),
        Rule(
            {"negative_needs_approval": True},
            (cest.NEGATIVE,),
            why="DESIGN.md takes the CEST's rule for everyone: a lead approves.",
            source=cest.SOURCE,
        ),
        Rule(
            {"lead_self_approval": True},
            (cest.NEGATIVE,),
            why="With the CEST's rule, its reading: the lead gives the assent, to their own "
            "reply too, and the history marks it self-approved. A body that wants a second "
            "lead to approve unchecks it.",
            source=cest.SOURCE,
        ),
        Rule(
            {"english_replies": "bilingual"},
            (csj.ENGLISH,),
            why="DESIGN.md takes the CSJ's practice for everyone: French first, then English.",
            source=csj.SOURCE,
        ),
        Rule(
            {"templates": {}},
            why="The default templates (lib/templates.py): DESIGN.md's redirections.",
        ),
    ),
)
