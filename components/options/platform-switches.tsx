import { Button } from '@/components/ui/button';
import { t } from '@/lib/i18n';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';

export interface PlatformSwitchesProps {
  value: Record<PlatformId, boolean>;
  /** false where the browser withholds the platform's host permission (Firefox MV3). */
  access: Partial<Record<PlatformId, boolean>>;
  onChange(platform: PlatformId, on: boolean): void;
  /** Click handler: requests the platform's hosts in the same user gesture. */
  onGrant(platform: PlatformId): void;
}

/** Which platforms Satu Pintu is active on, and whether the browser lets it run there. */
export function PlatformSwitches({ value, access, onChange, onGrant }: PlatformSwitchesProps) {
  return (
    <fieldset class="sp-section" aria-describedby="sp-platforms-hint">
      <legend>{t('options.platforms.legend')}</legend>
      <p id="sp-platforms-hint" class="sp-hint">
        {t('options.platforms.hint')}
      </p>
      {PLATFORM_IDS.map((platform) => {
        const name = t(`common.platform.${platform}`);
        return (
          <div key={platform} class="sp-check">
            <input
              id={`sp-platform-${platform}`}
              type="checkbox"
              data-sp="platform"
              data-platform={platform}
              checked={value[platform]}
              onChange={(event) => onChange(platform, event.currentTarget.checked)}
            />
            <label for={`sp-platform-${platform}`}>{name}</label>
            {value[platform] && access[platform] === false ? (
              <span class="sp-warning" data-sp="platform-access" data-platform={platform}>
                {t('options.platforms.noAccess', { platform: name })}{' '}
                <Button data-sp="grant" data-platform={platform} onClick={() => onGrant(platform)}>
                  {t('options.platforms.grant', { platform: name })}
                </Button>
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
