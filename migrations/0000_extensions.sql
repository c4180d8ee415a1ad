-- Extensions the schema depends on. Both PGlite (loaded by the embedded database) and a
-- PostgreSQL 15 server with contrib provide them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
