"""Django's PostgreSQL backend, on psycopg connections that give up on a server that does not answer.

PostgreSQL's statement_timeout stops a slow query, but only a server that is running can enforce it. A
server that hangs (frozen, swapping, its host gone without a reset) keeps the connection open and never
answers, and the kernel acknowledges what is sent to it, so no socket timeout fires either: each request
would wait as long as the hang lasts. Here every round trip has a deadline of its own, kept by psycopg's
own wait loop; a connection that missed one is closed, never reused.
"""

import psycopg
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.backends.postgresql import base
from psycopg import IsolationLevel


class DeadlineConnection(psycopg.Connection):
    """A psycopg connection whose every wait for the server ends after `deadline` seconds (None: never)."""

    deadline: float | None = None

    def wait(self, gen, interval: float = 0.1, timeout: float | None = None):
        try:
            return super().wait(gen, interval=interval, timeout=self.deadline if timeout is None else timeout)
        except psycopg.errors._WaitTimeout as error:  # psycopg's own, for its callers to turn into a public error
            self.pgconn.finish()  # mid-query, in a state nobody knows: never to be used again
            raise psycopg.OperationalError(f"The database did not answer within {self.deadline} s.") from error


class DatabaseWrapper(base.DatabaseWrapper):
    """Django's PostgreSQL backend on DeadlineConnections: DB_QUERY_TIMEOUT per round trip (and a second's
    grace, so a live server's own statement_timeout answers first); DB_CONNECT_TIMEOUT for the check
    before a kept connection is reused."""

    def get_new_connection(self, conn_params):
        # Django's own, without the two options refpain never sets (a pool; another isolation level).
        if self.pool or "isolation_level" in self.settings_dict["OPTIONS"]:
            raise ImproperlyConfigured("refpain.db takes neither a connection pool nor an isolation level.")
        self.isolation_level = IsolationLevel.READ_COMMITTED
        connection = DeadlineConnection.connect(**conn_params)
        connection.deadline = settings.DB_QUERY_TIMEOUT + 1 if settings.DB_QUERY_TIMEOUT else None
        return connection

    def is_usable(self):
        # 'SELECT 1' answers at once from a live server: waiting longer than a connection attempt would
        # only delay the new connection that follows.
        if self.connection is None:
            return False
        query_deadline, self.connection.deadline = self.connection.deadline, settings.DB_CONNECT_TIMEOUT
        try:
            return super().is_usable()
        finally:
            self.connection.deadline = query_deadline
