import '@/lib/zod-config';
import { render } from 'preact';
import '@/components/ui/tokens.css';
import '@/components/ui/ui.css';
import '@/components/approvals/approvals.css';
import { language } from '@/lib/i18n';
import { createPopupBigTeamDeps } from '@/lib/popup/bigteam-deps';
import { createPopupBigTeam } from '@/lib/popup/bigteam-model';
import { createPopupDeps } from '@/lib/popup/popup-deps';
import { createPopupModel } from '@/lib/popup/popup-model';
import { followDebugSetting, getSettings } from '@/lib/settings/store';
import { PopupApp } from './app';

// Wiring only: the popup's logic is in lib/popup, its view in components/popup.
followDebugSetting();
void getSettings().then((settings) => {
  language.value = settings.language;
  document.documentElement.lang = settings.language;
  render(
    <PopupApp
      model={createPopupModel(createPopupDeps())}
      bigTeam={createPopupBigTeam(createPopupBigTeamDeps())}
    />,
    document.getElementById('app')!,
  );
});
