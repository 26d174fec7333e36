import type { Handler } from '@fitflow/application-shared';
import type { UsersFinder } from '../../ports';

export interface TrainerView {
  id: string;
  name: string;
}

export class ListTrainersHandler implements Handler<void, TrainerView[]> {
  constructor(private readonly finder: UsersFinder) {}

  async handle(): Promise<TrainerView[]> {
    return this.finder.trainers();
  }
}
