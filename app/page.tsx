import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { nationalPart } from '@/lib/jurisdiction/national';
import { KazakhStart, KZ_START_TITLE } from './_national/kz-start';
import { RussianStart, RU_START_TITLE } from './_national/ru-start';

/**
 * The start page is one URL in every register (ADR 0029); what it offers is national — Russia's ОМС
 * journeys, Kazakhstan's status check and cabinet — so each country has its own start, chosen here once by
 * the deployment's profile (ADR 0032).
 */
const start = () =>
  nationalPart<{ title: string; page: () => ReactNode }>({
    ru: { title: RU_START_TITLE, page: RussianStart },
    kz: { title: KZ_START_TITLE, page: KazakhStart },
  });

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return { title: { absolute: start().title } };
}

export default async function StartPage() {
  // The build runs under one jurisdiction: the page is rendered per request, never baked in.
  await connection();
  const Start = start().page;
  return <Start />;
}
