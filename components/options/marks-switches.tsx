import { t } from '@/lib/i18n';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';

export interface MarksSwitchesProps {
  value: Record<PlatformId, boolean>;
  onChange(platform: PlatformId, on: boolean): void;
}

/** Inline marks over the composer's text, switched per platform. */
export function MarksSwitches({ value, onChange }: MarksSwitchesProps) {
  return (
    <fieldset class="sp-section" aria-describedby="sp-marks-hint">
      <legend>{t('options.marks.legend')}</legend>
      <p id="sp-marks-hint" class="sp-hint">
        {t('options.marks.hint')}
      </p>
      {PLATFORM_IDS.map((platform) => (
        <div key={platform} class="sp-check">
          <input
            id={`sp-marks-${platform}`}
            type="checkbox"
            data-sp="marks-switch"
            data-platform={platform}
            checked={value[platform]}
            onChange={(event) => onChange(platform, event.currentTarget.checked)}
          />
          <label for={`sp-marks-${platform}`}>
            {t('options.marks.switch', { platform: t(`common.platform.${platform}`) })}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export interface DebugSwitchProps {
  value: boolean;
  onChange(on: boolean): void;
}

/** Technical detail in the console, for whoever helps the admin find a problem. */
export function DebugSwitch({ value, onChange }: DebugSwitchProps) {
  return (
    <fieldset class="sp-section" aria-describedby="sp-debug-hint">
      <legend>{t('options.debug.legend')}</legend>
      <div class="sp-check">
        <input
          id="sp-debug"
          type="checkbox"
          data-sp="debug"
          checked={value}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <label for="sp-debug">{t('options.debug.label')}</label>
      </div>
      <p id="sp-debug-hint" class="sp-hint">
        {t('options.debug.hint')}
      </p>
    </fieldset>
  );
}
