// The session cookie's name prefix, shared by Better Auth's config and proxy.ts (which must not
// import the whole auth setup just to recognise the cookie).
export const COOKIE_PREFIX = "maghreb";
