import { InvalidValueError } from '@fitflow/domain-shared';
import { canLeadClasses } from '@fitflow/domain-scheduling';
import { TrainerNotFoundError } from './errors';
import type { DirectoryEntry, TrainerDirectory } from './ports';

/** The account named as a class's trainer: NOT_FOUND when unknown, VALIDATION_FAILED when it is a member's. */
export async function findLeader(trainers: TrainerDirectory, trainerId: string): Promise<DirectoryEntry> {
  const entry = await trainers.find(trainerId);
  if (!entry) throw new TrainerNotFoundError(trainerId);
  if (!canLeadClasses(entry.role)) throw new InvalidValueError('trainerId', 'Choose a trainer or an admin');
  return entry;
}

/** The name events carry for the trainer of an existing class. */
export async function trainerNameOf(trainers: TrainerDirectory, trainerId: string): Promise<string> {
  const entry = await trainers.find(trainerId);
  if (!entry) throw new TrainerNotFoundError(trainerId);
  return entry.name;
}
