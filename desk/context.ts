import type { Db } from './db/db';
import type { Signer } from './store/library';
import type { User } from './store/users';
import type { DeskLang } from './views/messages';

/** Everything a desk instance needs; all lasting state is in `db`, so instances are interchangeable. */
export interface DeskConfig {
  db: Db;
  /** The library this desk publishes (`meta.yaml` id), served at /library/<id>.json. */
  libraryId: string;
  sign: Signer;
  now?: () => Date;
  /** Submissions per agency token per minute (default 600). */
  submissionsPerMinute?: number;
  /** Set the Secure attribute on cookies (default true; browsers accept it on http://127.0.0.1). */
  secureCookies?: boolean;
}

export interface DeskEnv {
  Variables: {
    lang: DeskLang;
    user: User;
    csrf: string;
  };
}
