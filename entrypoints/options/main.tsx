import '@/lib/zod-config';
import { render } from 'preact';
import { Options } from '@/components/options/options';
import { createOptionsApi } from '@/lib/settings/options-api';

// Wiring only: the page's logic is in components/options and lib/settings.
render(<Options api={createOptionsApi()} />, document.getElementById('app')!);
