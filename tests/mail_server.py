"""A real SMTP server on 127.0.0.1 (aiosmtpd), keeping what it receives for tests to read.

`running_mail_server()` for a plain server; `running_mail_server(tls=True, credentials=...)`
for one that demands STARTTLS, with a certificate made for the test, then AUTH LOGIN or PLAIN.
The fixtures `mail_server` and `tls_mail_server` wrap them: a test module imports the ones it
needs (`from tests.mail_server import mail_server_fixture  # noqa: F401`), named apart so
that a test's `mail_server` argument does not shadow an import.

>>> import smtplib
>>> with running_mail_server() as server:
...     with smtplib.SMTP(server.host, server.port) as client:
...         _ = client.sendmail("vigie@example.org", ["lea@example.org"], "Subject: Bonjour\\n")
...     server.received[0].recipients, server.received[0].message["Subject"]
(['lea@example.org'], 'Bonjour')
"""

import datetime
import ipaddress
import socket
import ssl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HOST = "127.0.0.1"
# The account the `tls_mail_server` fixture accepts.
CREDENTIALS = ("vigie", "correct horse battery staple")


@dataclass(frozen=True)
class Received:
    sender: str  # the envelope's MAIL FROM
    recipients: list[str]  # the envelope's RCPT TO
    message: EmailMessage


@dataclass
class MailServer:
    host: str
    port: int
    ca_file: str = ""  # the PEM a client trusts to verify this server's certificate
    received: list[Received] = field(default_factory=list)
    # RCPT TO these addresses answers 550, as a server does for an unknown mailbox.
    refused_recipients: set[str] = field(default_factory=set)


class _Keeper:
    """aiosmtpd's handler: refuses the recipients asked for, keeps every message whole."""

    def __init__(self, server: MailServer):
        self.server = server

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.server.refused_recipients:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # Lines end in CRLF on the wire; a mailbox keeps them as the reader's text lines.
        content = envelope.content.replace(b"\r\n", b"\n")
        message = BytesParser(policy=policy.default).parsebytes(content)
        self.server.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


@contextmanager
def running_mail_server(
    tls: bool = False, credentials: tuple[str, str] | None = None
) -> Iterator[MailServer]:
    """An SMTP server on a free port of 127.0.0.1 until the block ends.

    `tls` demands STARTTLS before anything else; `credentials` (login, password) demands AUTH.
    """
    with tempfile.TemporaryDirectory() as folder:
        server = MailServer(HOST, free_port())
        options = {}
        if tls:
            server.ca_file, context = certificates(Path(folder))
            options.update(tls_context=context, require_starttls=True)
        if credentials:
            options.update(authenticator=_authenticator(credentials), auth_required=True)
        controller = Controller(_Keeper(server), hostname=HOST, port=server.port, **options)
        controller.start()
        try:
            yield server
        finally:
            controller.stop()


@pytest.fixture(name="mail_server")
def mail_server_fixture() -> Iterator[MailServer]:
    """A plain SMTP server: no TLS, no login."""
    with running_mail_server() as server:
        yield server


@pytest.fixture(name="tls_mail_server")
def tls_mail_server_fixture() -> Iterator[MailServer]:
    """An SMTP server demanding STARTTLS (trust `ca_file`) and AUTH with CREDENTIALS."""
    with running_mail_server(tls=True, credentials=CREDENTIALS) as server:
        yield server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _authenticator(credentials: tuple[str, str]):
    expected = tuple(part.encode() for part in credentials)

    def authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        return AuthResult(success=(auth_data.login, auth_data.password) == expected, handled=False)

    return authenticate


def certificates(folder: Path) -> tuple[str, ssl.SSLContext]:
    """A certificate authority's PEM file, and a server context whose certificate it signed.

    Two certificates rather than one self-signed: OpenSSL's strict checks, the default from
    Python 3.13, refuse a certificate that is both its own authority and the server's.
    """
    authority_key = ec.generate_private_key(ec.SECP256R1())
    server_key = ec.generate_private_key(ec.SECP256R1())
    authority_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Vigie test authority")])
    authority = (
        _certificate(authority_name, authority_name, authority_key.public_key(), authority_key)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(signs_certificates=True), critical=True)
        .sign(authority_key, hashes.SHA256())
    )
    server_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    names = [x509.IPAddress(ipaddress.ip_address(HOST)), x509.DNSName("localhost")]
    leaf = (
        _certificate(server_name, authority_name, server_key.public_key(), authority_key)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(signs_certificates=False), critical=True)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(authority_key, hashes.SHA256())
    )
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "server.pem", folder / "key.pem"
    ca_file.write_bytes(authority.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return str(ca_file), context


def _certificate(subject, issuer, public_key, authority_key) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(authority_key.public_key()),
            critical=False,
        )
    )


def _key_usage(signs_certificates: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=signs_certificates,
        crl_sign=signs_certificates,
        encipher_only=False,
        decipher_only=False,
    )
