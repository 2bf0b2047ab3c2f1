"""The language switch, number fields, and reading and moving through the queue."""

STRINGS: dict[str, dict[str, str]] = {
    "queue.previous": {"fr": "Précédent", "en": "Previous"},
    "queue.next": {"fr": "Suivant", "en": "Next"},
    "queue.next_page": {"fr": "Page suivante", "en": "Next page"},
    "queue.position": {
        "fr": "{at} sur {count} de cette page · touches J et K",
        "en": "{at} of {count} on this page · keys J and K",
    },
    "fields.not_a_number": {
        "fr": "« {field} » : « {typed} » n'est pas un nombre. Écrivez par exemple 8 ou 7,5 ; "
        "rien n'a été enregistré.",
        "en": "“{field}”: “{typed}” is not a number. Write, for example, 8 or 7.5; "
        "nothing was saved.",
    },
}
