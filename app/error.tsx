"use client";
// A page that failed on the server below the layout (the header still shows).
import { ServerError } from "./_components/errors/server-error";

export default function PageError() {
  return <ServerError />;
}
