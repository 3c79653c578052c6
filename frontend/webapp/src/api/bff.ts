/** The BFF's own endpoints (not a service's): who is signed in, and the CSRF token to echo on changes. */
import { send } from './http';

export interface Session {
  user: string;
  name?: string;
  roles: string[];
  alliances: string[];
  csrfToken: string;
}

export const session = async (): Promise<Session> => (await send('/bff/session')).json() as Promise<Session>;
