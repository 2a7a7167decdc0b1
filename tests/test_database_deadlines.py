"""Every round trip to PostgreSQL has a deadline: the server stops a slow query itself (statement_timeout), and
the connection gives up on a server that does not answer at all, and is then never reused."""

import pytest
from django.db import OperationalError, connection, connections

from refpain.db.base import DeadlineConnection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


@pytest.fixture
def own_connection():
    """A connection of its own to the test database, outside the test's transaction."""
    wrapper = connections.create_connection("default")
    yield wrapper
    wrapper.close()


def test_the_server_stops_a_query_after_db_query_timeout(settings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == f"{int(settings.DB_QUERY_TIMEOUT)}s"


def test_connections_wait_for_an_answer_a_second_longer_than_the_server_takes_to_stop_a_query(settings):
    connection.ensure_connection()
    assert isinstance(connection.connection, DeadlineConnection)
    assert connection.connection.deadline == settings.DB_QUERY_TIMEOUT + 1


def test_a_server_that_does_not_answer_in_time_is_given_up_and_its_connection_dropped(own_connection):
    own_connection.ensure_connection()
    own_connection.connection.deadline = 0.3  # a server that takes longer than this is taken for hung
    with own_connection.cursor() as cursor, pytest.raises(OperationalError, match=r"did not answer within 0\.3 s"):
        cursor.execute("SELECT pg_sleep(3)")
    assert own_connection.connection.closed
    assert not own_connection.is_usable()


def test_after_a_missed_deadline_the_next_request_gets_a_new_connection(own_connection):
    own_connection.ensure_connection()
    own_connection.connection.deadline = 0.3
    with own_connection.cursor() as cursor, pytest.raises(OperationalError):
        cursor.execute("SELECT pg_sleep(3)")
    own_connection.close_if_unusable_or_obsolete()  # what Django does as each request ends
    with own_connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_the_check_before_a_kept_connection_is_reused_waits_only_as_long_as_connecting(own_connection, settings):
    own_connection.ensure_connection()
    waits = []
    wait = DeadlineConnection.wait

    def recorded(conn, gen, interval=0.1, timeout=None):
        waits.append(conn.deadline)
        return wait(conn, gen, interval, timeout)

    own_connection.connection.wait = recorded.__get__(own_connection.connection)
    assert own_connection.is_usable()
    assert waits and set(waits) == {settings.DB_CONNECT_TIMEOUT}
    assert own_connection.connection.deadline == settings.DB_QUERY_TIMEOUT + 1
