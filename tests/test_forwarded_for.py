"""X-Forwarded-For behind a proxy: an address with a port or in brackets is read as the address; anything
else counts as no header, and never turns a sign-in into a 500."""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from rest_framework.test import APIClient

from refpain.http.throttling import client_address

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.1"

FORMS = [
    ("203.0.113.5", "203.0.113.5"),
    ("203.0.113.5:51234", "203.0.113.5"),
    ("[2001:db8::1]:443", "2001:db8::1"),
    ("[2001:db8::1]", "2001:db8::1"),
    ("2001:db8::1", "2001:db8::1"),
    ("2001:DB8:0::1", "2001:db8::1"),
    ("unknown", PROXY),
    ("_hidden", PROXY),
    ("203.0.113.5:port", PROXY),
    ("203.0.113.5:123456", PROXY),
    ("[2001:db8::1", PROXY),
    ("[2001:db8::1]x", PROXY),
    ("fe80::1%eth0", PROXY),
    ("999.1.1.1", PROXY),
    ("", PROXY),
    ("x" * 300, PROXY),
]


@pytest.fixture
def behind_one_proxy(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


@pytest.mark.parametrize(("forwarded", "address"), FORMS)
def test_the_client_address_is_read_from_each_form_of_forwarded_entry(behind_one_proxy, forwarded, address):
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.1, {forwarded}")
    assert client_address(request) == address


@pytest.mark.parametrize(("forwarded", "address"), FORMS)
def test_a_failed_token_sign_in_records_the_address_whatever_the_forwarded_entry(behind_one_proxy, forwarded, address):
    response = APIClient().post(
        "/api/v1/auth/token/",
        {"username": "nobody", "password": "wrong"},
        format="json",
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    assert response.status_code == 400
    assert AccessAttempt.objects.get().ip_address == address


@pytest.mark.parametrize("forwarded", ["203.0.113.5:51234", "[2001:db8::1]:443", "unknown"])
def test_a_failed_admin_sign_in_records_the_address_whatever_the_forwarded_entry(behind_one_proxy, client, forwarded):
    response = client.post(
        "/admin/login/", {"username": "nobody", "password": "wrong"}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
    )
    assert response.status_code == 200  # the form again, with its error
    assert AccessAttempt.objects.get().ip_address == dict(FORMS)[forwarded]
