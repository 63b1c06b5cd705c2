// Fields a curated record carries that its schema does not know (typos such as `sorces:`), found by walking the Zod schema.
import type { z } from 'zod';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success']);

/**
 * Paths (from `value`) of the object keys `schema` would silently drop. Unions follow the option the value
 * parses as; open records and objects with a catch-all are not checked.
 */
export function unknownFields(schema: z.ZodType, value: unknown, path: readonly PropertyKey[] = []): Array<{ path: PropertyKey[]; known: string[] }> {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return unknownFields(def.innerType as z.ZodType, value, path);
  if (def.type === 'lazy') return unknownFields((def.getter as () => z.ZodType)(), value, path);
  if (def.type === 'pipe') {
    const inner = defOf(def.in).type === 'unknown' || defOf(def.in).type === 'any' ? def.out : def.in;
    return unknownFields(inner as z.ZodType, value, path);
  }
  if (def.type === 'union') {
    const option = (def.options as z.ZodType[]).find((o) => o.safeParse(value).success);
    return option ? unknownFields(option, value, path) : [];
  }
  if (def.type === 'array' && Array.isArray(value)) {
    return value.flatMap((v, i) => unknownFields(def.element as z.ZodType, v, [...path, i]));
  }
  if (def.type === 'record' && value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => unknownFields(def.valueType as z.ZodType, v, [...path, k]));
  }
  if (def.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const shape = def.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape);
    const out: Array<{ path: PropertyKey[]; known: string[] }> = [];
    for (const [k, v] of Object.entries(value)) {
      if (k in shape) out.push(...unknownFields(shape[k], v, [...path, k]));
      else if (!def.catchall || defOf(def.catchall).type === 'never') out.push({ path: [...path, k], known });
    }
    return out;
  }
  return [];
}
