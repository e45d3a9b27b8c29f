import type { ComponentChildren, JSX } from 'preact';
import type { Tone } from './tones';

export type StatusPillProps = Omit<JSX.HTMLAttributes<HTMLSpanElement>, 'class' | 'className'> & {
  tone: Tone;
  children: ComponentChildren;
  class?: string;
};

/** A short status in colour and words (the words carry the meaning; colour only repeats it). */
export function StatusPill({ tone, children, class: extra, ...rest }: StatusPillProps) {
  return (
    <span {...rest} class={['sp-pill', `sp-pill-${tone}`, extra].filter(Boolean).join(' ')}>
      {children}
    </span>
  );
}
