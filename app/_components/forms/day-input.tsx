"use client";
// Every calendar-day field of the app (filter bar, record forms): a text box that takes
// YYYY-MM-DD whatever the browser's language, so a US browser does not turn it into mm/dd/yyyy,
// with the day written out in the page's language beside it ("4 mars 2025") once it reads as
// one. The value stays the ISO day the URL, the schemas and the API carry. Label and error are the
// caller's (a <label htmlFor> and aria-describedby from ariaFor); the hint is tied to the box too.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ChangeEvent, type ComponentProps, type Ref } from "react";
import { isoDay } from "@/server/scope/day";
import { useFormat } from "../use-format";

type Props = Omit<ComponentProps<"input">, "type" | "ref"> & { id: string; ref?: Ref<HTMLInputElement> };

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}

export function DayInput({ ref, onChange, "aria-describedby": describedBy, ...props }: Props) {
  const t = useTranslations("filters.day");
  const format = useFormat();
  const hintId = useId();
  const own = useRef<HTMLInputElement | null>(null);
  const [text, setText] = useState(String(props.defaultValue ?? props.value ?? ""));
  // A form library may fill the box after the first render (react-hook-form through its ref).
  useEffect(() => {
    if (own.current) setText(own.current.value);
  }, []);
  const day = isoDay.safeParse(text);

  return (
    <span className="day-input">
      <input
        {...props}
        ref={(element) => {
          own.current = element;
          setRef(ref, element);
        }}
        type="text"
        // Digits and hyphens read left to right, also in an Arabic page.
        dir="ltr"
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        placeholder={t("placeholder")}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(" ")}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          setText(event.target.value);
          onChange?.(event);
        }}
      />
      <span id={hintId} className="meta day-hint">
        {day.success ? format.day(day.data) : t("hint")}
      </span>
    </span>
  );
}
