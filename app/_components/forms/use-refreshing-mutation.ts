"use client";
// For forms on server-rendered pages: a mutation that succeeds re-renders the page's server data
// (router.refresh); one that fails shows its errors next to the fields they are about.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorsFrom, noErrors, type FormErrors } from "./errors";

export function useRefreshingMutation() {
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const options = {
    onSuccess: () => {
      setErrors(noErrors);
      router.refresh();
    },
    onError: (e: unknown) => setErrors(errorsFrom(e)),
  };
  return { errors, setErrors, options };
}
