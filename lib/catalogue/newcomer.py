"""The language switch, number fields, and reading and moving through the queue."""

STRINGS: dict[str, dict[str, str]] = {
    "fields.not_a_number": {
        "fr": "« {field} » : « {typed} » n'est pas un nombre. Écrivez par exemple 8 ou 7,5 ; "
        "rien n'a été enregistré.",
        "en": "“{field}”: “{typed}” is not a number. Write, for example, 8 or 7.5; "
        "nothing was saved.",
    },
}
