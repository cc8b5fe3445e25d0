// Analysis options over their defaults (each analysis declares and documents its defaults).

/** `defaults` with every field `options` sets; a field left undefined keeps its default. */
export function withDefaults<T extends object>(options: Partial<T>, defaults: T): T {
  const resolved = { ...defaults };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
  }
  return resolved;
}
