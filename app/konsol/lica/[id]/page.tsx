import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { nationalPart } from '@/lib/jurisdiction/national';
import { KazakhCardPage } from './_kz/kazakh-card-page';
import type { PersonPageProps } from './_card/page-input';
import { RussianCardPage } from './_card/russian-card-page';

export const metadata: Metadata = { title: 'Карточка застрахованного' };

/** One address in both countries (ADR 0029): each country's card shows its own register's facts. */
export default async function PersonCardPage(props: PersonPageProps) {
  const page = nationalPart<(props: PersonPageProps) => Promise<ReactNode>>({
    ru: RussianCardPage,
    kz: KazakhCardPage,
  });
  return page(props);
}
