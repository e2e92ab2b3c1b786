"""National numbers (real, the same for every gemeente) and which ones each safety route shows."""

from __future__ import annotations

from routes.constants import Route
from routes.models import Contact

ALARM_112 = Contact(
    name="112 (alarmnummer)",
    phone="112",
    hours="Dag en nacht",
    note="Bel 112 bij direct gevaar.",
)

VEILIG_THUIS = Contact(
    name="Veilig Thuis",
    phone="0800-2000",
    url="https://veiligthuis.nl",
    hours="Dag en nacht (24/7)",
    note="Gratis. Je kunt ook anoniem advies vragen.",
)

ZELFMOORDPREVENTIE_113 = Contact(
    name="113 Zelfmoordpreventie",
    phone="113",
    phone_alt="0800-0113",
    url="https://www.113.nl",
    chat_url="https://www.113.nl",
    hours="Dag en nacht (24/7)",
    note="Bel 113 of gratis 0800-0113, of chat via 113.nl.",
)

HUISARTS = Contact(
    name="Je huisarts",
    hours="Op werkdagen overdag",
    outside_hours="’s Avonds, ’s nachts en in het weekend: bel de huisartsenpost.",
    note="Vertel je huisarts hoe het met je gaat. Samen kijken jullie welke hulp je nodig hebt.",
)

NATIONAL_CONTACTS: tuple[Contact, ...] = (ALARM_112, VEILIG_THUIS, ZELFMOORDPREVENTIE_113)

SAFETY_CONTACTS: dict[str, tuple[Contact, ...]] = {
    Route.VEILIGHEID_ACUUT.value: (ALARM_112, VEILIG_THUIS),
    Route.CRISIS.value: (ZELFMOORDPREVENTIE_113, HUISARTS),
    Route.VEILIGHEID.value: (VEILIG_THUIS, ALARM_112),
}
