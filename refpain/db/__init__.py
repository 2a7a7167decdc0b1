"""refpain's database backend: Django's PostgreSQL backend on connections that stop waiting for a hung server."""
