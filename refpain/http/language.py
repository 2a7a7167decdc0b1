"""The language of an answer: ?lang= or Accept-Language chooses among settings.LANGUAGES, English otherwise.

The API's knowledge texts, the assessment's sentences and the error messages follow the active language; every
API answer says which it is in (Content-Language) and that it varies with Accept-Language (Vary). The admin is
left in the site's language: clinicians edit every language side by side there.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from refpain.http.errors import error_body

LANGUAGE_PARAMETER = "lang"
ENGLISH = "en"


def supported(code: str) -> str | None:
    """The language of settings.LANGUAGES a code asks for ('tr-TR' gives 'tr', 'en-gb' 'en'), or None."""
    try:
        return translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return None


def requested_language(request) -> str:
    """The language a request asks for with Accept-Language, best first, or English."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        if code != "*" and (language := supported(code)):
            return language
    return ENGLISH


def active_language() -> str:
    """The language the answer is in: one of settings.LANGUAGES."""
    return supported(translation.get_language() or ENGLISH) or ENGLISH


class LanguageMiddleware:
    """Chooses the API answer's language, and says which it is and what chose it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        asked = request.GET.get(LANGUAGE_PARAMETER)
        if asked is not None:
            language = supported(asked)
            if language is None:
                return unsupported_language()
        else:
            language = requested_language(request)
        with translation.override(language):
            response = self.get_response(request)
        response.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Accept-Language"])
        return response


def unsupported_language() -> JsonResponse:
    codes = ", ".join(code for code, _name in settings.LANGUAGES)
    error = {"field": LANGUAGE_PARAMETER, "code": "invalid_choice", "message": f"Give one of the languages: {codes}."}
    return JsonResponse(error_body(400, "invalid", "The request has invalid fields.", [error]), status=400)
