import { nationalRoute } from '@/app/_national/jurisdiction-gate';
import { startCitizenSignIn, toSignInPage } from '@/lib/auth/citizen-sign-in-start';

/** «Войти через eGov»: the form post that starts the sign-in (lib/auth/citizen-sign-in-start.ts). */
export const POST = nationalRoute('kz', startCitizenSignIn);
export const GET = nationalRoute('kz', toSignInPage);
