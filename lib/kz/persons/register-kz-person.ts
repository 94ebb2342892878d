import { kzResidencePermits, persons } from '@/db/schema';
import { requirePermission } from '@/lib/auth/permissions';
import { checkKzPersonData, type KzPersonInput } from '@/lib/domain/kz';
import { AppError, fieldIssue } from '@/lib/errors';
import { retryPending } from '@/lib/feeds/apply-feed-events';
import { runWrite, type WriteMeta } from '@/lib/register/writer';
import { findKzPersonId } from './find-kz-person';

export interface RegisteredKzPerson {
  personId: number;
  iin: string;
  /** The ids of the residence permits recorded with the person, in the input's order. */
  permitIds: number[];
}

/**
 * Enters a person into the Kazakh register by ИИН (the fund's administrator, an agency's feed, the demo
 * seeder): permission first, every field checked and named (the birth date and sex against the ИИН), then
 * the person, their residence permits and a register event for each (`person.registered`,
 * `residence.recorded`) in one transaction. The status is never stored: it follows from the facts.
 */
export async function registerKzPerson(meta: WriteMeta, input: KzPersonInput): Promise<RegisteredKzPerson> {
  requirePermission(meta.actor, 'person:register');
  const registered = await runWrite(meta, async (w) => {
    const checked = checkKzPersonData(input, w.today);
    if (!checked.ok) throw AppError.validation(checked.issues);
    const { residencePermits, ...person } = checked.value;
    if ((await findKzPersonId(w.tx, person.iin)) !== null)
      throw new AppError('IIN_ALREADY_REGISTERED', { fields: [fieldIssue('iin', 'IIN_ALREADY_REGISTERED')] });
    const [row] = await w.tx
      .insert(persons)
      .values({ jurisdiction: 'kz', ...person })
      .returning({ id: persons.id });
    const personId = row!.id;
    await w.record({
      personId,
      entity: 'person',
      entityId: personId,
      action: 'person.registered',
      effectiveDate: w.today,
      data: person,
    });
    const permitIds: number[] = [];
    for (const permit of residencePermits) {
      const [p] = await w.tx
        .insert(kzResidencePermits)
        .values({
          personId,
          basis: permit.basis,
          fromDate: permit.from,
          toDate: permit.to,
          source: meta.source,
        })
        .returning({ id: kzResidencePermits.id });
      permitIds.push(p!.id);
      await w.record({
        personId,
        entity: 'residence',
        entityId: p!.id,
        action: 'residence.recorded',
        effectiveDate: permit.from,
        data: permit,
      });
    }
    return { personId, iin: person.iin, permitIds };
  });
  // Payments and category lists that came before the person wait as pending under the ИИН (ADR 0031); now
  // that the person is committed they apply, each in its own transaction. Inside an enclosing transaction
  // the person is not committed yet: that caller (a feed run) retries the persons it touched itself.
  if (!meta.within) await retryPending({ personIds: [registered.personId] }, { now: meta.now });
  return registered;
}
