import { CitizenSignOut, signOutMetadata } from '@/app/_components/citizen/sign-out-page';

export const metadata = signOutMetadata;

export default function KzSignOutPage() {
  return <CitizenSignOut provider="eGov" />;
}
