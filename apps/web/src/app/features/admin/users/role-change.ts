import type { Role, User } from '@fitflow/api-contract';
import type { ConfirmDialogData } from '../../../core/ui/confirm-dialog';

/** "a trainer", as a sentence says it. */
export const roleNames: Record<Role, string> = { member: 'a member', trainer: 'a trainer', admin: 'an admin' };

/** What the confirmation of a role change says: the question, what it means for the person, and its button. */
export interface RoleChangeWording {
  title: string;
  consequence: string;
  confirm: string;
}

/**
 * "Make Sam Lee a trainer?" / "Sam will be able to create class templates, …": what a role change gives or takes
 * away, named after the pages each role opens (the API decides what each role may do).
 */
export function describeRoleChange(user: Pick<User, 'name' | 'role'>, to: Role): RoleChangeWording {
  const who = firstName(user.name);
  return {
    title: `Make ${user.name} ${roleNames[to]}?`,
    consequence: consequences[`${user.role}>${to}`]?.(who) ?? `${who} stays ${roleNames[to]}.`,
    confirm: `Make ${to}`,
  };
}

/** The confirmation an admin answers before the change (the change itself can be undone from the toast after). */
export function roleChangeConfirmation(user: Pick<User, 'name' | 'role'>, to: Role): ConfirmDialogData {
  const { title, consequence, confirm } = describeRoleChange(user, to);
  return { title, message: consequence, confirm, dismiss: 'Cancel', danger: false };
}

const becomesAdmin = (who: string) =>
  `${who} will be able to manage every account, including roles and credits, the credit packages and every trainer's classes.`;

const consequences: Partial<Record<`${Role}>${Role}`, (who: string) => string>> = {
  'member>trainer': (who) => `${who} will be able to create class templates, schedule classes and check people in.`,
  'member>admin': becomesAdmin,
  'trainer>admin': becomesAdmin,
  'trainer>member': (who) => `${who} will no longer be able to create class templates, schedule classes or check people in.`,
  'admin>trainer': (who) =>
    `${who} will keep running their own classes, but will no longer be able to manage accounts, roles, credits, the credit packages or other trainers' classes.`,
  'admin>member': (who) =>
    `${who} will no longer be able to manage accounts, roles, credits, the credit packages or anyone's classes.`,
};

/** What a sentence calls someone after naming them in full: the first word of their name. */
function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}
