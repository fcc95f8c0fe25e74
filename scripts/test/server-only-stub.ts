// `server-only` throws outside React Server Components; tests call server code directly.
export {};
