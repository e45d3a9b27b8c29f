import { render } from 'preact';
import { Options } from '@/components/options/options';

render(<Options />, document.getElementById('app')!);
