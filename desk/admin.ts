import type { Db } from './db/db';
import { readablePassword } from './demo';
import { issueAgencyToken } from './store/tokens';
import { createUser, ROLES, type Role } from './store/users';

export const ADMIN_USAGE = `  npm run desk -- user add USER --role reviewer|editor|admin --name "Full Name" [--data DIR]
  npm run desk -- token AGENCY_ID [--data DIR]
  (with DATABASE_URL set, on PostgreSQL; the password or token is printed once)`;

/**
 * Account and token commands for a real desk (the demo makes its own): they run against the same
 * database as the server and print what must be handed over, once.
 */
export async function runAdminCommand(db: Db, args: string[]): Promise<string> {
  const [command, ...rest] = args;
  const option = (name: string) => {
    const at = rest.indexOf(`--${name}`);
    return at >= 0 ? rest[at + 1] : undefined;
  };
  if (command === 'user' && rest[0] === 'add' && rest[1] && !rest[1].startsWith('--')) {
    const role = option('role') ?? 'reviewer';
    if (!(ROLES as readonly string[]).includes(role))
      throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    const password = readablePassword();
    const user = await createUser(
      db,
      { username: rest[1], displayName: option('name') ?? rest[1], role: role as Role, password },
      'desk-cli',
    );
    return `User: ${user.username} ${password}`;
  }
  if (command === 'token' && rest[0] && /^[a-z0-9][a-z0-9-]*$/.test(rest[0])) {
    const token = await issueAgencyToken(db, rest[0], { label: option('label') ?? '', actor: 'desk-cli' });
    return `Agency token (${rest[0]}): ${token}`;
  }
  throw new Error(`usage:\n${ADMIN_USAGE}`);
}
