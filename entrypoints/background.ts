import '@/lib/zod-config';
import { setupApprovals } from '@/lib/approvals/background';
import { setupBigTeam } from '@/lib/bigteam/background';
import { openDatabase } from '@/lib/db/database';
import { setupLibrary } from '@/lib/library/background';
import { setupSettings } from '@/lib/settings/background';
import { setupSidebarCommands } from '@/lib/sidebar/commands';

// Wiring only: each domain registers its own listeners synchronously (MV3 service workers must
// register listeners in the first turn); the logic lives in lib/.
export default defineBackground(() => {
  const db = openDatabase();
  setupSettings();
  setupLibrary(db);
  setupApprovals(db);
  setupBigTeam(db);
  setupSidebarCommands();
});
