-- Migration status (F4): optional, and stored only as application-level
-- AES-256-GCM ciphertext, `amp1.<key id>.<iv>.<ciphertext+tag>`, so a dump of
-- this table alone does not reveal it. The key id travels with the ciphertext
-- so records sealed with an older key stay readable after a rotation.
ALTER TABLE cases ADD COLUMN migration_status_sealed text
  CHECK (migration_status_sealed ~ '^amp1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$');
