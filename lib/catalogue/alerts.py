"""Words of the alerts: the messages the notify worker sends, Paramètres › Alertes."""

STRINGS = {
    "settings.error.escalation_minutes": {
        "fr": "Le délai avant de prévenir la personne suivante va de {low} à {high} minutes.",
        "en": "The delay before the next person is alerted is {low} to {high} minutes.",
    },
}
