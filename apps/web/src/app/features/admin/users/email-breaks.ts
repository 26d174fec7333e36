/**
 * An address cut where a line may break: before the `@` and before each dot ("ana.ribeiro" "@example" ".com"), so
 * a narrow column wraps it where a reader expects, never mid-word.
 */
export function emailBreaks(email: string): string[] {
  return email.split(/(?=[@.])/);
}
