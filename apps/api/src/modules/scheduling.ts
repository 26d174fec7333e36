import {
  CancelSessionHandler,
  CreateTemplateHandler,
  DeleteSessionHandler,
  DeleteTemplateHandler,
  GetSessionHandler,
  GetTemplateHandler,
  ListSessionsHandler,
  ListTemplatesHandler,
  PublishSessionHandler,
  PublishSessionsHandler,
  ScheduleSessionsHandler,
  UpdateSessionHandler,
  UpdateTemplateHandler,
  type SchedulingRepositories,
} from '@fitflow/application-scheduling';
import type { Core } from '../core';
import { sessionRoutes, type SessionRoutesOptions } from '../http/routes/sessions';
import { templateRoutes } from '../http/routes/templates';
import { KyselyClassSessionRepository } from '../infrastructure/persistence/scheduling/kysely-class-session-repository';
import { KyselyClassTemplateRepository } from '../infrastructure/persistence/scheduling/kysely-class-template-repository';
import { KyselyClassTemplatesFinder } from '../infrastructure/persistence/scheduling/kysely-class-templates-finder';
import { KyselySessionOccupancy } from '../infrastructure/persistence/scheduling/kysely-session-occupancy';
import { KyselySessionsFinder } from '../infrastructure/persistence/scheduling/kysely-sessions-finder';
import { KyselyTrainerDirectory } from '../infrastructure/persistence/scheduling/kysely-trainer-directory';
import type { AppModule } from './module';

/** Class templates and sessions: trainers schedule, publish, move and cancel classes. */
/** `outlooks`: the booking context's decisions on each session (book, hold, refund), shown with the schedule. */
export function schedulingModule({ config, clock, ids, unitOfWork, db }: Core, outlooks: SessionRoutesOptions['outlooks']) {
  const uow = unitOfWork<SchedulingRepositories>((trx, outbox) => ({
    templates: new KyselyClassTemplateRepository(trx, outbox),
    sessions: new KyselyClassSessionRepository(trx, outbox),
    occupancy: new KyselySessionOccupancy(trx, clock),
    trainers: new KyselyTrainerDirectory(trx),
  }));
  const templatesFinder = new KyselyClassTemplatesFinder(db);
  const sessionsFinder = new KyselySessionsFinder(db, clock);
  const studio = { timeZone: config.studio.timeZone };

  const handlers = {
    listTemplates: new ListTemplatesHandler(templatesFinder),
    getTemplate: new GetTemplateHandler(templatesFinder),
    createTemplate: new CreateTemplateHandler(uow, ids, clock),
    updateTemplate: new UpdateTemplateHandler(uow, templatesFinder, clock),
    deleteTemplate: new DeleteTemplateHandler(uow, clock),
    scheduleSessions: new ScheduleSessionsHandler(uow, ids, clock, studio),
    updateSession: new UpdateSessionHandler(uow, sessionsFinder, clock),
    publishSession: new PublishSessionHandler(uow, sessionsFinder, clock),
    publishSessions: new PublishSessionsHandler(uow, sessionsFinder, clock),
    cancelSession: new CancelSessionHandler(uow, sessionsFinder, clock),
    deleteSession: new DeleteSessionHandler(uow, clock),
    listSessions: new ListSessionsHandler(sessionsFinder),
    getSession: new GetSessionHandler(sessionsFinder),
  };
  return {
    handlers,
    routes: async (api) => {
      await api.register(templateRoutes, { handlers });
      await api.register(sessionRoutes, { handlers, outlooks });
    },
  } satisfies AppModule;
}

export type SchedulingHandlers = ReturnType<typeof schedulingModule>['handlers'];
