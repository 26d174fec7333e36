import { sql, type ForeignKeyConstraintBuilder, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * Credits and card payments. A member's balance is one `memberships` row, opened on first use and locked by every
 * change of it (the last lock of ARCHITECTURE.md's order); every change is a `credit_transactions` line with the
 * balance after it. The handlers credit a payment once because they change a purchase and the balance under the
 * purchase's and the membership's locks; the unique partial indexes of the ledger are the database's last word that
 * money moves once, whatever a handler gets wrong. Checks keep the domain's bounds, so no bug can store what the
 * domain would refuse.
 */
export const credits = {
  async up(db: Kysely<any>) {
    await createCreditPackages(db);
    await createMemberships(db);
    await createPurchases(db);
    await createCreditTransactions(db);
    await createPaymentEvents(db);
    await forgiveUnpaidBookings(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('payment_events').execute();
    await db.schema.dropTable('credit_transactions').execute();
    await db.schema.dropTable('purchases').execute();
    await db.schema.dropTable('memberships').execute();
    await db.schema.dropTable('credit_packages').execute();
  },
} satisfies Migration;

/**
 * Bookings made before credits were collected spent nothing, whatever their `credits_spent` said: a refund of them
 * would create credits from nothing. Those still standing say so now; cancelled ones keep their history.
 */
async function forgiveUnpaidBookings(db: Kysely<any>): Promise<void> {
  await db.updateTable('bookings').set({ credits_spent: 0 }).where('status', 'in', ['confirmed', 'no_show']).execute();
}

async function createCreditPackages(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credit_packages')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('credits', 'integer', (col) => col.notNull())
    .addColumn('price_cents', 'integer', (col) => col.notNull())
    .addColumn('currency', 'char(3)', (col) => col.notNull())
    .addColumn('validity_days', 'integer', (col) => col.notNull())
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addCheckConstraint('credit_packages_name_check', sql`char_length(name) between 1 and 80`)
    .addCheckConstraint('credit_packages_credits_check', sql`credits between 1 and 1000`)
    .addCheckConstraint('credit_packages_price_cents_check', sql`price_cents between 50 and 10000000`)
    .addCheckConstraint('credit_packages_currency_check', sql`currency ~ '^[A-Z]{3}$'`)
    .addCheckConstraint('credit_packages_validity_days_check', sql`validity_days between 1 and 3660`)
    .execute();
  // The packages for sale are a handful: they need no index of their own.
}

async function createMemberships(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('memberships')
    .addColumn('member_id', 'uuid', (col) => col.primaryKey().references('users.id'))
    .addColumn('balance', 'integer', (col) => col.notNull().defaultTo(0))
    // Null until credits with a validity arrive: an admin's grant alone does not expire.
    .addColumn('valid_until', 'timestamptz')
    // The `valid_until` the member was last told about, so they are told once per date.
    .addColumn('expiry_notice_for', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('memberships_balance_check', sql`balance between 0 and 100000`)
    .execute();
  // The daily expiry job: balances that remain, soonest `valid_until` first; spent ones pile up and stay out.
  await db.schema
    .createIndex('memberships_expiry_due_idx')
    .on('memberships')
    .column('valid_until')
    .where(sql.ref('balance'), '>', 0)
    .execute();
}

async function createPurchases(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('purchases')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('member_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('package_id', 'uuid', (col) => col.notNull().references('credit_packages.id'))
    // The package's terms as bought: the package may change or retire later.
    .addColumn('package_name', 'text', (col) => col.notNull())
    .addColumn('credits', 'integer', (col) => col.notNull())
    .addColumn('price_cents', 'integer', (col) => col.notNull())
    .addColumn('currency', 'char(3)', (col) => col.notNull())
    .addColumn('validity_days', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    // One purchase is one PaymentIntent, and one PaymentIntent pays one purchase.
    .addColumn('payment_intent_id', 'text', (col) => col.unique())
    .addColumn('client_secret', 'text')
    .addColumn('failure_reason', 'text')
    // The member's Idempotency-Key of the request that started it: a retried request finds its purchase.
    .addColumn('request_key', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('purchases_member_id_request_key_key', ['member_id', 'request_key'])
    .addCheckConstraint('purchases_status_check', sql`status in ('pending', 'requires_action', 'succeeded', 'failed')`)
    .addCheckConstraint('purchases_terms_check', sql`credits > 0 and price_cents > 0 and validity_days > 0`)
    .addCheckConstraint('purchases_currency_check', sql`currency ~ '^[A-Z]{3}$'`)
    .addCheckConstraint('purchases_request_key_check', sql`char_length(request_key) between 1 and 255`)
    // What each status promises: a paid or 3-D Secure purchase names its intent; only 3-D Secure keeps the client
    // secret, only a failure its reason.
    .addCheckConstraint(
      'purchases_status_facts_check',
      sql`(status not in ('requires_action', 'succeeded') or payment_intent_id is not null)
        and (status = 'requires_action') = (client_secret is not null)
        and (status = 'failed') = (failure_reason is not null)`,
    )
    .execute();
}

async function createCreditTransactions(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credit_transactions')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    // Orders the lines of one save, which share their instant (an expiry written off before a purchase).
    .addColumn('seq', 'bigint', (col) => col.notNull().generatedAlwaysAsIdentity())
    .addColumn('member_id', 'uuid', (col) => col.notNull().references('memberships.member_id'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('amount', 'integer', (col) => col.notNull())
    .addColumn('balance_after', 'integer', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('booking_id', 'uuid')
    .addColumn('purchase_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addCheckConstraint('credit_transactions_type_check', sql`type in ('purchase', 'booking', 'refund', 'expiry', 'adjustment')`)
    .addCheckConstraint('credit_transactions_balance_after_check', sql`balance_after >= 0`)
    // Which way each type moves the balance; no line moves nothing.
    .addCheckConstraint(
      'credit_transactions_amount_check',
      sql`case type when 'purchase' then amount > 0 when 'refund' then amount > 0
        when 'booking' then amount < 0 when 'expiry' then amount < 0 else amount <> 0 end`,
    )
    // Bookings and refunds name their booking, purchases their purchase; nothing else names either.
    .addCheckConstraint(
      'credit_transactions_refs_check',
      sql`(type in ('booking', 'refund')) = (booking_id is not null) and (type = 'purchase') = (purchase_id is not null)`,
    )
    // Checked at commit: a handler saves the booking (or the purchase) and the balance in one transaction, in any order.
    .addForeignKeyConstraint('credit_transactions_booking_id_fkey', ['booking_id'], 'bookings', ['id'], checkedAtCommit)
    .addForeignKeyConstraint('credit_transactions_purchase_id_fkey', ['purchase_id'], 'purchases', ['id'], checkedAtCommit)
    .execute();
  // A member's history, newest first (the lines of one instant by `seq`).
  await db.schema
    .createIndex('credit_transactions_member_id_created_at_idx')
    .on('credit_transactions')
    .columns(['member_id', 'created_at', 'seq'])
    .execute();
  // Money moves once: one credit per purchase, one charge and one refund per booking.
  await uniqueLinePer(db, 'purchase', 'purchase_id');
  await uniqueLinePer(db, 'booking', 'booking_id');
  await uniqueLinePer(db, 'refund', 'booking_id');
}

function checkedAtCommit(fk: ForeignKeyConstraintBuilder): ForeignKeyConstraintBuilder {
  return fk.deferrable().initiallyDeferred();
}

async function uniqueLinePer(db: Kysely<any>, type: string, column: string): Promise<void> {
  await db.schema
    .createIndex(`credit_transactions_one_${type}_per_${column}_idx`)
    .on('credit_transactions')
    .column(column)
    .unique()
    .where(sql.ref('type'), '=', type)
    .execute();
}

async function createPaymentEvents(db: Kysely<any>): Promise<void> {
  // The gateway's events already handled (Stripe's `evt_…` ids): a replayed webhook finds its id here.
  await db.schema
    .createTable('payment_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .execute();
}
