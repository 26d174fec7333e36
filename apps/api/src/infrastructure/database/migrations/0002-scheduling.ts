import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * Class templates and sessions. Templates are deleted for real (the repository removes the row); sessions keep
 * their own copy of everything, and the foreign key forgets the template (`on delete set null`).
 * `in_progress` and `completed` are never stored: readers derive them from the clock.
 */
export const scheduling = {
  async up(db: Kysely<any>) {
    await createClassTemplates(db);
    await createClassSessions(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('class_sessions').execute();
    await db.schema.dropTable('class_templates').execute();
  },
} satisfies Migration;

async function createClassTemplates(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('class_templates')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('trainer_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('duration_minutes', 'integer', (col) => col.notNull())
    .addColumn('capacity', 'integer', (col) => col.notNull())
    .addColumn('credit_cost', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('class_templates_duration_minutes_check', sql`duration_minutes between 5 and 480`)
    .addCheckConstraint('class_templates_capacity_check', sql`capacity between 1 and 500`)
    .addCheckConstraint('class_templates_credit_cost_check', sql`credit_cost between 0 and 100`)
    .execute();
  // A trainer's templates by name (the trainer area), and every template by name (an admin's list).
  await db.schema
    .createIndex('class_templates_trainer_id_name_idx')
    .on('class_templates')
    .columns(['trainer_id', 'name', 'id'])
    .execute();
  await db.schema.createIndex('class_templates_name_idx').on('class_templates').columns(['name', 'id']).execute();
}

async function createClassSessions(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('class_sessions')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('template_id', 'uuid', (col) => col.references('class_templates.id').onDelete('set null'))
    .addColumn('trainer_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ends_at', 'timestamptz', (col) => col.notNull())
    .addColumn('capacity', 'integer', (col) => col.notNull())
    .addColumn('credit_cost', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('cancellation_reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('class_sessions_time_slot_check', sql`ends_at > starts_at`)
    .addCheckConstraint('class_sessions_capacity_check', sql`capacity between 1 and 500`)
    .addCheckConstraint('class_sessions_credit_cost_check', sql`credit_cost between 0 and 100`)
    .addCheckConstraint('class_sessions_status_check', sql`status in ('draft', 'published', 'cancelled')`)
    // Every cancelled session says why (members are told), and only a cancelled one has a reason.
    .addCheckConstraint(
      'class_sessions_cancellation_reason_check',
      sql`(status = 'cancelled') = (cancellation_reason is not null)`,
    )
    .execute();
  // The public schedule: everything but drafts, a time range in start order (ties by id), a page at a time.
  await db.schema
    .createIndex('class_sessions_schedule_idx')
    .on('class_sessions')
    .columns(['starts_at', 'id'])
    .where(sql.ref('status'), '<>', 'draft')
    .execute();
  // One trainer's classes (filter by trainer, "my classes" with drafts) in start order.
  await db.schema
    .createIndex('class_sessions_trainer_id_starts_at_idx')
    .on('class_sessions')
    .columns(['trainer_id', 'starts_at'])
    .execute();
  // Deleting a template sets its sessions' template_id to null: without this, a scan of every session.
  await db.schema
    .createIndex('class_sessions_template_id_idx')
    .on('class_sessions')
    .column('template_id')
    .where(sql.ref('template_id'), 'is not', null)
    .execute();
}
