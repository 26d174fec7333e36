import { ChangeDetectionStrategy, Component, Injector, inject } from '@angular/core';
import type { Template } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { formatDuration } from '../../../core/time/studio-time';
import type { ConfirmDialogData } from '../../../core/ui/confirm-dialog';
import { openDialog } from '../../../core/ui/dialogs';
import type { ScheduleDialogData } from './schedule-dialog';
import type { TemplateDialogData } from './template-dialog';
import { TEMPLATES_PAGE_SIZE, TemplatesStore } from './templates.store';
import { TrainerFilter } from '../../../shared/sessions/trainer-filter';
import { LoadError } from '../../../core/ui/load-error';

@Component({
  selector: 'ff-templates-page',
  imports: [LoadError, MatButtonModule, MatCardModule, MatPaginatorModule, MatProgressBarModule, RouterLink, TrainerFilter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './templates-page.html',
  styleUrls: ['../trainer-page.scss', './templates-page.scss'],
})
export class TemplatesPage {
  protected readonly store = inject(TemplatesStore);
  readonly #injector = inject(Injector);
  protected readonly pageSize = TEMPLATES_PAGE_SIZE;

  protected summary(template: Template): string {
    const people = template.capacity === 1 ? '1 person' : `${template.capacity} people`;
    const credits = template.creditCost === 0 ? 'free' : template.creditCost === 1 ? '1 credit' : `${template.creditCost} credits`;
    return `${formatDuration(template.durationMinutes)} · up to ${people} · ${credits}`;
  }

  protected create(): void {
    void openDialog<TemplateDialogData, boolean>(this.#injector, () => import('./template-dialog').then((m) => m.TemplateDialog), {
      data: {},
    });
  }

  protected edit(template: Template): void {
    void openDialog<TemplateDialogData, boolean>(this.#injector, () => import('./template-dialog').then((m) => m.TemplateDialog), {
      data: { template },
    });
  }

  protected schedule(template: Template): void {
    void openDialog<ScheduleDialogData, number>(this.#injector, () => import('./schedule-dialog').then((m) => m.ScheduleDialog), {
      data: { template },
    });
  }

  protected async remove(template: Template): Promise<void> {
    const confirmed = await openDialog<ConfirmDialogData, boolean>(
      this.#injector,
      () => import('../../../core/ui/confirm-dialog').then((m) => m.ConfirmDialog),
      {
        data: {
          title: `Delete ${template.name}?`,
          message: 'The template goes away. Classes already scheduled from it stay on the schedule as they are.',
          confirm: 'Delete',
        },
        width: '440px',
      },
    );
    if (confirmed) await this.store.remove(template);
  }

  protected onPage(event: PageEvent): void {
    this.store.showPage(event.pageIndex + 1);
  }
}
