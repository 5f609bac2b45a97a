"use client";

import type { FlagCondition, FlagRule } from "@sextant/sdk";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { ConditionRow } from "./condition-row";
import { SplitEditor } from "./split-editor";
import { issueAt, type Issue } from "@/components/ui/use-field-action";

export type EditRule = FlagRule & { uid: string; conditionIds: string[] };

type Props = {
  rule: EditRule;
  index: number;
  count: number;
  variants: string[];
  issues: Issue[];
  /** The path of this rule in the flag, e.g. "environments.production.rules.1". */
  path: string;
  onChange: (r: EditRule) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  newId: () => string;
  disabled: boolean;
};

/** One targeting rule: who it matches (all conditions), and what it serves (a variant or a split). */
export function RuleCard({ rule, index, count, variants, issues, path, onChange, onMove, onRemove, newId, disabled }: Props) {
  const isSplit = "split" in rule.serve;
  const radio = useId();
  const setConditions = (conditions: FlagCondition[], conditionIds: string[]) => onChange({ ...rule, conditions, conditionIds });
  const at = (p: string) => issueAt(issues, `${path}.${p}`);
  return (
    <li className="grid gap-3 rounded-md border p-4" aria-label={`Rule ${index + 1}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold">Rule {index + 1}</span>
        <Input aria-label={`Rule ${index + 1} description`} placeholder="what it is for (optional)" className="h-8 max-w-80 flex-1" value={rule.description ?? ""} disabled={disabled}
          onChange={(e) => onChange({ ...rule, description: e.target.value || undefined })} />
        {!disabled ? (
          <span className="ml-auto flex gap-1">
            <Button type="button" variant="ghost" size="icon" aria-label={`Move rule ${index + 1} up`} disabled={index === 0} onClick={() => onMove(-1)}><ArrowUp aria-hidden /></Button>
            <Button type="button" variant="ghost" size="icon" aria-label={`Move rule ${index + 1} down`} disabled={index === count - 1} onClick={() => onMove(1)}><ArrowDown aria-hidden /></Button>
            <Button type="button" variant="ghost" size="icon" aria-label={`Remove rule ${index + 1}`} onClick={onRemove}><Trash2 aria-hidden /></Button>
          </span>
        ) : null}
      </div>
      <div className="grid gap-2">
        <p className="text-xs font-medium uppercase tracking-wide text-muted-fg">{rule.conditions.length ? "When all of these hold" : "Matches everyone"}</p>
        {rule.conditions.map((c, i) => (
          <ConditionRow key={rule.conditionIds[i]} id={`${index + 1}.${i + 1}`} condition={c} disabled={disabled}
            errors={{ attribute: at(`conditions.${i}.attribute`), operator: at(`conditions.${i}.operator`), values: issues.find((x) => x.path.startsWith(`${path}.conditions.${i}.values`))?.message }}
            onChange={(next) => setConditions(rule.conditions.map((x, j) => (j === i ? next : x)), rule.conditionIds)}
            onRemove={() => setConditions(rule.conditions.filter((_, j) => j !== i), rule.conditionIds.filter((_, j) => j !== i))} />
        ))}
        {!disabled ? (
          <div><Button type="button" variant="ghost" size="sm" onClick={() => setConditions([...rule.conditions, { attribute: "", operator: "in", values: [] }], [...rule.conditionIds, newId()])}><Plus aria-hidden /> Add condition</Button></div>
        ) : null}
      </div>
      <div className="grid gap-2">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="text-xs font-medium uppercase tracking-wide text-muted-fg">Serve</span>
          <label className="flex items-center gap-1.5"><input type="radio" name={`serve-${radio}`} checked={!isSplit} disabled={disabled}
            onChange={() => onChange({ ...rule, serve: { variant: "split" in rule.serve ? (rule.serve.split[0]?.variant ?? variants[0]!) : rule.serve.variant } })} /> one variant</label>
          <label className="flex items-center gap-1.5"><input type="radio" name={`serve-${radio}`} checked={isSplit} disabled={disabled}
            onChange={() => onChange({ ...rule, serve: { split: variants.slice(0, 2).map((v, i, all) => ({ variant: v, weight: all.length === 1 ? 100 : 50 })) } })} /> a percentage split</label>
          {!isSplit ? (
            <Select aria-label={`Variant served by rule ${index + 1}`} className="h-8" value={(rule.serve as { variant: string }).variant} disabled={disabled}
              onChange={(e) => onChange({ ...rule, serve: { variant: e.target.value } })}>
              {variants.map((v) => <option key={v} value={v}>{v}</option>)}
            </Select>
          ) : null}
        </div>
        {"split" in rule.serve ? (
          <SplitEditor split={rule.serve.split} variants={variants} disabled={disabled} error={issues.find((x) => x.path.startsWith(`${path}.serve`))?.message}
            onChange={(split) => onChange({ ...rule, serve: { ...rule.serve, split } })} />
        ) : at("serve.variant") ? <p className="text-xs text-danger">{at("serve.variant")}</p> : null}
      </div>
    </li>
  );
}
