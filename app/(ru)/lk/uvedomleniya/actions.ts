'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { currentCitizen } from '@/lib/auth/citizen';
import { markNotificationsRead } from '@/lib/notifications/mark-notifications-read';
import { formText } from '@/app/_components/form-state';

/**
 * Marks one notification (`id`) or all of them (`id=all`) read: a form post, with or without JavaScript
 * (Next checks a server action's origin). Ids are only a choice: the use case touches the account's own
 * notifications alone, so a tampered id marks nothing.
 */
export async function markReadAction(form: FormData): Promise<void> {
  const citizen = await currentCitizen();
  if (!citizen) redirect('/lk/vhod?next=%2Flk%2Fuvedomleniya');
  const id = formText(form, 'id');
  let updated = 0;
  if (id === 'all') {
    ({ updated } = await markNotificationsRead({ ids: 'all' }, citizen.actor));
  } else if (/^\d{1,15}$/.test(id)) {
    ({ updated } = await markNotificationsRead({ ids: [Number(id)] }, citizen.actor));
  }
  // The unread count lives in the cabinet's layout.
  revalidatePath('/lk', 'layout');
  redirect(`/lk/uvedomleniya?otmecheno=${updated}`);
}
