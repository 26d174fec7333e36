/** PostgreSQL's unique_violation, as both `pg` and PGlite report it. */
export function isUniqueViolation(error: unknown, constraintPart?: string): boolean {
  return isViolation(error, '23505', constraintPart);
}

/** PostgreSQL's check_violation (a CHECK constraint, or a function raising it), as both `pg` and PGlite report it. */
export function isCheckViolation(error: unknown, constraintPart?: string): boolean {
  return isViolation(error, '23514', constraintPart);
}

function isViolation(error: unknown, sqlState: string, constraintPart?: string): boolean {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== sqlState) return false;
  if (!constraintPart) return true;
  const { constraint, detail, message } = error as { constraint?: string; detail?: string; message?: string };
  return [constraint, detail, message].some((text) => text?.includes(constraintPart));
}
