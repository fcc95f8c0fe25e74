// "Share with": "Only me" (no team, null) or one of the user's teams, for what a user owns and
// may share under the saved views' rules (views, notes).
import { useTranslations } from "next-intl";
import type { FieldPath, FieldValues, FormState, UseFormRegister } from "react-hook-form";
import { Field } from "./form-fields";

export function ShareWithField<T extends FieldValues>({
  form,
  name,
  teams,
}: {
  form: { register: UseFormRegister<T>; formState: Pick<FormState<T>, "errors"> };
  name: FieldPath<T>;
  teams: { id: string; name: string }[];
}) {
  const t = useTranslations("forms.shareWith");
  return (
    <Field form={form} name={name} label={t("label")} setValueAs={(value) => value || null}>
      {(props) => (
        <select {...props}>
          <option value="">{t("onlyMe")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id} dir="auto">
              {team.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
