"""The HTTP pieces every app's API shares: errors, parsers, pagination, search, caching, rate limits."""
