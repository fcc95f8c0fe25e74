-- The sessions each app instance keeps in memory (server/auth/session.ts): a request's session
-- cookie and who it signs in, kept so that every request does not ask the database again. Dropped
-- when a session ends (sign-out, deactivation, a password change ending the others, expiry's
-- clean-up) or when a signed-in user's name, email, role or standing changes. A new session
-- (a sign-in) sends nothing: no instance can be keeping it yet.
CREATE TRIGGER sessions_changed
  AFTER DELETE OR TRUNCATE OR UPDATE ON "Session"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('sessions');

CREATE TRIGGER session_users_changed
  AFTER DELETE OR TRUNCATE OR UPDATE OF name, email, role, banned ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('sessions');
