/** PostgreSQL's unique_violation, as both `pg` and PGlite report it. */
export function isUniqueViolation(error: unknown, constraintPart?: string): boolean {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== '23505') return false;
  if (!constraintPart) return true;
  const { constraint, detail, message } = error as { constraint?: string; detail?: string; message?: string };
  return [constraint, detail, message].some((text) => text?.includes(constraintPart));
}
