"""Words of access requests: everything Vigie holds about one author, as a ZIP."""

STRINGS: dict[str, dict[str, str]] = {
    # Registres › Demandes d'accès
    "access.intro": {
        "fr": "Une personne demande les renseignements que l'organisme détient sur elle "
        "(Loi sur l'accès, art. 83). Cherchez son nom ou son identifiant, cochez les "
        "identités qui sont bien les siennes, puis préparez l'export : un fichier ZIP de "
        "tableaux CSV et un LISEZMOI, inscrit au registre des exportations.",
        "en": "A person asks for the information the organisation holds about them (Access "
        "Act, s. 83). Search for their name or handle, tick the identities that are theirs, "
        "then prepare the export: a ZIP of CSV tables and a README, recorded in the export "
        "audit.",
    },
    "access.search": {"fr": "Nom ou identifiant", "en": "Name or handle"},
    "access.search_help": {
        "fr": "Sans égard aux accents ni aux majuscules : « levesque » trouve « Lévesque ».",
        "en": "Accents and case aside: “levesque” finds “Lévesque”.",
    },
    "access.none": {
        "fr": "Aucune identité ne correspond à « {query} ».",
        "en": "No identity matches “{query}”.",
    },
    "access.more": {
        "fr": "Seules les {limit} premières identités sont affichées : précisez la recherche.",
        "en": "Only the first {limit} identities are shown: narrow the search.",
    },
    "access.column.platform": {"fr": "Plateforme", "en": "Platform"},
    "access.column.handle": {"fr": "Identifiant", "en": "Handle"},
    "access.column.name": {"fr": "Nom affiché", "en": "Name shown"},
    "access.column.comments": {"fr": "Commentaires", "en": "Comments"},
    "access.column.first": {"fr": "Premier reçu", "en": "First received"},
    "access.column.last": {"fr": "Dernier reçu", "en": "Last received"},
    "access.choose": {
        "fr": "Identités de cette personne",
        "en": "This person's identities",
    },
    "access.choose_help": {
        "fr": "Cochez chaque identité qui est bien la personne qui fait la demande, et elle "
        "seule : l'export contient le texte intégral de ses commentaires.",
        "en": "Tick each identity that is the person making the request, and no one else: "
        "the export holds the full text of their comments.",
    },
    "access.option": {
        "fr": "{platform} · {handle} · {name} · commentaires : {comments}",
        "en": "{platform} · {handle} · {name} · comments: {comments}",
    },
    "access.prepare": {"fr": "Préparer l'export", "en": "Prepare the export"},
    "access.prepared": {
        "fr": "Export prêt, inscrit au registre des exportations.",
        "en": "Export ready, recorded in the export audit.",
    },
    "access.download": {"fr": "Télécharger {name}", "en": "Download {name}"},
    "access.personal_warning": {
        "fr": "Le fichier contient des renseignements personnels non masqués : remettez-le "
        "à la personne seulement, après avoir vérifié son identité.",
        "en": "The file holds unmasked personal information: give it to the person only, "
        "once their identity is checked.",
    },
    # LISEZMOI.txt, in French whatever the page's language (the English is for reference).
    "access.readme.title": {
        "fr": "Demande d'accès : renseignements personnels détenus dans Vigie",
        "en": "Access request: personal information held in Vigie",
    },
    "access.readme.organisation": {
        "fr": "Organisme : {organisation}",
        "en": "Organisation: {organisation}",
    },
    "access.readme.produced": {
        "fr": "Produit par {name} ({username}) le {date} à {clock}, heure du Québec.",
        "en": "Produced by {name} ({username}) on {date} at {clock}, Québec time.",
    },
    "access.readme.identities": {
        "fr": "Identités visées (plateforme : identifiant, noms affichés) :",
        "en": "Identities covered (platform: handle, names shown):",
    },
    "access.readme.identity": {
        "fr": "- {platform} : {handle} ({names})",
        "en": "- {platform}: {handle} ({names})",
    },
    "access.readme.no_comment": {"fr": "aucun commentaire", "en": "no comment"},
    "access.readme.files": {"fr": "Fichiers :", "en": "Files:"},
    "access.readme.file.commentaires": {
        "fr": "- commentaires.csv : les commentaires de ces identités, texte intégral "
        "(lignes : {rows}).",
        "en": "- commentaires.csv: the comments of these identities, full text (rows: {rows}).",
    },
    "access.readme.file.actions": {
        "fr": "- actions.csv : ce que l'équipe de modération a fait de ces commentaires, "
        "avec les motifs (lignes : {rows}).",
        "en": "- actions.csv: what the moderation team did with these comments, with the "
        "reasons (rows: {rows}).",
    },
    "access.readme.file.notes": {
        "fr": "- notes.csv : les notes écrites par l'équipe sur ces commentaires "
        "(lignes : {rows}).",
        "en": "- notes.csv: the notes the team wrote on these comments (rows: {rows}).",
    },
    "access.readme.file.reponses": {
        "fr": "- reponses.csv : les réponses publiées (published) ou proposées (proposed) "
        "à ces commentaires (lignes : {rows}).",
        "en": "- reponses.csv: the replies published or proposed to these comments (rows: {rows}).",
    },
    "access.readme.file.exclusions": {
        "fr": "- exclusions.csv : les exclusions de ces identités, en vigueur ou terminées "
        "(lignes : {rows}).",
        "en": "- exclusions.csv: the exclusions of these identities, in force or ended "
        "(rows: {rows}).",
    },
    "access.readme.file.suspensions": {
        "fr": "- suspensions.csv : les suspensions légales de la destruction visant ces "
        "commentaires ou ces identités, et leurs levées (lignes : {rows}).",
        "en": "- suspensions.csv: the legal holds on these comments or identities, and their "
        "lifting (rows: {rows}).",
    },
    "access.readme.times": {
        "fr": "Les heures sont celles du Québec, écrites AAAA-MM-JJ HH:MM.",
        "en": "Times are Québec local time, written YYYY-MM-DD HH:MM.",
    },
    "access.readme.csv": {
        "fr": "Les fichiers CSV s'ouvrent dans Excel : UTF-8, colonnes séparées par un "
        "point-virgule.",
        "en": "The CSV files open in Excel: UTF-8, columns separated by semicolons.",
    },
    "access.readme.erased": {
        "fr": "Une valeur anonymisée selon le calendrier de conservation se lit « {erased} ».",
        "en": "A value anonymised under the retention schedule reads “{erased}”.",
    },
    "access.readme.law": {
        "fr": "Loi sur l'accès aux documents des organismes publics et sur la protection des "
        "renseignements personnels, art. 83 : toute personne a le droit d'être informée de "
        "l'existence d'un renseignement personnel la concernant et d'en recevoir "
        "communication.",
        "en": "Act respecting access to documents held by public bodies and the protection "
        "of personal information, s. 83: every person has the right to be informed of the "
        "existence of personal information concerning them and to receive communication "
        "of it.",
    },
}
