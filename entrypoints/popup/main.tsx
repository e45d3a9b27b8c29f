import '@/lib/zod-config';
import { render } from 'preact';
import '@/components/ui/tokens.css';
import '@/components/ui/ui.css';
import '@/components/approvals/approvals.css';
import { PopupPage } from '@/components/popup/popup-page';
import { language } from '@/lib/i18n';
import { createPopupDeps } from '@/lib/popup/popup-deps';
import { createPopupModel } from '@/lib/popup/popup-model';
import { followDebugSetting, getSettings } from '@/lib/settings/store';

// Wiring only: the popup's logic is in lib/popup, its view in components/popup.
followDebugSetting();
void getSettings().then((settings) => {
  language.value = settings.language;
  document.documentElement.lang = settings.language;
  render(<PopupPage model={createPopupModel(createPopupDeps())} />, document.getElementById('app')!);
});
