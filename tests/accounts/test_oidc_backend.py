"""The checks our OpenID Connect backend adds to mozilla-django-oidc: issuer, audience,
signature and nonce of the ID token; matching without creating; roles from groups."""

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth.models import Group
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory

from accounts import oidc
from people import roles
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

ISSUER = "https://login.example.test/tenant/v2.0"
CLIENT_ID = "hyteopas"


@pytest.fixture
def backend(settings, monkeypatch):
    settings.OIDC_ISSUER = ISSUER
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{ISSUER}/keys"
    settings.OIDC_GROUP_ROLES = [f"g-trainers={roles.TRAINER}", f"g-hr={roles.HR_ADMIN}"]
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_jwk = jwt.PyJWK.from_dict(
        {**jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True), "kid": "k1"}
    )
    monkeypatch.setattr(oidc.CountyOIDCBackend, "retrieve_matching_jwk", lambda self, t: public_jwk)
    instance = oidc.CountyOIDCBackend()
    request = RequestFactory().get("/")
    request.session = {}
    instance.request = request
    instance.signing_key = key
    return instance


def token(backend, **overrides):
    claims = {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "sub": "abc",
        "nonce": "n-1",
        "exp": int(time.time()) + 300,
        "iat": int(time.time()),
        **overrides,
    }
    return jwt.encode(claims, backend.signing_key, algorithm="RS256", headers={"kid": "k1"})


def test_a_good_id_token_passes(backend):
    assert backend.verify_token(token(backend), nonce="n-1")["sub"] == "abc"


@pytest.mark.parametrize(
    "overrides",
    [
        {"iss": "https://evil.example.test/"},
        {"aud": "another-client"},
        {"nonce": "n-2"},
        {"exp": int(time.time()) - 600},
    ],
    ids=["issuer", "audience", "nonce", "expired"],
)
def test_a_wrong_id_token_is_refused(backend, overrides):
    with pytest.raises((SuspiciousOperation, jwt.ExpiredSignatureError)):
        backend.verify_token(token(backend, **overrides), nonce="n-1")


def test_a_token_signed_by_another_key_is_refused(backend):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(
        {"iss": ISSUER, "aud": CLIENT_ID, "nonce": "n-1", "exp": int(time.time()) + 300},
        other,
        algorithm="RS256",
        headers={"kid": "k1"},
    )
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(forged, nonce="n-1")


def test_matches_by_email_or_employee_number_only_active_people(backend, settings):
    nurse = EmployeeFactory(user__email="Hoitaja@HVA.example", employee_number="10042")
    left = EmployeeFactory(user__email="lahtenyt@hva.example", active=False)
    assert list(backend.filter_users_by_claims({"email": "hoitaja@hva.example"})) == [nurse.user]
    assert not backend.filter_users_by_claims({"email": left.user.email}).exists()
    assert backend.request.session[oidc.UNMATCHED_SESSION_KEY] is True
    settings.OIDC_MATCH_CLAIM = "employee_id"
    settings.OIDC_MATCH_FIELD = "employee_number"
    assert list(backend.filter_users_by_claims({"employee_id": "10042"})) == [nurse.user]
    assert backend.create_user({"employee_id": "99999"}) is None


def test_groups_give_and_take_only_the_mapped_roles(backend):
    employee = EmployeeFactory()
    user = employee.user
    user.groups.add(Group.objects.get(name=roles.HR_ADMIN), Group.objects.get(name=roles.EMPLOYEE))
    backend.update_user(user, {"groups": ["g-trainers", "unrelated"]})
    assert set(user.groups.values_list("name", flat=True)) == {roles.TRAINER, roles.EMPLOYEE}


def test_a_provider_that_does_not_answer_sends_back_to_sign_in_with_a_message(client, settings):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    oidc._provider_metadata.cache_clear()
    settings.OIDC_ENABLED = True
    settings.OIDC_ISSUER = f"http://127.0.0.1:{port}"
    settings.OIDC_TIMEOUT = 2
    try:
        response = client.get("/kirjaudu/organisaatio/", follow=True)
    finally:
        oidc._provider_metadata.cache_clear()
    assert response.redirect_chain[-1][0] == "/kirjaudu/"
    assert "kirjautumispalvelu ei vastaa" in response.content.decode()
