"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { renderPreview, variablesOf, type PromptBody } from "@/lib/prompts/template";
import { TemplateView } from "./template-view";

/** Sample values for each detected variable and the template rendered with them, as compile() would. */
export function Preview({ body, idPrefix = "preview" }: { body: PromptBody; idPrefix?: string }) {
  const [vars, setVars] = useState<Record<string, string>>({});
  const names = variablesOf(body);
  const { body: rendered, missing } = renderPreview(body, vars);
  return (
    <div className="grid gap-4">
      {names.length === 0 ? (
        <p className="text-sm text-muted-fg">No variables: this template is sent as it is. Write {"{{name}}"} where a value goes in.</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {names.map((n) => (
            <Field key={n} id={`${idPrefix}-${n}`} label={`Sample ${n}`}>
              <Input id={`${idPrefix}-${n}`} value={vars[n] ?? ""} onChange={(e) => setVars((v) => ({ ...v, [n]: e.target.value }))} placeholder={`value for {{${n}}}`} />
            </Field>
          ))}
        </div>
      )}
      {missing.length > 0 ? (
        <p className="text-xs text-muted-fg">
          Not filled yet: {missing.join(", ")}. compile() refuses a missing variable, naming it.
        </p>
      ) : null}
      <TemplateView body={rendered} label="Rendered preview" />
    </div>
  );
}
