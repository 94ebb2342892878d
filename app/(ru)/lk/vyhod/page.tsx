import { CitizenSignOut, signOutMetadata } from '@/app/_components/citizen/sign-out-page';

export const metadata = signOutMetadata;

export default function CitizenSignOutPage() {
  return <CitizenSignOut provider="Госуслуги" />;
}
