"""Where a person is: the emergency number and the usual route to same-day care of each country the answer
can name, from a small table with its sources. A country not in it is told to call its local emergency number.

Sources: GB: Ofcom General Conditions of Entitlement, condition A3 (access to 999 and 112); the EU: Directive
(EU) 2018/1972 (European Electronic Communications Code), article 109 (112 in every member state); TR: the
Republic of Türkiye's single emergency number 112 (Ministry of Interior, 112 Emergency Call Centres); US: the
Federal Communications Commission, 911; AU: the Australian Communications and Media Authority, Triple Zero (000).
"""

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A country's emergency number, and its usual route to same-day urgent care in each language."""

    emergency_number: str
    urgent_route: Mapping[str, str]

    def wording(self, language: str) -> dict[str, str]:
        """The params every sentence may name: the number and the route, in the language (English if none)."""
        return {
            "emergency_number": self.emergency_number or LOCAL_NUMBER.get(language, LOCAL_NUMBER["en"]),
            "urgent_route": self.urgent_route.get(language) or self.urgent_route["en"],
        }


# Where the table has no number: the words for it.
LOCAL_NUMBER = {"en": "the local emergency number", "tr": "yerel acil yardım numarası"}

EU_MEMBERS = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)

EUROPEAN_UNION = Place(
    "112",
    {
        "en": "contact your family doctor, or the out-of-hours doctor service if the practice is closed",
        "tr": "aile hekiminizden acil randevu alın ya da mesai saatleri dışında bölgenizdeki nöbetçi doktor "
        "hizmetine başvurun",
    },
)

PLACES: Mapping[str, Place] = {
    "GB": Place(
        "999",
        {
            "en": "contact your GP practice for an urgent appointment or call NHS 111",
            "tr": "kayıtlı olduğunuz aile hekimliğinden (GP practice) acil randevu alın ya da NHS 111'i arayın",
        },
    ),
    "TR": Place(
        "112",
        {
            "en": "contact your family doctor, or go to the emergency department of the nearest hospital",
            "tr": "aile hekiminize ya da en yakın hastanenin acil servisine başvurun",
        },
    ),
    "US": Place(
        "911",
        {
            "en": "contact your doctor for a same-day appointment or go to an urgent care centre",
            "tr": "doktorunuzun muayenehanesinden aynı gün için randevu alın ya da bir acil bakım merkezine "
            "(urgent care) gidin",
        },
    ),
    "AU": Place(
        "000",
        {
            "en": "contact your GP for a same-day appointment, or an after-hours GP service if it is closed",
            "tr": "aile hekiminizden (GP) acil randevu alın ya da bir acil bakım kliniğine (urgent care clinic) gidin",
        },
    ),
    **{code: EUROPEAN_UNION for code in EU_MEMBERS},
}

ELSEWHERE = Place(
    "",
    {
        "en": "contact a doctor today, or go to the nearest emergency department if you cannot",
        "tr": "bugün bir doktora başvurun; başvuramıyorsanız en yakın acil servise gidin",
    },
)


def place_of(country: str) -> Place:
    return PLACES.get(country.upper(), ELSEWHERE)
