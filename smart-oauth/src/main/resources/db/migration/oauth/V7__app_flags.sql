-- What an administrator decides about an installed app: whether it may run at all (a disabled app is left out of the
-- manifests and its signed requests are refused), and whether the launcher hands it the legacy SMART 0.3-0.5
-- launch credentials (oauth_header). Identical on H2 and PostgreSQL.
ALTER TABLE container_app ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE container_app ADD COLUMN legacy_launch BOOLEAN DEFAULT FALSE NOT NULL;
