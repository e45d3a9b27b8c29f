import '@/lib/zod-config';
import { render } from 'preact';
import '@/components/ui/tokens.css';
import '@/components/ui/ui.css';
import { sendMessage } from '@/lib/messaging/protocol';
import { createCommitmentModel } from '@/lib/options/commitment-model';
import { createOptionsApi } from '@/lib/options/options-api';
import { createOptionsModel } from '@/lib/options/options-model';
import { followDebugSetting } from '@/lib/settings/store';
import { OptionsApp } from './app';

// Wiring only: the browser and the background behind one api object, the page's logic in the model.
followDebugSetting();
const api = createOptionsApi();
const commitment = createCommitmentModel({
  getCommitment: () => sendMessage('getCommitment'),
  commit: (version) => sendMessage('commit', { version }),
});
render(
  <OptionsApp model={createOptionsModel(api)} api={api} commitment={commitment} />,
  document.getElementById('app')!,
);
