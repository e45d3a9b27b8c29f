import { t } from '@/lib/i18n';
import type { SettingsForm } from '@/lib/settings/form';

/**
 * Shown until an agency is saved: what to do, in order, with each step ticked off as the form
 * fills in. The current step carries aria-current="step".
 */
export function FirstRun({ form }: { form: SettingsForm }) {
  const steps = [
    { id: 'agency', label: t('options.firstRun.step.agency'), done: form.agencyId !== '' },
    {
      id: 'admin',
      label: t('options.firstRun.step.admin'),
      done: form.adminName.trim() !== '' && form.adminRole.trim() !== '',
    },
    {
      id: 'handles',
      label: t('options.firstRun.step.handles'),
      done: Object.values(form.handles).some((handle) => handle.trim() !== ''),
    },
    { id: 'save', label: t('options.firstRun.step.save'), done: false },
  ];
  const current = steps.find((step) => !step.done)?.id;
  return (
    <section class="sp-first-run" data-sp="first-run" aria-labelledby="sp-first-run-title">
      <h2 id="sp-first-run-title">{t('options.firstRun.title')}</h2>
      <p>{t('options.firstRun.text')}</p>
      <ol class="sp-steps" aria-label={t('options.firstRun.steps')}>
        {steps.map((step) => (
          <li
            key={step.id}
            data-step={step.id}
            data-done={String(step.done)}
            aria-current={step.id === current ? 'step' : undefined}
          >
            {step.label}
            {step.done ? <span class="sp-step-done"> ({t('options.firstRun.done')})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
